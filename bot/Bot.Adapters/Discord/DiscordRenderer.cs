using System.Globalization;
using System.Text;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;
using Bot.Engine.Rendering;

namespace Bot.Adapters.Discord;

/// <summary>
/// Renders a platform-neutral <see cref="Answer"/> as a Discord message: one embed plus legacy action rows, within
/// every Discord limit (measured in UTF-16 code units, a little under each limit), with user-controlled text
/// neutralised (no mentions, no Markdown links) and <c>allowed_mentions</c> always <c>{"parse": []}</c>.
/// </summary>
public sealed class DiscordRenderer(UiStrings ui)
{
    private readonly UiStrings _ui = ui;

    private const int TitleMax = 250;
    private const int DescriptionMax = 4000;
    private const int SummaryMax = 2000;
    private const int CodeBlockMax = 1500;
    private const int MinCodeBlock = 120;
    private const int NoticeMax = 300;
    private const int NoticesMax = 900;
    private const int FieldNameMax = 250;
    private const int FieldValueMax = 1000;
    private const int MinTrimmedValue = 150;
    private const int FooterMax = 300;
    private const int EmbedTotalMax = 5900;
    private const int MaxFields = 25;
    private const int MaxFacts = 6;
    private const int MaxLinks = 3;
    private const int LinkTitleMax = 100;
    private const int UrlMax = 300;
    private const int MaxButtons = 5;
    private const int LabelMax = 80;
    private const int OptionMax = 100;
    private const int MaxOptions = 25;
    private const int PlaceholderMax = 150;
    private const string FixKey = "fix";
    private const string RelatedKey = "related";
    private const string RcodePrefix = "dns:rcode:";

    /// <summary>Renders <paramref name="answer"/>.</summary>
    /// <param name="originalCommand">The command that produced the answer; enables the fix and language buttons.</param>
    /// <param name="focusFix">Only the title, the summary and the fix steps (the "Show fix steps" button).</param>
    public DiscordMessage Render(Answer answer, string? originalCommand, bool focusFix = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var embed = focusFix ? FixEmbed(answer) : FullEmbed(answer);
        return new DiscordMessage { Embeds = [embed], Components = Components(answer, originalCommand, focusFix) };
    }

    private DiscordEmbed FullEmbed(Answer answer)
    {
        var locale = answer.Locale;
        var moreUrl = GuideUrl(answer);
        var title = Title(answer);
        var description = Description(answer, out var spilled);

        var fields = new List<FieldDraft>();
        foreach (var fact in answer.Facts.Take(MaxFacts))
        {
            fields.Add(new FieldDraft(FieldName(fact.Label), NonEmpty(DiscordMarkdown.Inline(fact.Value, FieldValueMax)), true, FieldRole.Fact, null));
        }

        var links = LinksField(answer);
        var room = MaxFields - fields.Count - (links is null ? 0 : 1);
        var omitted = 0;
        foreach (var section in answer.Sections.Where(s => s.Lines.Count > 0 && (s.Kind != SectionKind.Code || spilled.Contains(s))))
        {
            if (room == 0)
            {
                omitted++;
                continue;
            }

            fields.Add(new FieldDraft(FieldName(section.Heading), SectionValue(section, FieldValueMax, moreUrl, locale), false, FieldRole.Section, section));
            room--;
        }

        if (links is not null)
        {
            fields.Add(links);
        }

        // The whole embed must stay under 6000: trim or drop fields from the end (sections first, then facts, the
        // links last). Title, description and footer alone are at most 250 + 4000 + 300, so this always ends.
        while (true)
        {
            var footer = Footer(answer, omitted);
            var total = title.Length + (description?.Length ?? 0) + (footer?.Length ?? 0) + fields.Sum(f => f.Name.Length + f.Value.Length);
            var over = total - EmbedTotalMax;
            var index = LastDroppable(fields);
            if (over <= 0 || index < 0)
            {
                return new DiscordEmbed
                {
                    Title = title,
                    Description = description,
                    Url = moreUrl,
                    Color = Color(answer.Severity),
                    Fields = [.. fields.Select(f => new DiscordEmbedField(f.Name, f.Value, f.Inline))],
                    Footer = footer is null ? null : new DiscordEmbedFooter(footer),
                };
            }

            var field = fields[index];
            var target = field.Value.Length - over;
            if (field.Source is not null && target >= MinTrimmedValue)
            {
                fields[index] = field with { Value = SectionValue(field.Source, target, moreUrl, locale) };
            }
            else
            {
                fields.RemoveAt(index);
                omitted++;
            }
        }
    }

