using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Engine.Localization;

namespace Bot.Engine.Knowledge;

public sealed partial class KnowledgeLoader
{
    /// <summary>Registries whose official names must appear among an entry's names or aliases.</summary>
    private static readonly HashSet<string> NameChecked = [Families.DnsRcode, Families.DnsEde, Families.HttpStatus, Families.GrpcStatus, Families.SipResponse];

    private KnowledgeBase Finish()
    {
        var guides = FinishGuides();
        var known = new HashSet<string>(_definedIn.Keys, StringComparer.Ordinal);
        foreach (var code in _codes)
        {
            foreach (var m in code.Meanings)
            {
                known.Add($"{code.Id}#{m.Key}");
            }
        }

        foreach (var (file, field, id) in _references)
        {
            if (!known.Contains(id))
            {
                Problem(file, field, $"'{id}' does not exist in the knowledge base");
            }
        }

        foreach (var (file, md) in _markdown)
        {
            foreach (Match link in MarkdownLink().Matches(md))
            {
                var target = link.Groups["t"].Value;
                if (!target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !known.Contains(target))
                {
                    Problem(file, "link", $"'{target}' does not exist in the knowledge base");
                }
            }
        }

        CheckRegistries();
        foreach (var id in Diagnosis.Causes.All.Where(c => !_causes.Any(x => x.Id == c)))
        {
            Problem("diagnosis/causes.yaml", id, "missing (the diagnosis can conclude it)");
        }

        foreach (var key in UiKeys.All.Where(k => !_ui.ContainsKey(k)))
        {
            Problem("ui/strings.yaml", key, "missing (the engine uses it)");
        }

        if (_problems.Count > 0)
        {
            throw new KnowledgeException(_problems);
        }

        return new KnowledgeBase(_codes, _ranges, _glossary, guides, _scenarios, _comparisons, _triage, _causes, new UiStrings(_ui));
    }

    private List<Guide> FinishGuides()
    {
        var guides = new List<Guide>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (dto, file) in _guideIndex)
        {
            var id = dto.Id ?? "";
            if (!id.StartsWith("guide:", StringComparison.Ordinal))
            {
                Problem(file, "entries.id", $"must be guide:<slug> (is '{id}')");
                continue;
            }

            var slug = id["guide:".Length..];
            listed.Add(slug);
            var text = Texts(dto.Text, file, $"{id}.text", Shape.Short);
            var md = LocaleKeys.Select(l => _markdown.GetValueOrDefault($"guides/{slug}.{l}.md")).ToArray();
            for (var i = 0; i < md.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(md[i]))
                {
                    Problem(file, id, $"guides/{slug}.{LocaleKeys[i]}.md is missing or empty");
                }
            }

            if (text is not null && md.All(m => !string.IsNullOrWhiteSpace(m)) && Define(id, file, "entries.id"))
            {
                guides.Add(new Guide(id, Ids(dto.Related, file, $"{id}.related"), text, new Localized<string>(md[0]!, md[1]!, md[2]!)));
            }
        }

        foreach (var path in _markdown.Keys)
        {
            var name = Path.GetFileName(path);
            var slug = name[..name.IndexOf('.', StringComparison.Ordinal)];
            if (!listed.Contains(slug))
            {
                Problem(path, "(file)", $"guide '{slug}' is not listed in guides/index.yaml");
            }
        }

        return guides;
    }

    /// <summary>Every value of every registry must have an entry or fall in a range entry.</summary>
    private void CheckRegistries()
    {
        foreach (var (family, csv) in Families.Registries)
        {
            if (!_registries.TryGetValue(csv, out var rows))
            {
                Problem("registries/" + csv, "(file)", "missing");
                continue;
            }

            var file = "registries/" + csv;
            var rowsByValue = rows.Skip(1).Where(r => r.Length > 1 && r[0].Length > 0).GroupBy(r => r[0]);
            foreach (var group in rowsByValue)
            {
                var value = group.Key;
                var name = group.First()[1];
                var unassigned = name.StartsWith("Unassigned", StringComparison.Ordinal);
                if (TryRange(value, out var from, out var to) && (unassigned || from != to))
                {
                    if (!Covered(family, from, to))
                    {
                        Problem(file, value, $"values {from}-{to} have no range entry in the {family} knowledge");
                    }

                    continue;
                }

                var entry = _codes.FirstOrDefault(c => c.Family == family && string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase));
                if (entry is null)
                {
                    if (!(int.TryParse(value, CultureInfo.InvariantCulture, out var n) && Covered(family, n, n)))
                    {
                        Problem(file, value, $"registry value '{value}' ({name}) has no entry ({family}:{value})");
                    }

                    continue;
                }

                if (group.Count() > 1 && entry.Meanings.Count < group.Count())
                {
                    Problem(_definedIn[entry.Id], "meanings", $"{entry.Id} has {group.Count()} registrations and needs a meaning for each");
                }

                if (NameChecked.Contains(family))
                {
                    foreach (var row in group)
                    {
                        var official = row[1];
                        var known = entry.Names.Concat(entry.Aliases).Concat(entry.Meanings.Select(m => m.Name));
                        var paren = official.IndexOf(" (", StringComparison.Ordinal);
                        var bare = paren > 0 ? official[..paren] : official;
                        if (!known.Any(n => string.Equals(n, official, StringComparison.OrdinalIgnoreCase) || string.Equals(n, bare, StringComparison.OrdinalIgnoreCase)))
                        {
                            Problem(_definedIn[entry.Id], "names", $"the registry name '{official}' of {entry.Id} is not among its names or aliases");
                        }
                    }
                }

                if (group.Any(r => r.Length > 3 && r[3].Contains("unconfirmed", StringComparison.Ordinal)) && !entry.Provisional)
                {
                    Problem(_definedIn[entry.Id], "provisional", $"{entry.Id} is unconfirmed in the registry and must be marked provisional");
                }
            }
        }
    }

    private bool Covered(string family, int from, int to)
    {
        var next = from;
        foreach (var r in _ranges.Where(r => r.Family == family).OrderBy(r => r.From))
        {
            if (r.From <= next && r.To >= next)
            {
                next = r.To + 1;
            }

            if (next > to)
            {
                return true;
            }
        }

        return next > to;
    }

    private static bool TryRange(string value, out int from, out int to)
    {
        from = to = -1;
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && int.TryParse(value[..dash], CultureInfo.InvariantCulture, out from) && int.TryParse(value[(dash + 1)..], CultureInfo.InvariantCulture, out to))
        {
            return true;
        }

        if (int.TryParse(value, CultureInfo.InvariantCulture, out from))
        {
            to = from;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"\]\((?<t>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
