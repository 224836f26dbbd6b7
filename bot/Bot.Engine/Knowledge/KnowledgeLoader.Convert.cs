using System.Text.RegularExpressions;
using Bot.Engine.Contracts;
using Bot.Knowledge.Schema;

namespace Bot.Engine.Knowledge;

public sealed partial class KnowledgeLoader
{
    private static readonly string[] LocaleKeys = ["en", "ja", "de"];
    private static readonly HashSet<string> Wires = ["header", "extended", "tsig", "tkey", "option"];

    /// <summary>Which text fields a kind of entry must fill in every language.</summary>
    private enum Shape
    {
        Rich,
        Short,
        Comparison,
        Scenario,
        Triage,
        Cause,
    }

    private void AddCode(EntryDto dto, string family, string file, string at)
    {
        var id = dto.Id ?? "";
        var value = dto.Value ?? "";
        if (!string.Equals(id, $"{family}:{value}", StringComparison.OrdinalIgnoreCase))
        {
            Problem(file, at + "id", $"must be '{family}:{value}' (family and value), is '{id}'");
        }

        if (dto.Names is not { Count: > 0 } || dto.Names.Any(string.IsNullOrWhiteSpace))
        {
            Problem(file, at + "names", "at least one non-empty name is required");
        }

        var rich = Families.IsRich(family);
        var text = Texts(dto.Text, file, at + "text", rich ? Shape.Rich : Shape.Short);
        if (text is null || !Define(id, file, at + "id"))
        {
            return;
        }

        if (rich && dto.Equivalents is not { Count: > 0 })
        {
            Problem(file, at + "equivalents", "a DNS code needs at least one cross-protocol equivalent");
        }

        _codes.Add(new CodeEntry
        {
            Id = id,
            Family = family,
            Value = value,
            Names = dto.Names ?? [],
            Aliases = dto.Aliases ?? [],
            Severity = ParseSeverity(dto.Severity, file, at + "severity"),
            Wire = ParseWire(dto.Wire, file, at + "wire", required: rich),
            Refs = Refs(dto.Refs, file, at + "refs", required: family is not Families.DnsFlag and not Families.DnsPseudo && !family.StartsWith("grpc", StringComparison.Ordinal)),
            Related = Ids(dto.Related, file, at + "related"),
            Equivalents = [.. (dto.Equivalents ?? []).Select((e, i) => Equivalent(e, file, $"{at}equivalents[{i}]")).OfType<Equivalent>()],
            Guides = Ids(dto.Guides, file, at + "guides", "guide:"),
            Scenarios = Ids(dto.Scenarios, file, at + "scenarios", "scenario:"),
            Meanings = [.. (dto.Meanings ?? []).Select((m, i) => Meaning(m, file, $"{at}meanings[{i}]")).OfType<Meaning>()],
            Rcodes = Ids(dto.Rcodes, file, at + "rcodes", "dns:rcode:"),
            Provisional = dto.Provisional,
            Text = text,
        });
    }

    private Equivalent? Equivalent(EquivalentDto dto, string file, string at)
    {
        var why = LocalizedString(dto.Why, file, at + ".why");
        if (string.IsNullOrEmpty(dto.Id))
        {
            Problem(file, at + ".id", "required");
            return null;
        }

        _references.Add((file, at + ".id", dto.Id));
        return why is null ? null : new Equivalent(dto.Id, why);
    }

    private Meaning? Meaning(MeaningDto dto, string file, string at)
    {
        if (string.IsNullOrEmpty(dto.Key) || string.IsNullOrEmpty(dto.Name))
        {
            Problem(file, at, "key and name are required");
            return null;
        }

        var text = Texts(dto.Text, file, at + ".text", Shape.Short);
        return text is null
            ? null
            : new Meaning(dto.Key, dto.Name, ParseWire(dto.Wire, file, at + ".wire", required: true), Refs(dto.Refs, file, at + ".refs", required: true), text);
    }

    private void AddRange(RangeDto dto, string family, string file, string at)
    {
        if (dto.From > dto.To || dto.From < 0)
        {
            Problem(file, at + "from", $"{dto.From}..{dto.To} is not a range");
        }

        RangeKind? kind = dto.Kind switch
        {
            "unassigned" => RangeKind.Unassigned,
            "private" => RangeKind.Private,
            "reserved" => RangeKind.Reserved,
            _ => null,
        };
        if (kind is null)
        {
            Problem(file, at + "kind", $"must be unassigned, private or reserved (is '{dto.Kind}')");
        }

        var text = Texts(dto.Text, file, at + "text", Shape.Short);
        if (text is not null && kind is not null)
        {
            _ranges.Add(new CodeRange(family, dto.From, dto.To, kind.Value, Refs(dto.Refs, file, at + "refs", required: false), text));
        }
    }

    private void AddGlossary(GlossaryDto dto, string file, string at)
    {
        var id = dto.Id ?? "";
        if (!id.StartsWith("glossary:", StringComparison.Ordinal) || id.Length <= "glossary:".Length)
        {
            Problem(file, at + "id", $"must be glossary:<slug> (is '{id}')");
        }

        var terms = LocalizedList(dto.Terms, file, at + "terms");
        var text = Texts(dto.Text, file, at + "text", Shape.Short);
        if (terms is not null && text is not null && Define(id, file, at + "id"))
        {
            _glossary.Add(new GlossaryTerm(id, terms, Ids(dto.Related, file, at + "related"), text));
        }
    }