    /// <summary>The "Show fix steps" view: title, summary and the fix section, which gets the description's room.</summary>
    private DiscordEmbed FixEmbed(Answer answer)
    {
        var fix = answer.Sections.FirstOrDefault(s => s.Key == FixKey && s.Lines.Count > 0);
        var summary = DiscordMarkdown.Inline(answer.Summary, fix is null ? DescriptionMax : DescriptionMax / 4);
        var sb = new StringBuilder(summary);
        if (fix is not null)
        {
            var heading = "**" + DiscordMarkdown.Inline(fix.Heading, FieldNameMax) + "**\n";
            if (sb.Length > 0)
            {
                heading = "\n\n" + heading;
            }

            sb.Append(heading).Append(SectionValue(fix, DescriptionMax - sb.Length - heading.Length, GuideUrl(answer), answer.Locale));
        }

        return new DiscordEmbed
        {
            Title = Title(answer),
            Description = sb.Length == 0 ? null : sb.ToString(),
            Url = GuideUrl(answer),
            Color = Color(answer.Severity),
        };
    }

    private static string Title(Answer answer)
    {
        var title = DiscordMarkdown.Inline(answer.Title, TitleMax);
        return title.Trim().Length == 0 ? "…" : title;
    }

    /// <summary>Summary, notices, then the Code sections as fenced blocks; Code sections that do not fit are returned in <paramref name="spilled"/> (they become fields).</summary>
    private string? Description(Answer answer, out HashSet<AnswerSection> spilled)
    {
        spilled = [];
        var code = answer.Sections.Where(s => s.Kind == SectionKind.Code && s.Lines.Count > 0).ToList();
        var notices = new StringBuilder();
        foreach (var notice in answer.Notices.Where(n => n.Trim().Length > 0))
        {
            var line = "⚠️ " + DiscordMarkdown.Inline(notice, NoticeMax);
            if (notices.Length + line.Length + 1 > NoticesMax)
            {
                break;
            }

            notices.Append(notices.Length > 0 ? "\n" : "").Append(line);
        }

        // A long summary (pasted text, an echo of the input) must leave room for the code blocks and the fields.
        var summaryMax = Math.Min(SummaryMax, DescriptionMax - (notices.Length > 0 ? notices.Length + 2 : 0));

        var sb = new StringBuilder(DiscordMarkdown.Inline(answer.Summary, summaryMax));
        if (notices.Length > 0)
        {
            sb.Append(sb.Length > 0 ? "\n\n" : "").Append(notices);
        }

        foreach (var section in code)
        {
            var heading = (sb.Length > 0 ? "\n\n" : "") + "**" + DiscordMarkdown.Inline(section.Heading, FieldNameMax) + "**\n";
            var room = Math.Min(CodeBlockMax, DescriptionMax - sb.Length - heading.Length);
            if (room < MinCodeBlock)
            {
                spilled.Add(section);
                continue;
            }

            sb.Append(heading).Append(DiscordMarkdown.CodeBlock(section.Lines, room));
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>A section as a field value (or description part) of at most <paramref name="max"/> characters, cut on a line boundary.</summary>
    private string SectionValue(AnswerSection section, int max, string? moreUrl, Locale locale)
    {
        if (section.Kind == SectionKind.Code)
        {
            return DiscordMarkdown.CodeBlock(section.Lines, max);
        }

        var lines = section.Lines.Select((line, i) => Prefix(section.Kind, i) + DiscordMarkdown.Inline(line)).ToList();
        var full = string.Join('\n', lines);
        if (full.Length <= max)
        {
            return NonEmpty(full);
        }

        var tail = "\n… " + _ui[UiKeys.ChatMore, locale] + ": " + moreUrl;
        if (moreUrl is null || tail.Length > max / 3)
        {
            tail = "\n…";
        }

        var available = max - tail.Length;
        var sb = new StringBuilder(max);
        foreach (var line in lines)
        {
            if (sb.Length + (sb.Length > 0 ? 1 : 0) + line.Length > available)
            {
                break;
            }

            sb.Append(sb.Length > 0 ? "\n" : "").Append(line);
        }

        if (sb.Length == 0)
        {
            // Not even the first line fits: cut it (it ends with "…").
            var prefix = Prefix(section.Kind, 0);
            sb.Append(prefix).Append(DiscordMarkdown.Inline(section.Lines[0], available - prefix.Length));
        }

        return sb.Append(tail).ToString();
    }

    private static string Prefix(SectionKind kind, int index) => kind switch
    {
        SectionKind.Bullets => "• ",
        SectionKind.Steps => (index + 1).ToString(CultureInfo.InvariantCulture) + ". ",
        _ => "",
    };

    /// <summary>Up to three links as Markdown links; they come from the knowledge base, only http(s) URLs are kept.</summary>
    private FieldDraft? LinksField(Answer answer)
    {
        var lines = answer.Links
            .Where(l => IsWebUrl(l.Url) && l.Url.Length <= UrlMax)
            .Take(MaxLinks)
            .Select(l => $"[{DiscordMarkdown.Inline(l.Title.Trim().Length > 0 ? l.Title : new Uri(l.Url).Host, LinkTitleMax)}]({MarkdownUrl(l.Url)})")
            .ToList();
        return lines.Count == 0
            ? null
            : new FieldDraft(_ui[UiKeys.ChatReadMore, answer.Locale], string.Join('\n', lines), false, FieldRole.Links, null);
    }

    /// <summary>The codes (dns:rcode:2 ...) and, when fields had to go, how many.</summary>
    private string? Footer(Answer answer, int omitted)
    {
        const string separator = " · ";
        var note = omitted > 0 ? _ui.Format(UiKeys.ChatOmitted, answer.Locale, omitted) : "";
        var codes = DiscordMarkdown.Plain(string.Join(separator, answer.Codes.Where(c => c.Trim().Length > 0)), FooterMax - note.Length - separator.Length);
        var footer = codes.Length > 0 && note.Length > 0 ? codes + separator + note : codes + note;
        return footer.Length == 0 ? null : footer;
    }

    private static int LastDroppable(List<FieldDraft> fields)
    {
        foreach (var role in (ReadOnlySpan<FieldRole>)[FieldRole.Section, FieldRole.Fact, FieldRole.Links])
        {
            var index = fields.FindLastIndex(f => f.Role == role);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    private static int Color(Severity severity) => severity switch
    {
        Severity.Ok => 0x1A7F37,
        Severity.Warning => 0x9A6700,
        Severity.Error => 0xCF222E,
        _ => 0x0969DA,
    };

    private static string? GuideUrl(Answer answer) =>
        answer.Links.FirstOrDefault(l => l.Kind == LinkKind.Guide && IsWebUrl(l.Url) && l.Url.Length <= UrlMax)?.Url;

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>A URL that cannot end a Markdown link early.</summary>
    private static string MarkdownUrl(string url) =>
        url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

    private static string FieldName(string text) => NonEmpty(DiscordMarkdown.Inline(text, FieldNameMax));

    /// <summary>Discord rejects empty (or whitespace-only) field names and values.</summary>
    private static string NonEmpty(string text) => text.Trim().Length == 0 ? "\u200B" : text;

    private List<DiscordComponent> Components(Answer answer, string? command, bool focusFix)
    {
        var rows = new List<DiscordComponent>();
        var buttons = new List<DiscordComponent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in answer.Actions)
        {
            var id = new DiscordCustomId(DiscordComponentKind.Action, answer.Locale, action.Command);
            if (buttons.Count == MaxButtons || action.Command.Trim().Length == 0 || !id.Fits || !seen.Add(id.Encode()))
            {
                continue;
            }

            var label = action.Label.Trim().Length > 0 ? action.Label : action.Command;
            buttons.Add(DiscordComponent.Button(DiscordButtonStyle.Secondary, DiscordMarkdown.Plain(label, LabelMax), id.Encode()));
        }

        if (buttons.Count > 0)
        {
            rows.Add(DiscordComponent.ActionRow(buttons));
        }

        if (command is not null && command.Trim().Length > 0)
        {
            var row = new List<DiscordComponent>();
            var fix = new DiscordCustomId(DiscordComponentKind.Fix, answer.Locale, command);
            if (!focusFix && fix.Fits && answer.Sections.Any(s => s.Key == FixKey && s.Lines.Count > 0))
            {
                row.Add(DiscordComponent.Button(DiscordButtonStyle.Primary, _ui[UiKeys.ChatShowFix, answer.Locale], fix.Encode()));
            }

            foreach (var locale in Locales.All.Where(l => l != answer.Locale))
            {
                var language = new DiscordCustomId(DiscordComponentKind.Language, locale, command);
                if (language.Fits)
                {
                    row.Add(DiscordComponent.Button(DiscordButtonStyle.Secondary, _ui[UiKeys.ChatLanguageSelf, locale], language.Encode()));
                }
            }

            if (row.Count > 0)
            {
                rows.Add(DiscordComponent.ActionRow(row));
            }
        }

        if (CompareSelect(answer) is { } select)
        {
            rows.Add(DiscordComponent.ActionRow([select]));
        }

        return rows;
    }

    /// <summary>For an RCODE answer: a select of its related codes; the chosen value is the other side of a /compare.</summary>
    private DiscordComponent? CompareSelect(Answer answer)
    {
        if (answer.Intent != "code" || answer.Codes.Count == 0 || !answer.Codes[0].StartsWith(RcodePrefix, StringComparison.Ordinal)
            || answer.Sections.FirstOrDefault(s => s.Key == RelatedKey) is not { Lines.Count: > 0 } related)
        {
            return null;
        }

        var id = new DiscordCustomId(DiscordComponentKind.Compare, answer.Locale, CodeName(answer));
        if (!id.Fits)
        {
            return null;
        }

        var options = new List<DiscordSelectOption>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in related.Lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var label = DiscordMarkdown.Plain((colon > 0 ? line[..colon] : line).Replace("`", "", StringComparison.Ordinal), OptionMax);
            if (options.Count < MaxOptions && label.Length > 0 && seen.Add(label))
            {
                options.Add(new DiscordSelectOption(label, label));
            }
        }

        return options.Count == 0
            ? null
            : DiscordComponent.StringSelect(id.Encode(), DiscordMarkdown.Cut(_ui[UiKeys.ChatComparePlaceholder, answer.Locale], PlaceholderMax), options);
    }

    /// <summary>The code's name from the title ("SERVFAIL (RCODE 2) — Server failure" → SERVFAIL), else its value.</summary>
    private static string CodeName(Answer answer)
    {
        var title = answer.Title.Trim();
        var end = title.IndexOf(" (", StringComparison.Ordinal);
        var name = end > 0 ? title[..end] : title;
        return name.Length > 0 && !name.Any(c => char.IsWhiteSpace(c) || c is '/' or '|')
            ? name
            : answer.Codes[0][RcodePrefix.Length..];
    }

    private enum FieldRole
    {
        Fact,
        Section,
        Links,
    }

    private sealed record FieldDraft(string Name, string Value, bool Inline, FieldRole Role, AnswerSection? Source);
}

/// <summary>
/// Discord Markdown for answer text: keeps the answer's backtick code spans, escapes every other Markdown character
/// (so user text cannot form links, spoilers or formatting), breaks mentions, and cuts without splitting an escape,
/// a code span or a surrogate pair.
/// </summary>
internal static class DiscordMarkdown
{
    private const char ZeroWidthSpace = '\u200B';
    private const string Ellipsis = "…";
    private const string Fence = "```";

    /// <summary>Inline Markdown (backtick code spans only) rendered for Discord, without a length limit.</summary>
    public static string Inline(string text) => Render(text, int.MaxValue);

    /// <summary>Inline Markdown rendered for Discord in at most <paramref name="max"/> characters, ending with "…" when cut.</summary>
    public static string Inline(string text, int max)
    {
        if (max <= 0)
        {
            return "";
        }

        var full = Render(text, int.MaxValue);
        if (full.Length <= max)
        {
            return full;
        }

        return max == 1 ? Ellipsis : Render(text, max - 1).TrimEnd() + Ellipsis;
    }

    /// <summary>
    /// Plain text for places without Markdown (button labels, select options, the footer): one line, mentions broken,
    /// "](" broken (so it could not become a link even where Markdown is rendered), cut. No backslash escapes: they would show.
    /// </summary>
    public static string Plain(string text, int max) =>
        Cut(Neutralize(text.ReplaceLineEndings(" ")).Replace("](", "]\u200B(", StringComparison.Ordinal).Trim(), max);

    /// <summary>A fenced code block of at most <paramref name="max"/> characters, cut on a line boundary.</summary>
    public static string CodeBlock(IReadOnlyList<string> lines, int max)
    {
        const string open = Fence + "\n";
        const string close = "\n" + Fence;
        var safe = lines.Select(CodeLine).ToList();
        var body = string.Join('\n', safe);
        if (open.Length + body.Length + close.Length <= max)
        {
            return open + body + close;
        }

        var tail = string.Create(CultureInfo.InvariantCulture, $"\n… (+{safe.Count})");
        var available = max - open.Length - close.Length - tail.Length;
        var sb = new StringBuilder(max);
        var taken = 0;
        foreach (var line in safe)
        {
            if (sb.Length + (taken > 0 ? 1 : 0) + line.Length > available)
            {
                break;
            }

            sb.Append(taken > 0 ? "\n" : "").Append(line);
            taken++;
        }

        if (taken == 0)
        {
            sb.Append(Cut(safe[0], available));
            taken = 1;
        }

        tail = string.Create(CultureInfo.InvariantCulture, $"\n… (+{safe.Count - taken})");
        return open + sb + tail + close;
    }

    /// <summary>Breaks @everyone, @here, user/role/channel/command mentions and timestamps with a zero-width space.</summary>
    public static string Neutralize(string text)
    {
        if (text.AsSpan().IndexOfAny('@', '<') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            sb.Append(c);
            var rest = text.AsSpan(i + 1);
            if ((c == '@' && (rest.StartsWith("everyone", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("here", StringComparison.OrdinalIgnoreCase)))
                || (c == '<' && (rest.StartsWith("@") || rest.StartsWith("#") || rest.StartsWith("/") || rest.StartsWith("t:", StringComparison.OrdinalIgnoreCase))))
            {
                sb.Append(ZeroWidthSpace);
            }
        }

        return sb.ToString();
    }

    /// <summary>Cuts to at most <paramref name="max"/> characters with "…", never inside a surrogate pair.</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (max <= 1)
        {
            return max == 1 ? Ellipsis : "";
        }

        var n = max - 1;
        if (char.IsHighSurrogate(text[n - 1]))
        {
            n--;
        }

        return text[..n] + Ellipsis;
    }

    private static string CodeLine(string line)
    {
        var safe = Neutralize(line.Replace("\r", "", StringComparison.Ordinal));
        while (safe.Contains(Fence, StringComparison.Ordinal))
        {
            safe = safe.Replace(Fence, "``\u200B`", StringComparison.Ordinal);
        }

        return safe;
    }

    /// <summary>Renders the runs while they fit in <paramref name="budget"/>; a code span that does not fit is cut and closed.</summary>
    private static string Render(string text, int budget)
    {
        var sb = new StringBuilder(Math.Min(text.Length + 16, Math.Max(budget, 16)));
        var lineStart = true;
        foreach (var (run, isCode) in InlineText.Runs(text))
        {
            if (isCode)
            {
                if (run.Length == 0)
                {
                    continue;
                }

                var code = Neutralize(run);
                if (sb.Length + code.Length + 2 > budget)
                {
                    var room = budget - sb.Length - 2;
                    if (room > 1)
                    {
                        sb.Append('`').Append(Cut(code, room)).Append('`');
                    }

                    return sb.ToString();
                }

                sb.Append('`').Append(code).Append('`');
                lineStart = false;
                continue;
            }

            var plain = Neutralize(run);
            for (var i = 0; i < plain.Length; i++)
            {
                var c = plain[i];
                var pair = char.IsHighSurrogate(c) && i + 1 < plain.Length && char.IsLowSurrogate(plain[i + 1]);
                var escape = c is '\\' or '*' or '_' or '~' or '|' or '>' or '[' or ']' or '(' or ')' or '`' || (c == '#' && lineStart);
                var width = pair ? 2 : escape ? 2 : 1;
                if (sb.Length + width > budget)
                {
                    return sb.ToString();
                }

                if (escape)
                {
                    sb.Append('\\');
                }

                sb.Append(c);
                if (pair)
                {
                    sb.Append(plain[++i]);
                }

                lineStart = c == '\n' || (lineStart && char.IsWhiteSpace(c));
            }
        }

        return sb.ToString();
    }
}
