using System.Text;
using Bot.Adapters.Teams.Cards;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Teams;

/// <summary>Answers past every limit and full of hostile text, and helpers to walk a rendered card.</summary>
internal static class TeamsSamples
{
    public const string Hostile =
        "<at>x</at> [x](https://evil.example) **bold** <script>alert(1)</script> {{DATE(2017-02-14T06:08:39Z, SHORT)}} _i_ # h &lt;at&gt;";

    private const string Japanese = "権威サーバーに到達できないため、リゾルバーは SERVFAIL を返しました。";

    public static Answer Minimal() => new()
    {
        Intent = "code",
        Locale = Locale.En,
        Title = "Title",
        Summary = "Summary.",
    };

    /// <summary>
    /// An answer past every limit: long title and summary, 43 big sections (a 5,000-line code block with tabs and tags
    /// among them), 30 facts, 10 links, 26 actions, 10 notices; <paramref name="japanese"/> fills the text with
    /// three-byte characters.
    /// </summary>
    public static Answer Huge(Locale locale = Locale.En, bool japanese = false)
    {
        string W(int length, string seed) => japanese ? JapaneseWords(length) : Words(length, seed);
        var kinds = new[] { SectionKind.Paragraph, SectionKind.Bullets, SectionKind.Steps };
        var sections = new List<AnswerSection>
        {
            new("resolvers", "What each resolver says", SectionKind.Code,
                [.. Enumerable.Range(0, 5000).Select(i => $"resolver-{i,-5}\tSERVFAIL  qr rd ra  7  ``` <at>{i}</at> " + (japanese ? Japanese : ""))]),
            new("fix", "How to fix it", SectionKind.Steps, [.. Enumerable.Range(0, 3).Select(i => W(1000, $"fix{i}"))]),
            new("related", "Related", SectionKind.Bullets, [.. Enumerable.Range(0, 40).Select(i => $"CODE{i} (RCODE {i}) {new string('x', 120)}: summary {i}")]),
        };
        sections.AddRange(Enumerable.Range(0, 40).Select(i => kinds[i % 3] == SectionKind.Paragraph
            ? new AnswerSection($"s{i}", $"Section {i} " + new string('h', 300), SectionKind.Paragraph, [W(3000, $"p{i}")])
            : new AnswerSection($"s{i}", $"Section {i}", kinds[i % 3], [.. Enumerable.Range(0, 3).Select(j => W(1000, $"s{i}l{j}"))])));

        return new Answer
        {
            Intent = "code",
            Locale = locale,
            Title = "SERVFAIL (RCODE 2) " + string.Concat(Enumerable.Repeat("😀T", 200)),
            Summary = W(5000, "summary") + "\n\n" + W(5000, "second"),
            Severity = Severity.Error,
            Codes = ["dns:rcode:2", .. Enumerable.Range(0, 200).Select(i => $"dns:ede:{i}")],
            Facts = [.. Enumerable.Range(0, 30).Select(i => new Fact($"Fact {i} " + new string('l', 300), W(1500, $"f{i}")))],
            Sections = sections,
            Links =
            [
                new AnswerLink("Script", "javascript:alert(1)", LinkKind.Guide),
                new AnswerLink("Too long", "https://bot.example/" + new string('u', 3000), LinkKind.Guide),
                .. Enumerable.Range(0, 10).Select(i => new AnswerLink($"Guide {i} " + new string('g', 200), $"https://bot.example/guides/{i}", LinkKind.Guide)),
            ],
            Actions =
            [
                .. Enumerable.Range(0, 12).Select(i => new AnswerAction($"Action {i}", "/dig " + new string('a', 145) + i)),
                .. Enumerable.Range(0, 12).Select(i => new AnswerAction($"Action {i} " + new string('b', 150), $"/rcode {i}")),
                new AnswerAction("Far too long", "/dig " + new string('z', 5000)),
                new AnswerAction("", "   "),
            ],
            Notices = [.. Enumerable.Range(0, 10).Select(i => W(500, $"notice{i}"))],
        };
    }

