using Bot.Engine.Knowledge;

namespace Bot.Engine.Understanding;

internal enum TargetKind
{
    Code,
    Glossary,
    Guide,
    Scenario,
}

/// <summary>Something a phrase can refer to. <see cref="Hint"/> is the protocol word the text must contain, if any.</summary>
internal sealed record LexTarget(TargetKind Kind, string Id, string? Meaning, int Weight, string? Hint);

/// <summary>A phrase found in the text and what it refers to.</summary>
internal readonly record struct Mention(LexTarget Target, int Start, int Length);

/// <summary>
/// Every name, alias and term of the knowledge base, indexed for free-text lookup: Latin phrases by word
/// n-grams, CJK phrases by substring search.
/// </summary>
internal sealed class Lexicon
{
    public const int MaxWords = 5;

    private readonly Dictionary<string, List<LexTarget>> _phrases = new(StringComparer.Ordinal);
    private readonly List<(string Phrase, LexTarget Target)> _cjk = [];
    private readonly List<(string Word, LexTarget Target)> _fuzzy = [];

    public Lexicon(KnowledgeBase kb)
    {
        foreach (var code in kb.Codes.Values)
        {
            var (weight, hint) = code.Family switch
            {
                Families.DnsRcode => (10, (string?)null),
                Families.DnsPseudo => (9, null),
                Families.DnsEde => (6, null),
                Families.DnsOpcode => (5, null),
                Families.DnsFlag => (4, "flag"),
                _ => (3, Protocols.HintOf(code.Family)),
            };
            // A name that selects one registration (BADSIG) points at that meaning only, not also at the bare value.
            var meaningNames = code.Meanings.Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var name in code.Names.Concat(code.Aliases).Where(n => !meaningNames.Contains(n)))
            {
                // Single generic words ("Blocked", "OK") only count with the protocol named in the text.
                var needsHint = hint ?? (code.Family == Families.DnsEde && !name.Contains(' ', StringComparison.Ordinal) ? "ede" : null);
                Add(name, new LexTarget(TargetKind.Code, code.Id, null, weight, needsHint));
            }

            foreach (var m in code.Meanings)
            {
                Add(m.Name, new LexTarget(TargetKind.Code, code.Id, m.Key, weight + 1, hint));
            }

            if (code.Family == Families.DnsRcode || code.Family == Families.DnsEde)
            {
                foreach (var name in code.Names.Where(n => !n.Contains(' ', StringComparison.Ordinal)))
                {
                    _fuzzy.Add((name.ToLowerInvariant(), new LexTarget(TargetKind.Code, code.Id, null, weight, null)));
                }
            }
        }

        foreach (var g in kb.Glossary.Values)
        {
            foreach (var term in g.Terms.All().SelectMany(t => t))
            {
                Add(term, new LexTarget(TargetKind.Glossary, g.Id, null, 2, null));
            }
        }

        foreach (var s in kb.Scenarios.Values)
        {
            foreach (var term in s.Keywords.All().SelectMany(t => t))
            {
                Add(term, new LexTarget(TargetKind.Scenario, s.Id, null, 1, null));
            }
        }

        foreach (var guide in kb.Guides.Values)
        {
            Add(guide.Slug.Replace('-', ' '), new LexTarget(TargetKind.Guide, guide.Id, null, 1, null));
            foreach (var title in guide.Text.All().Select(t => t.Title))
            {
                Add(title, new LexTarget(TargetKind.Guide, guide.Id, null, 1, null));
            }
        }

        // Longest CJK phrases first, so that "権威サーバー" wins over "サーバー".
        _cjk.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
    }

    private void Add(string phrase, LexTarget target)
    {
        if (phrase.Any(Tokenizer.IsCjk))
        {
            _cjk.Add((phrase.ToLowerInvariant(), target));
            return;
        }

        var words = Tokenizer.Tokenize(phrase);
        if (words.Count is 0 or > MaxWords)
        {
            return;
        }

        var key = string.Join(' ', words.Select(w => w.Text));
        if (!_phrases.TryGetValue(key, out var list))
        {
            _phrases[key] = list = [];
        }

        if (!list.Any(t => t.Id == target.Id && t.Meaning == target.Meaning))
        {
            list.Add(target);
        }
    }

    public IReadOnlyList<LexTarget>? Lookup(string phrase) => _phrases.GetValueOrDefault(phrase);

    /// <summary>Finds every phrase of the lexicon in the text, longest match first at each position.</summary>
    public List<Mention> FindMentions(string text, IReadOnlyList<Token> tokens, ISet<string> hints)
    {
        var mentions = new List<Mention>();
        var covered = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var n = Math.Min(MaxWords, tokens.Count - i); n >= 1; n--)
            {
                if (covered[i])
                {
                    break;
                }

                var key = n == 1 ? tokens[i].Text : string.Join(' ', Enumerable.Range(i, n).Select(k => tokens[k].Text));
                if (_phrases.TryGetValue(key, out var targets))
                {
                    var start = tokens[i].Start;
                    var end = tokens[i + n - 1].Start + tokens[i + n - 1].Length;
                    var any = false;
                    foreach (var t in targets)
                    {
                        if (t.Hint is null || hints.Contains(t.Hint))
                        {
                            mentions.Add(new Mention(t, start, end - start));
                            any = true;
                        }
                    }

                    if (any)
                    {
                        for (var k = i; k < i + n; k++)
                        {
                            covered[k] = true;
                        }
                    }
                }
            }
        }

        if (HasCjk(text))
        {
            var lower = text.ToLowerInvariant();
            var taken = new bool[lower.Length];
            foreach (var (phrase, target) in _cjk)
            {
                var at = lower.IndexOf(phrase, StringComparison.Ordinal);
                if (at >= 0 && !taken[at] && (target.Hint is null || hints.Contains(target.Hint)))
                {
                    Array.Fill(taken, true, at, phrase.Length);
                    mentions.Add(new Mention(target, at, phrase.Length));
                }
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>The closest DNS code names to a misspelled word ("SERVFAL" → SERVFAIL).</summary>
    public IEnumerable<LexTarget> Fuzzy(string word)
    {
        if (word.Length < 5)
        {
            yield break;
        }

        var max = word.Length >= 8 ? 2 : 1;
        foreach (var (name, target) in _fuzzy)
        {
            if (Math.Abs(name.Length - word.Length) <= max && EditDistance.Within(word, name, max))
            {
                yield return target;
            }
        }
    }

    /// <summary>All indexed phrases, for "did you mean" suggestions.</summary>
    public IEnumerable<(string Phrase, LexTarget Target)> Phrases() =>
        _phrases.SelectMany(p => p.Value.Select(t => (p.Key, t))).Concat(_cjk);

    private static bool HasCjk(string text)
    {
        foreach (var c in text)
        {
            if (Tokenizer.IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }
}
