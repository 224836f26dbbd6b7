using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Engine.Knowledge;

namespace Bot.Engine.Understanding;

/// <summary>What a code reference ("2", "SERVFAIL", "http 503", "5.1.1", "BADSIG") turned out to be.</summary>
internal sealed record Resolution
{
    public CodeEntry? Entry { get; init; }

    /// <summary>For a name that selects one registration of a doubly assigned value (BADSIG, BADVERS).</summary>
    public string? Meaning { get; init; }

    public CodeRange? Range { get; init; }
    public int RangeValue { get; init; }

    /// <summary>Other families that have the same value (503 is HTTP, SMTP and SIP).</summary>
    public IReadOnlyList<CodeEntry> AlsoIn { get; init; } = [];

    /// <summary>For an SMTP enhanced code that is not enumerated: its class and subject entries.</summary>
    public IReadOnlyList<CodeEntry> Parts { get; init; } = [];

    /// <summary>For an SMTP enhanced code such as 5.1.1: the concrete value (the entries are X.1.1 and 5.XXX.YYY).</summary>
    public string? Concrete { get; init; }

    public bool Found => Entry is not null || Range is not null;

    public string? Id => Entry is null ? null : Meaning is null ? Entry.Id : $"{Entry.Id}#{Meaning}";
}

internal sealed partial class CodeResolver(KnowledgeBase kb, Lexicon lexicon)
{
    /// <summary>Resolves one reference; <paramref name="family"/> narrows it (from /ede, /code http ..., or a hint word).</summary>
    public Resolution Resolve(string reference, string? family = null)
    {
        var text = reference.Trim();
        if (text.Length == 0)
        {
            return new Resolution();
        }

        // A stable id: dns:rcode:2, dns:rcode:9#tsig, http:status:503.
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var idPart = hash > 0 ? text[..hash] : text;
        if (kb.Codes.TryGetValue(idPart, out var byId))
        {
            var meaning = hash > 0 ? text[(hash + 1)..] : null;
            return new Resolution { Entry = byId, Meaning = byId.Meanings.Any(m => m.Key == meaning) ? meaning : null };
        }

        // A value exactly as the registry writes it ("X.1.YYY", "qr", "NODATA").
        if (family is not null && kb.Find(family, text) is { } exact)
        {
            return new Resolution { Entry = exact };
        }

        if (SmtpEnhanced().IsMatch(text) && family is null or Families.SmtpEnhanced or Families.SmtpReply)
        {
            return ResolveSmtpEnhanced(text);
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return ResolveNumber(number, text, family);
        }

        return ResolveName(text, family);
    }

    private Resolution ResolveNumber(int number, string text, string? family)
    {
        var value = number.ToString(CultureInfo.InvariantCulture);
        if (family is not null)
        {
            return kb.Find(family, value) is { } exact
                ? new Resolution { Entry = exact }
                : RangeOrNothing(family, number);
        }

        // A bare number is an RCODE when 0–23; a number that only exists elsewhere (503) goes there.
        if (number <= 23)
        {
            return kb.Find(Families.DnsRcode, value) is { } rcode ? new Resolution { Entry = rcode } : RangeOrNothing(Families.DnsRcode, number);
        }

        var elsewhere = new[] { Families.HttpStatus, Families.SmtpReply, Families.SipResponse }
            .Select(f => kb.Find(f, text))
            .OfType<CodeEntry>()
            .ToList();
        if (elsewhere.Count > 0)
        {
            return new Resolution { Entry = elsewhere[0], AlsoIn = elsewhere.Skip(1).ToList() };
        }

        return RangeOrNothing(Families.DnsRcode, number);
    }

    private Resolution RangeOrNothing(string family, int number) =>
        kb.FindRange(family, number) is { } range ? new Resolution { Range = range, RangeValue = number } : new Resolution();

    private Resolution ResolveSmtpEnhanced(string text)
    {
        if (kb.Find(Families.SmtpEnhanced, text) is { } exact)
        {
            return new Resolution { Entry = exact };
        }

        // RFC 3463: class.subject.detail; the registry lists details as X.subject.detail and the classes apart.
        var parts = text.Split('.');
        var cls = kb.Find(Families.SmtpEnhanced, $"{parts[0]}.XXX.YYY");
        var detail = kb.Find(Families.SmtpEnhanced, $"X.{parts[1]}.{parts[2]}");
        var subject = kb.Find(Families.SmtpEnhanced, $"X.{parts[1]}.YYY");
        if (cls is null)
        {
            return new Resolution();
        }

        return detail is not null
            ? new Resolution { Entry = detail, Concrete = text, Parts = [cls] }
            : new Resolution { Entry = cls, Concrete = text, Parts = subject is null ? [] : [subject] };
    }

    private Resolution ResolveName(string text, string? family)
    {
        var tokens = Tokenizer.Tokenize(text);
        var key = string.Join(' ', tokens.Select(t => t.Text));
        var targets = lexicon.Lookup(key)?.Where(t => t.Kind == TargetKind.Code).ToList() ?? [];
        if (targets.Count == 0 && tokens.Count == 1)
        {
            targets = [.. lexicon.Fuzzy(tokens[0].Text)];
        }

        var chosen = targets
            .Where(t => family is null || Knowledge.Families.Of(t.Id) == family)
            .OrderByDescending(t => t.Weight)
            .FirstOrDefault();
        return chosen is null ? new Resolution() : new Resolution { Entry = kb.Codes[chosen.Id], Meaning = chosen.Meaning };
    }

    [GeneratedRegex(@"^[245]\.[0-9]{1,3}\.[0-9]{1,3}$")]
    private static partial Regex SmtpEnhanced();
}
