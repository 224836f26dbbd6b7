using System.Text;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Engine.Rendering;

/// <summary>Renders an answer as plain text with light Markdown (the CLI, and the `text` field of the JSON).</summary>
public sealed class TextRenderer(UiStrings ui)
{
    public string Render(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sb = new StringBuilder(2048);
        foreach (var notice in answer.Notices)
        {
            sb.Append("(!) ").AppendLine(notice);
        }

        sb.Append("# ").AppendLine(answer.Title);
        if (answer.Summary.Length > 0)
        {
            sb.AppendLine().AppendLine(answer.Summary);
        }

        if (answer.Facts.Count > 0)
        {
            sb.AppendLine();
            foreach (var fact in answer.Facts)
            {
                sb.Append("- ").Append(fact.Label).Append(": ").AppendLine(fact.Value);
            }
        }

        foreach (var section in answer.Sections)
        {
            sb.AppendLine().Append("## ").AppendLine(section.Heading);
            var n = 1;
            foreach (var line in section.Lines)
            {
                _ = section.Kind switch
                {
                    SectionKind.Bullets => sb.Append("- ").AppendLine(line),
                    SectionKind.Steps => sb.Append(n++).Append(". ").AppendLine(line),
                    SectionKind.Code => sb.Append("    ").AppendLine(line),
                    _ => sb.AppendLine(line),
                };
            }
        }

        if (answer.Links.Count > 0)
        {
            sb.AppendLine().Append("## ").AppendLine(ui[UiKeys.SectionLinks, answer.Locale]);
            foreach (var link in answer.Links)
            {
                sb.Append("- ").Append(link.Title).Append(": ").AppendLine(link.Url);
            }
        }

        if (answer.Actions.Count > 0)
        {
            sb.AppendLine().Append("## ").AppendLine(ui[UiKeys.SectionActions, answer.Locale]);
            foreach (var action in answer.Actions)
            {
                sb.Append("- ").Append(action.Label).Append(": ").AppendLine(action.Command);
            }
        }

        return sb.ToString();
    }
}
