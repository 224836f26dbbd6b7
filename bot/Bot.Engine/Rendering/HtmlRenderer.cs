using System.Text;
using System.Text.Encodings.Web;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Engine.Rendering;

/// <summary>
/// Renders an answer as an HTML fragment for the web chat. Every piece of text is HTML-encoded; the only markup that
/// comes from text is a backtick code span, turned into &lt;code&gt;. Links are only the answer's own (http/https).
/// </summary>
public sealed class HtmlRenderer(UiStrings ui)
{
    // All of Unicode passes through as text (Japanese stays readable); markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public string Render(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sb = new StringBuilder(4096);
        sb.Append("<article class=\"answer sev-").Append(answer.Severity.ToString().ToLowerInvariant())
          .Append("\" lang=\"").Append(answer.Locale.Tag()).Append("\" data-intent=\"").Append(Encoder.Encode(answer.Intent)).Append("\">");
        foreach (var notice in answer.Notices)
        {
            sb.Append("<p class=\"notice\">").Append(Encoder.Encode(notice)).Append("</p>");
        }

        sb.Append("<h2>");
        Inline(sb, answer.Title);
        sb.Append("</h2>");
        if (answer.Summary.Length > 0)
        {
            sb.Append("<p class=\"summary\">");
            Inline(sb, answer.Summary);
            sb.Append("</p>");
        }

        if (answer.Facts.Count > 0)
        {
            sb.Append("<dl class=\"facts\">");
            foreach (var fact in answer.Facts)
            {
                sb.Append("<div><dt>").Append(Encoder.Encode(fact.Label)).Append("</dt><dd>").Append(Encoder.Encode(fact.Value)).Append("</dd></div>");
            }

            sb.Append("</dl>");
        }

        foreach (var section in answer.Sections)
        {
            Section(sb, section);
        }

        if (answer.Links.Count > 0)
        {
            sb.Append("<nav class=\"links\"><h3>").Append(Encoder.Encode(ui[UiKeys.SectionLinks, answer.Locale])).Append("</h3><ul>");
            foreach (var link in answer.Links.Where(l => l.Url.StartsWith("http://", StringComparison.Ordinal) || l.Url.StartsWith("https://", StringComparison.Ordinal)))
            {
                sb.Append("<li><a href=\"").Append(Encoder.Encode(link.Url)).Append("\" rel=\"noopener noreferrer\" target=\"_blank\">")
                  .Append(Encoder.Encode(link.Title)).Append("</a></li>");
            }

            sb.Append("</ul></nav>");
        }

        if (answer.Actions.Count > 0)
        {
            sb.Append("<div class=\"actions\">");
            foreach (var action in answer.Actions)
            {
                sb.Append("<button type=\"button\" class=\"action\" data-command=\"").Append(Encoder.Encode(action.Command)).Append("\">")
                  .Append(Encoder.Encode(action.Label)).Append("</button>");
            }

            sb.Append("</div>");
        }

        return sb.Append("</article>").ToString();
    }

    private static void Section(StringBuilder sb, AnswerSection section)
    {
        sb.Append("<section data-key=\"").Append(Encoder.Encode(section.Key)).Append("\"><h3>").Append(Encoder.Encode(section.Heading)).Append("</h3>");
        switch (section.Kind)
        {
            case SectionKind.Code:
                sb.Append("<pre><code>");
                foreach (var line in section.Lines)
                {
                    sb.Append(Encoder.Encode(line)).Append('\n');
                }

                sb.Append("</code></pre>");
                break;
            case SectionKind.Bullets:
            case SectionKind.Steps:
                var tag = section.Kind == SectionKind.Steps ? "ol" : "ul";
                sb.Append('<').Append(tag).Append('>');
                foreach (var line in section.Lines)
                {
                    sb.Append("<li>");
                    Inline(sb, line);
                    sb.Append("</li>");
                }

                sb.Append("</").Append(tag).Append('>');
                break;
            default:
                foreach (var line in section.Lines)
                {
                    sb.Append("<p>");
                    Inline(sb, line);
                    sb.Append("</p>");
                }

                break;
        }

        sb.Append("</section>");
    }

    private static void Inline(StringBuilder sb, string text)
    {
        foreach (var (run, isCode) in InlineText.Runs(text))
        {
            if (isCode)
            {
                sb.Append("<code>").Append(Encoder.Encode(run)).Append("</code>");
            }
            else
            {
                sb.Append(Encoder.Encode(run));
            }
        }
    }
}