    /// <summary>Hostile text in every field a user could influence.</summary>
    public static Answer HostileAnswer() => Minimal() with
    {
        Intent = "unknown",
        Title = Hostile,
        Summary = "I could not match “" + Hostile + "” to a code.\n" + Hostile,
        Facts = [new Fact(Hostile, Hostile), new Fact("Input", "`" + Hostile + "`")],
        Sections =
        [
            new AnswerSection("suggestions", Hostile, SectionKind.Bullets, [Hostile, "- " + Hostile]),
            new AnswerSection("steps", Hostile, SectionKind.Steps, [Hostile]),
            new AnswerSection("meaning", Hostile, SectionKind.Paragraph, [Hostile, "`" + Hostile + "`"]),
            new AnswerSection("paste", "Your paste", SectionKind.Code, [Hostile, "```", "\t<at>Bot</at>\u202Eevil\u0007"]),
        ],
        Notices = [Hostile],
        Links =
        [
            new AnswerLink(Hostile, "javascript:alert(1)", LinkKind.Guide),
            new AnswerLink(Hostile, "data:text/html,<at>x</at>", LinkKind.Guide),
            new AnswerLink(Hostile, "https://bot.example/guides/rcodes", LinkKind.Guide),
        ],
        Actions = [new AnswerAction(Hostile, "/help " + Hostile)],
    };

    /// <summary>Every element in the card, containers and shown cards included, depth first.</summary>
    public static IEnumerable<CardElement> Elements(AdaptiveCard card)
    {
        foreach (var element in (card.Body ?? []).SelectMany(Flatten))
        {
            yield return element;
        }

        foreach (var shown in Actions(card).OfType<ShowCardAction>())
        {
            foreach (var element in Elements(shown.Card))
            {
                yield return element;
            }
        }
    }

    private static IEnumerable<CardElement> Flatten(CardElement element) =>
        element is Container container ? [element, .. container.Items.SelectMany(Flatten)] : [element];

    /// <summary>Every action: on the card, in action sets, in shown cards, and the Execute fallbacks.</summary>
    public static IEnumerable<CardAction> Actions(AdaptiveCard card)
    {
        var lists = new List<IReadOnlyList<CardAction>> { card.Actions ?? [] };
        lists.AddRange((card.Body ?? []).SelectMany(Flatten).OfType<ActionSet>().Select(s => s.Actions));
        foreach (var action in lists.SelectMany(l => l))
        {
            yield return action;
            if (action is ExecuteAction { Fallback: { } fallback })
            {
                yield return fallback;
            }

            if (action is ShowCardAction shown)
            {
                foreach (var inner in Actions(shown.Card))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IEnumerable<TextRun> Runs(AdaptiveCard card) => Elements(card).OfType<RichTextBlock>().SelectMany(b => b.Inlines);

    /// <summary>Every string the card shows (not the data its buttons send back).</summary>
    public static IEnumerable<string> Texts(AdaptiveCard card)
    {
        yield return card.FallbackText ?? "";
        foreach (var run in Runs(card))
        {
            yield return run.Text;
        }

        foreach (var element in Elements(card))
        {
            switch (element)
            {
                case TextBlock text:
                    yield return text.Text;
                    break;
                case FactSet facts:
                    foreach (var fact in facts.Facts)
                    {
                        yield return fact.Title;
                        yield return fact.Value;
                    }

                    break;
                case InputChoiceSet input:
                    yield return input.Placeholder ?? "";
                    foreach (var choice in input.Choices)
                    {
                        yield return choice.Title;
                        yield return choice.Value;
                    }

                    break;
            }
        }

        foreach (var action in Actions(card))
        {
            yield return action.Title;
        }
    }

    /// <summary>The data objects the card's buttons send back.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Data(AdaptiveCard card) =>
        Actions(card).Select(a => a switch
        {
            SubmitAction submit => submit.Data,
            ExecuteAction execute => execute.Data,
            _ => null,
        }).OfType<IReadOnlyDictionary<string, string>>();

    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>About <paramref name="length"/> characters of words, with code spans and Markdown characters mixed in.</summary>
    public static string Words(int length, string seed)
    {
        var sb = new StringBuilder(length + 32);
        for (var i = 0; sb.Length < length; i++)
        {
            sb.Append(i % 7 == 3 ? $"`dig +cd {seed}.example` " : i % 11 == 5 ? "*[x](y)* " : $"{seed}-{i} ");
        }

        return sb.ToString(0, length);
    }

    private static string JapaneseWords(int length)
    {
        var sb = new StringBuilder(length + Japanese.Length);
        for (var i = 0; sb.Length < length; i++)
        {
            sb.Append(i % 5 == 2 ? "`dig +cd example.jp` " : Japanese);
        }

        return sb.ToString(0, length);
    }
}
