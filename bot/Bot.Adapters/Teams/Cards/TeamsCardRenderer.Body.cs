using Bot.Engine.Contracts;
using Bot.Engine.Localization;

namespace Bot.Adapters.Teams.Cards;

public sealed partial class TeamsCardRenderer
{
    private const string NoticeMark = "⚠️ ";

    private List<CardElement> Body(Plan plan)
    {
        var answer = plan.Answer;
        var header = new List<CardElement> { Title(answer) };
        header.AddRange(Paragraphs(answer.Summary, plan.SummaryMax));
        var body = new List<CardElement> { new Container { Items = header, Style = Style(answer.Severity), Bleed = true } };

        body.AddRange(Facts(answer, plan.Facts));
        foreach (var section in plan.Sections)
        {
            body.AddRange(Section(section));
        }

        if (!plan.FocusFix && plan.Compare)
        {
            body.AddRange(CompareInput(answer));
        }

        body.AddRange(Links(answer));
        body.AddRange(Notices(answer, plan.Notices));
        if (plan.Omitted > 0)
        {
            body.Add(Note(_ui.Format(UiKeys.ChatOmitted, answer.Locale, plan.Omitted)));
        }

        return body;
    }

    private static RichTextBlock Title(Answer answer)
    {
        var runs = TeamsText.Runs(answer.Title, TitleMax);
        if (runs.All(r => r.Text.Trim().Length == 0))
        {
            runs = [(TeamsText.Ellipsis, false)];
        }

        return Block(runs, TextSize.Large, TextWeight.Bolder);
    }

    /// <summary>Text with line breaks as one block per non-empty line, at most <paramref name="max"/> characters in all.</summary>
    private static List<CardElement> Paragraphs(string text, int max)
    {
        var blocks = new List<CardElement>();
        var left = max;
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var runs = TeamsText.Runs(lines[i], left);
            left -= runs.Sum(r => r.Text.Length);
            if (left <= 1 && i + 1 < lines.Count && (runs.Count == 0 || !runs[^1].Text.EndsWith(TeamsText.Ellipsis, StringComparison.Ordinal)))
            {
                runs.Add((TeamsText.Ellipsis, false));
            }

            blocks.Add(Block(runs));
            if (left <= 1)
            {
                break;
            }
        }

        return blocks;
    }

    /// <summary>
    /// The facts as a FactSet when Markdown cannot change any of them (Teams renders fact text as Markdown);
    /// otherwise as rich text, one "label: value" block each.
    /// </summary>
    private static List<CardElement> Facts(Answer answer, int count)
    {
        var facts = answer.Facts.Take(count).Where(f => f.Label.Trim().Length > 0 || f.Value.Trim().Length > 0).ToList();
        var plain = facts.Select(f => new CardFact(TeamsText.Line(f.Label, FactLabelMax), TeamsText.Line(f.Value, FactValueMax))).ToList();
        if (plain.Count == 0)
        {
            return [];
        }

        if (plain.All(f => TeamsText.IsMarkdownInert(f.Title) && TeamsText.IsMarkdownInert(f.Value)))
        {
            return [new FactSet { Facts = plain, Spacing = Spacing.Medium }];
        }

        return [.. facts.Select((f, i) => new RichTextBlock
        {
            Inlines =
            [
                new TextRun { Text = TeamsText.Line(f.Label, FactLabelMax) + ": ", Weight = TextWeight.Bolder },
                .. TeamsText.Runs(f.Value, FactValueMax).Select(r => Run(r)),
            ],
            Spacing = i == 0 ? Spacing.Medium : Spacing.Small,
        })];
    }

    /// <summary>Up to three links from the knowledge base (absolute http or https only) as buttons under "Read more".</summary>
    private List<CardElement> Links(Answer answer)
    {
        var links = answer.Links
            .Where(l => IsWebUrl(l.Url))
            .Take(MaxLinks)
            .Select(l => (CardAction)new OpenUrlAction
            {
                Title = TeamsText.Line(l.Title.Trim().Length > 0 ? l.Title : new Uri(l.Url).Host, LinkTitleMax),
                Url = l.Url,
            })
            .ToList();
        return links.Count == 0
            ? []
            : [Heading(_ui[UiKeys.ChatReadMore, answer.Locale]), new ActionSet { Actions = links, Spacing = Spacing.Small }];
    }

    /// <summary>Notes about the input (it was cut, characters were removed), small and subtle.</summary>
    private static List<CardElement> Notices(Answer answer, int count)
    {
        var blocks = new List<CardElement>();
        foreach (var notice in answer.Notices.Where(n => n.Trim().Length > 0).Take(count))
        {
            var runs = TeamsText.Runs(notice, NoticeMax);
            runs.Insert(0, (NoticeMark, false));
            blocks.Add(new RichTextBlock
            {
                Inlines = [.. runs.Select(r => Run(r, TextSize.Small, subtle: true))],
                Spacing = blocks.Count == 0 ? Spacing.Medium : Spacing.Small,
            });
        }

        return blocks;
    }

    private static RichTextBlock Note(string text) => new()
    {
        Inlines = [new TextRun { Text = TeamsText.Line(text, NoticeMax), Size = TextSize.Small, IsSubtle = true, Italic = true }],
        Spacing = Spacing.Medium,
    };

    /// <summary>A block of runs; one that would be empty (text of control characters only) holds a no-break space.</summary>
    private static RichTextBlock Block(List<(string Text, bool IsCode)> runs, TextSize? size = null, TextWeight? weight = null)
    {
        var inlines = runs.Where(r => r.Text.Length > 0).Select(r => Run(r, size, weight)).ToList();
        return new() { Inlines = inlines.Count > 0 ? inlines : [new TextRun { Text = TeamsText.NoBreakSpace.ToString() }] };
    }

    private static TextRun Run((string Text, bool IsCode) run, TextSize? size = null, TextWeight? weight = null, bool? subtle = null) => new()
    {
        Text = run.Text,
        FontType = run.IsCode ? FontType.Monospace : null,
        Size = size,
        Weight = weight,
        IsSubtle = subtle,
    };
}