    private void AddComparison(ComparisonDto dto, string file, string at)
    {
        if (string.IsNullOrEmpty(dto.A) || string.IsNullOrEmpty(dto.B) || dto.A == dto.B)
        {
            Problem(file, at + "a", "a and b must name two different codes");
            return;
        }

        _references.Add((file, at + "a", dto.A));
        _references.Add((file, at + "b", dto.B));
        var text = Texts(dto.Text, file, at + "text", Shape.Comparison);
        if (text is not null)
        {
            _comparisons.Add(new Comparison(dto.A, dto.B, text));
        }
    }

    private void AddScenario(ScenarioDto dto, string file)
    {
        var id = dto.Id ?? "";
        var expected = "scenario:" + Path.GetFileNameWithoutExtension(file);
        if (id != expected)
        {
            Problem(file, "id", $"must be '{expected}' (named after the file), is '{id}'");
        }

        var keywords = LocalizedList(dto.Keywords, file, "keywords");
        var text = Texts(dto.Text, file, "text", Shape.Scenario);
        if (keywords is not null && text is not null && Define(id, file, "id"))
        {
            _scenarios.Add(new Scenario(id, Ids(dto.Codes, file, "codes"), Ids(dto.Guides, file, "guides", "guide:"), keywords, text));
        }
    }

    private void AddTriage(TriageDto dto, string file, string at)
    {
        var id = dto.Id ?? "";
        var patterns = new List<Regex>();
        foreach (var (pattern, i) in (dto.Patterns ?? []).Select((p, i) => (p, i)))
        {
            try
            {
                // Interpreted, not compiled: the patterns are short and compiling them all would cost start-up time.
                patterns.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)));
            }
            catch (ArgumentException e)
            {
                Problem(file, $"{at}patterns[{i}]", e.Message);
            }
        }

        if (patterns.Count == 0)
        {
            Problem(file, at + "patterns", "at least one pattern is required");
        }

        if (string.IsNullOrEmpty(dto.Implies))
        {
            Problem(file, at + "implies", "required");
        }
        else
        {
            _references.Add((file, at + "implies", dto.Implies));
        }

        var text = Texts(dto.Text, file, at + "text", Shape.Triage);
        if (text is not null && Define("triage:" + id, file, at + "id"))
        {
            if (string.IsNullOrWhiteSpace(dto.Source))
            {
                Problem(file, at + "source", "required (the tool or log it comes from)");
            }

            _triage.Add(new TriagePattern(id, dto.Source ?? "", patterns, dto.Implies ?? "", ParseSeverity(dto.Severity, file, at + "severity"), text));
        }
    }

    private void AddCause(CauseDto dto, string file, string at)
    {
        var id = dto.Id ?? "";
        if (!Diagnosis.Causes.All.Contains(id))
        {
            Problem(file, at + "id", $"'{id}' is not a cause the diagnosis produces ({string.Join(", ", Diagnosis.Causes.All)})");
        }

        var text = Texts(dto.Text, file, at + "text", Shape.Cause);
        if (dto.Scenario is not null)
        {
            _references.Add((file, at + "scenario", dto.Scenario));
        }

        if (text is not null && Define("cause:" + id, file, at + "id"))
        {
            _causes.Add(new Cause(id, ParseSeverity(dto.Severity, file, at + "severity"), Ids(dto.Codes, file, at + "codes", "dns:"), dto.Scenario, Ids(dto.Guides, file, at + "guides", "guide:"), text));
        }
    }

    private bool Define(string id, string file, string field)
    {
        if (_definedIn.TryGetValue(id, out var other))
        {
            Problem(file, field, $"'{id}' is already defined in {other}");
            return false;
        }

        _definedIn[id] = file;
        return true;
    }

    private List<string> Ids(List<string>? ids, string file, string field, string? prefix = null)
    {
        var list = ids ?? [];
        foreach (var id in list)
        {
            if (prefix is not null && !id.StartsWith(prefix, StringComparison.Ordinal))
            {
                Problem(file, field, $"'{id}' must start with '{prefix}'");
            }

            _references.Add((file, field, id));
        }

        return list;
    }

    private List<Reference> Refs(List<string>? refs, string file, string field, bool required)
    {
        if (required && refs is not { Count: > 0 })
        {
            Problem(file, field, "at least one reference is required");
        }

        var result = new List<Reference>();
        foreach (var r in refs ?? [])
        {
            if (Reference.TryParse(r) is { } parsed)
            {
                result.Add(parsed);
            }
            else
            {
                Problem(file, field, $"'{r}' is not 'RFC <n>', 'RFC <n> §<section>', 'draft-...' or an https URL");
            }
        }

        return result;
    }

    private Severity ParseSeverity(string? value, string file, string field)
    {
        switch (value)
        {
            case "ok": return Severity.Ok;
            case "info": return Severity.Info;
            case "warning": return Severity.Warning;
            case "error": return Severity.Error;
            default:
                Problem(file, field, $"must be ok, info, warning or error (is '{value}')");
                return Severity.Info;
        }
    }

    private string? ParseWire(string? value, string file, string field, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Problem(file, field, "required");
            }

            return null;
        }

        if (!Wires.Contains(value))
        {
            Problem(file, field, $"must be one of {string.Join(", ", Wires)} (is '{value}')");
        }

        return value;
    }
}
