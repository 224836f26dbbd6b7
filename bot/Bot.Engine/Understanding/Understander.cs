using System.Text.RegularExpressions;
using Bot.Engine.Knowledge;

namespace Bot.Engine.Understanding;

/// <summary>A code mentioned in free text, in the order it appears.</summary>
internal sealed record CodeMention(CodeEntry Entry, string? Meaning, int Start, string? Concrete = null)
{
    /// <summary>Other families with the same number (a bare "503").</summary>
    public IReadOnlyList<CodeEntry> AlsoIn { get; init; } = [];
}

/// <summary>What a free-text message is about.</summary>
internal sealed record Understanding
{
    public required IReadOnlyList<CodeMention> Codes { get; init; }
    public required IReadOnlyList<LexTarget> Topics { get; init; }
    public required ISet<string> Hints { get; init; }
    public bool WantsComparison { get; init; }
    public bool WantsEquivalent { get; init; }
    public bool WantsCheck { get; init; }
    public string? DomainName { get; init; }
}

/// <summary>Reads free text: which codes, terms and topics it names, and what the user wants to know.</summary>
internal sealed partial class Understander(KnowledgeBase kb, Lexicon lexicon, CodeResolver resolver)
{
    private static readonly HashSet<string> CompareWords =
        ["vs", "versus", "difference", "differences", "differ", "compare", "comparison", "between", "unterschied", "unterschiede", "vergleich", "vergleiche", "vergleichen"];

    private static readonly HashSet<string> EquivalentWords =
        ["equivalent", "equivalents", "counterpart", "analog", "analogue", "maps", "map", "mapping", "entspricht", "entsprechung", "äquivalent", "pendant", "gegenstück"];

    private static readonly HashSet<string> CheckWords =
        ["why", "check", "dig", "failing", "fail", "fails", "resolve", "resolving", "warum", "wieso", "prüfe", "prüfen", "teste", "lookup"];

    private static readonly HashSet<string> NumberCues =
        ["rcode", "code", "status", "error", "ede", "http", "https", "smtp", "sip", "grpc", "opcode", "fehler", "statuscode", "reply", "response"];

    private static readonly string[] CjkCompare = ["違い", "比較", "ちがい"];
    private static readonly string[] CjkEquivalent = ["相当", "対応する", "に当たる"];
    private static readonly string[] CjkCheck = ["なぜ", "調べ", "確認", "失敗"];

    public Understanding Read(string text, IReadOnlyList<Token> tokens, bool numbersAreCodes = false)
    {
        var hints = Protocols.Hints(text, tokens);
        var smtpEnhanced = tokens.Any(t => t.IsNumber && SmtpEnhanced().IsMatch(t.Text));
        if (smtpEnhanced)
        {
            hints.Add("smtp");
        }

        var mentions = lexicon.FindMentions(text, tokens, hints);
        var codes = new List<CodeMention>();
        var topics = new List<LexTarget>();
        var covered = new HashSet<int>();
        foreach (var m in mentions)
        {
            if (m.Target.Kind == TargetKind.Code)
            {
                codes.Add(new CodeMention(kb.Codes[m.Target.Id], m.Target.Meaning, m.Start));
            }
            else
            {
                topics.Add(m.Target);
            }

            for (var i = m.Start; i < m.Start + m.Length; i++)
            {
                covered.Add(i);
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (covered.Contains(t.Start))
            {
                continue;
            }

            if (t.IsNumber)
            {
                var previous = i > 0 ? tokens[i - 1].Text : null;
                var next = i + 1 < tokens.Count ? tokens[i + 1].Text : null;
                // A number counts as a code when the text is short, names a protocol, or says "code"/"status" beside it.
                var cued = numbersAreCodes || tokens.Count <= 3 || hints.Count > 0 || SmtpEnhanced().IsMatch(t.Text) || (smtpEnhanced && t.Text.Length == 3) || (previous is not null && NumberCues.Contains(previous)) || (next is not null && NumberCues.Contains(next));
                if (!cued)
                {
                    continue;
                }

                var family = previous is not null ? Protocols.FamilyOfHint(HintFor(previous)) : null;
                family ??= hints.Count == 1 ? Protocols.FamilyOfHint(hints.First()) : null;
                var r = resolver.Resolve(t.Text, family);
                if (!r.Found && family is not null)
                {
                    r = resolver.Resolve(t.Text);
                }

                if (r.Entry is not null)
                {
                    codes.Add(new CodeMention(r.Entry, r.Meaning, t.Start, r.Concrete) { AlsoIn = r.AlsoIn });
                }
            }
            else if (t.Text.Length >= 5 && !Protocols.IsHintWord(t.Text))
            {
                var fuzzy = lexicon.Fuzzy(t.Text).OrderByDescending(f => f.Weight).FirstOrDefault();
                if (fuzzy is not null)
                {
                    codes.Add(new CodeMention(kb.Codes[fuzzy.Id], fuzzy.Meaning, t.Start));
                }
            }
        }

        codes.Sort((a, b) => a.Start.CompareTo(b.Start));
        var words = tokens.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return new Understanding
        {
            Codes = codes,
            Topics = topics,
            Hints = hints,
            WantsComparison = words.Overlaps(CompareWords) || CjkCompare.Any(w => text.Contains(w, StringComparison.Ordinal)),
            WantsEquivalent = words.Overlaps(EquivalentWords) || CjkEquivalent.Any(w => text.Contains(w, StringComparison.Ordinal)),
            WantsCheck = words.Overlaps(CheckWords) || CjkCheck.Any(w => text.Contains(w, StringComparison.Ordinal)),
            DomainName = tokens.Select(t => t.Text).FirstOrDefault(IsDomainName),
        };
    }

    private static string HintFor(string word) => word switch
    {
        "https" => "http",
        _ => word,
    };

    public static bool IsDomainName(string token) => token.Length <= 253 && DomainName().IsMatch(token);

    [GeneratedRegex(@"^[245]\.[0-9]{1,3}\.[0-9]{1,3}$")]
    private static partial Regex SmtpEnhanced();

    [GeneratedRegex(@"^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();
}
