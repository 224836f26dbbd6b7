using System.Globalization;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Teams.Cards;

public sealed partial class TeamsCardRenderer
{
    private static List<CardElement> Section(SectionPlan plan)
    {
        var section = plan.Section;
        var heading = Heading(section.Heading);
        return section.Kind == SectionKind.Code
            ? [heading, CodeBlock(section.Lines, plan.Max)]
            : [heading, .. Items(section, plan.Max)];
    }

    /// <summary>Paragraph, bullet or step lines, whole lines while they fit; a cut ends with a "…" line.</summary>
    private static List<CardElement> Items(AnswerSection section, int max)
    {
        var blocks = new List<CardElement>();
        var used = 0;
        for (var i = 0; i < section.Lines.Count; i++)
        {
            var prefix = section.Kind switch
            {
                SectionKind.Bullets => "• ",
                SectionKind.Steps => (i + 1).ToString(CultureInfo.InvariantCulture) + ". ",
                _ => "",
            };
            var runs = TeamsText.Runs(section.Lines[i], int.MaxValue);
            var length = prefix.Length + runs.Sum(r => r.Text.Length);
            if (used + length > max)
            {
                if (blocks.Count == 0)
                {
                    blocks.Add(Item(prefix, TeamsText.Runs(section.Lines[i], max - prefix.Length), section.Kind));
                }

                blocks.Add(Note(TeamsText.Ellipsis) with { Spacing = Spacing.Small });
                return blocks;
            }

            blocks.Add(Item(prefix, runs, section.Kind));
            used += length;
        }

        return blocks;
    }

    private static RichTextBlock Item(string prefix, List<(string Text, bool IsCode)> runs, SectionKind kind)
    {
        // The marker joins a plain first run ("• text"), else it is a run of its own ("• " before code).
        var block = Block(prefix.Length == 0 ? runs
            : runs.Count > 0 && !runs[0].IsCode ? [(prefix + runs[0].Text, false), .. runs.Skip(1)]
            : [(prefix, false), .. runs]);
        return kind == SectionKind.Paragraph ? block : block with { Spacing = Spacing.Small };
    }

    /// <summary>
    /// A code section: monospace lines on an emphasis background, one block per line, whole lines while they fit
    /// (at most 50), then "… (+n)" with the number of lines not shown.
    /// </summary>
    private static Container CodeBlock(IReadOnlyList<string> lines, int max)
    {
        var items = new List<CardElement>();
        var used = 0;
        foreach (var line in lines.Take(CodeMaxLines))
        {
            var code = TeamsText.CodeLine(line, CodeLineMax);
            if (used + code.Length > max)
            {
                if (items.Count > 0)
                {
                    break;
                }

                code = TeamsText.Cut(code, max);
            }

            items.Add(CodeLine(code));
            used += code.Length + 1;
        }

        if (items.Count < lines.Count)
        {
            items.Add(CodeLine(string.Create(CultureInfo.InvariantCulture, $"… (+{lines.Count - items.Count})")));
        }

        return new Container { Items = items, Style = ContainerStyle.Emphasis, Spacing = Spacing.Small };
    }

    private static RichTextBlock CodeLine(string code) => new()
    {
        Inlines = [new TextRun { Text = code, FontType = FontType.Monospace, Size = TextSize.Small }],
        Spacing = Spacing.None,
    };

    private static RichTextBlock Heading(string text) =>
        Block(TeamsText.Runs(text, HeadingMax), weight: TextWeight.Bolder) with { Spacing = Spacing.Medium };
}
