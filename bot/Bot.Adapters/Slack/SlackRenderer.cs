using System.Globalization;
using System.Text;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Adapters.Slack;

/// <summary>
/// Renders a platform-neutral <see cref="Answer"/> as a Slack Block Kit message: header, severity line, summary,
/// facts as fields, one section per answer section, links, notes, then the buttons. Every Block Kit limit is kept
/// (measured in UTF-16 code units) and the message stays well under Slack's undocumented aggregate block size;
/// when it does not fit, sections go first (from the end), then facts and notes, while the title, the summary, the
/// fix steps and the links stay. User-controlled text never becomes markup (see <see cref="SlackMrkdwn"/>).
/// </summary>
public sealed partial class SlackRenderer(UiStrings ui)
{
    private readonly UiStrings _ui = ui;

    // Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks).
    private const int MaxBlocks = 50;
    private const int HeaderMax = 150;
    private const int SectionTextMax = 3000;
    private const int MaxFields = 10;

    // Our own limits, well inside Slack's. chat.postMessage rejects blocks past about 13,000 characters in total
    // (msg_blocks_too_long, https://github.com/slackapi/bolt-js/issues/2509), counted here as every string in the blocks.
    private const int BlockCharactersMax = 11_000;
    private const int FallbackMax = 1000;
    private const int SummaryMax = 2000;
    private const int FixSummaryMax = 1000;
    private const int HeadingMax = 150;
    private const int FactLabelMax = 100;
    private const int FactValueMax = 500;
    private const int MaxNotices = 5;
    private const int NoticeMax = 300;
    private const int CodesMax = 300;
    private const int MaxLinks = 3;
    private const int LinkTitleMax = 100;
    private const int UrlMax = 300;
    private const int MinTrimmed = 300;
    private const string FixKey = "fix";

    /// <summary>Renders <paramref name="answer"/>.</summary>
    /// <param name="command">The command that produced the answer; enables the fix, language and refresh buttons.</param>
    /// <param name="focusFix">Only the title, the summary, the fix steps and the links (the "Show fix steps" button).</param>
    public SlackMessage Render(Answer answer, string? command, bool focusFix = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var controls = Controls(answer, command, focusFix);
        var drafts = focusFix ? FixDrafts(answer) : FullDrafts(answer);
        var content = Fit(answer, drafts, BlockCharactersMax - controls.Sum(Characters), MaxBlocks - controls.Count);
        return new SlackMessage { Text = Fallback(answer), Blocks = [.. content, .. controls] };
    }

    private List<Draft> FullDrafts(Answer answer)
    {
        var drafts = new List<Draft>
        {
            Draft.Of(new SlackHeaderBlock(SlackText.Plain(Title(answer))), Role.Header),
            Draft.Of(SeverityLine(answer), Role.Header),
        };

        if (Summary(answer, SummaryMax) is { } summary)
        {
            drafts.Add(summary);
        }

        if (Notices(answer) is { } notices)
        {
            drafts.Add(Draft.Of(notices, Role.Notices));
        }

        if (Facts(answer) is { } facts)
        {
            drafts.Add(Draft.Of(facts, Role.Facts));
        }

        var moreUrl = GuideUrl(answer);
        foreach (var section in answer.Sections.Where(s => s.Lines.Count > 0))
        {
            var role = section.Key == FixKey ? Role.Fix : Role.Section;
            drafts.Add(Draft.Of(Section(SectionText(section, SectionTextMax, moreUrl, answer.Locale)), role, section));
        }

        if (Links(answer) is { } links)
        {
            drafts.Add(Draft.Of(links, Role.Links));
        }

        return drafts;
    }

    /// <summary>The "Show fix steps" view: title, severity, a shorter summary, the fix section and the links.</summary>
    private List<Draft> FixDrafts(Answer answer)
    {
        var fix = answer.Sections.FirstOrDefault(s => s.Key == FixKey && s.Lines.Count > 0);
        var drafts = new List<Draft>
        {
            Draft.Of(new SlackHeaderBlock(SlackText.Plain(Title(answer))), Role.Header),
            Draft.Of(SeverityLine(answer), Role.Header),
        };

        if (Summary(answer, fix is null ? SummaryMax : FixSummaryMax) is { } summary)
        {
            drafts.Add(summary);
        }

        if (fix is not null)
        {
            drafts.Add(Draft.Of(Section(SectionText(fix, SectionTextMax, GuideUrl(answer), answer.Locale)), Role.Fix, fix));
        }

        if (Links(answer) is { } links)
        {
            drafts.Add(Draft.Of(links, Role.Links));
        }

        return drafts;
    }

    /// <summary>
    /// Drops or trims drafts until the blocks fit both budgets: sections from the end first (trimmed when enough of
    /// one would remain), then facts, then notices; then the fix section and the summary are trimmed, never dropped.
    /// Each dropped section is counted in a note after the last section.
    /// </summary>
    private List<SlackBlock> Fit(Answer answer, List<Draft> drafts, int characters, int blocks)
    {
        var omitted = 0;
        while (true)
        {
            var note = omitted > 0 ? OmittedNote(answer, omitted) : null;
            var overBlocks = drafts.Count + (note is null ? 0 : 1) - blocks;
            var over = drafts.Sum(d => d.Size) + (note is null ? 0 : Characters(note)) - characters;
            if (overBlocks <= 0 && over <= 0)
            {
                return Assemble(drafts, note);
            }

            var index = LastDroppable(drafts);
            if (index >= 0)
            {
                var draft = drafts[index];
                var target = Text(draft).Length - over;
                if (overBlocks <= 0 && draft.Source is not null && target >= MinTrimmed)
                {
                    drafts[index] = draft.With(Section(SectionText(draft.Source, target, GuideUrl(answer), answer.Locale)));
                }
                else
                {
                    drafts.RemoveAt(index);
                    omitted += draft.Role == Role.Section ? 1 : 0;
                }

                continue;
            }

            // Only what must stay is left and it is still too big (only with huge button values): trim the fix steps,
            // then the summary, down to MinTrimmed each. The caps on everything else make this enough.
            if (!Shrink(drafts, Role.Fix, over, answer) && !Shrink(drafts, Role.Summary, over, answer))
            {
                return Assemble(drafts, note);
            }
        }
    }

    private bool Shrink(List<Draft> drafts, Role role, int over, Answer answer)
    {
        var index = drafts.FindIndex(d => d.Role == role);
        if (index < 0)
        {
            return false;
        }

        var draft = drafts[index];
        var length = Text(draft).Length;
        var target = Math.Max(MinTrimmed, length - Math.Max(over, 1));
        if (target >= length)
        {
            return false;
        }

        var text = draft.Source is not null
            ? SectionText(draft.Source, target, GuideUrl(answer), answer.Locale)
            : SlackMrkdwn.Inline(answer.Summary.Trim(), target);
        drafts[index] = draft.With(Section(text));
        return true;
    }

    private static List<SlackBlock> Assemble(List<Draft> drafts, SlackBlock? note)
    {
        var blocks = drafts.Select(d => d.Block).ToList();
        if (note is not null)
        {
            var last = drafts.FindLastIndex(d => d.Role is Role.Section or Role.Fix);
            blocks.Insert(last >= 0 ? last + 1 : blocks.Count, note);
        }

        return blocks;
    }

    private static int LastDroppable(List<Draft> drafts)
    {
        foreach (var role in (ReadOnlySpan<Role>)[Role.Section, Role.Facts, Role.Notices])
        {
            var index = drafts.FindLastIndex(d => d.Role == role);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    private static string Title(Answer answer)
    {
        var title = SlackMrkdwn.Plain(answer.Title, HeaderMax);
        return title.Length == 0 ? "…" : title;
    }

    /// <summary>"🔴 *failure* · dns:rcode:2 · dns:ede:7": the severity (colour and word) and the codes the answer is about.</summary>
    private SlackContextBlock SeverityLine(Answer answer)
    {
        var severity = Emoji(answer.Severity) + " *" + SlackMrkdwn.Flat(_ui[UiKeys.SeverityName(answer.Severity), answer.Locale], 50) + "*";
        var codes = SlackMrkdwn.Flat(string.Join(" · ", answer.Codes.Where(c => c.Trim().Length > 0)), CodesMax);
        return new SlackContextBlock([SlackText.Mrkdwn(codes.Length > 0 ? severity + " · " + codes : severity)]);
    }

    private static Draft? Summary(Answer answer, int max)
    {
        var summary = SlackMrkdwn.Inline(answer.Summary.Trim(), max);
        return summary.Length == 0 ? null : Draft.Of(Section(summary), Role.Summary);
    }

    private static SlackContextBlock? Notices(Answer answer)
    {
        var elements = answer.Notices
            .Where(n => n.Trim().Length > 0)
            .Take(MaxNotices)
            .Select(n => SlackText.Mrkdwn("⚠️ " + SlackMrkdwn.Inline(n.Trim(), NoticeMax)))
            .ToList();
        return elements.Count == 0 ? null : new SlackContextBlock(elements);
    }

    /// <summary>Up to ten facts as two-column fields: "*Label*\nvalue".</summary>
    private static SlackSectionBlock? Facts(Answer answer)
    {
        var fields = new List<SlackText>();
        foreach (var fact in answer.Facts)
        {
            var label = SlackMrkdwn.Inline(fact.Label.Trim(), FactLabelMax);
            var value = SlackMrkdwn.Inline(fact.Value.Trim(), FactValueMax);
            if (fields.Count == MaxFields || (label.Length == 0 && value.Length == 0))
            {
                continue;
            }

            fields.Add(SlackText.Mrkdwn(label.Length == 0 ? value : value.Length == 0 ? Bold(label) : Bold(label) + "\n" + value));
        }

        return fields.Count == 0 ? null : new SlackSectionBlock { Fields = fields };
    }

    /// <summary>"*Heading*" and the lines of a section in at most <paramref name="max"/> characters, cut on a line boundary.</summary>
    private string SectionText(AnswerSection section, int max, string? moreUrl, Locale locale)
    {
        var heading = SlackMrkdwn.Inline(section.Heading.Trim(), HeadingMax);
        var head = heading.Length == 0 ? "" : Bold(heading) + "\n";
        var room = max - head.Length;
        if (section.Kind == SectionKind.Code)
        {
            return head + SlackMrkdwn.CodeBlock(section.Lines, room);
        }

        var lines = section.Lines.Select((line, i) => Prefix(section.Kind, i) + SlackMrkdwn.Inline(line)).ToList();
        var full = string.Join('\n', lines);
        if (full.Length <= room)
        {
            return head + full;
        }

        var tail = moreUrl is null ? "\n…" : "\n… " + SlackMrkdwn.Link(moreUrl, _ui[UiKeys.ChatMore, locale], LinkTitleMax);
        if (tail.Length > room / 3)
        {
            tail = "\n…";
        }

        var available = room - tail.Length;
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
            sb.Append(prefix).Append(SlackMrkdwn.Inline(section.Lines[0], available - prefix.Length));
        }

        return head + sb + tail;
    }

    private static string Prefix(SectionKind kind, int index) => kind switch
    {
        SectionKind.Bullets => "• ",
        SectionKind.Steps => (index + 1).ToString(CultureInfo.InvariantCulture) + ". ",
        _ => "",
    };

    /// <summary>Up to three of the answer's own links (http/https only); no other text can become a link.</summary>
    private SlackSectionBlock? Links(Answer answer)
    {
        var lines = answer.Links
            .Where(l => IsWebUrl(l.Url) && l.Url.Length <= UrlMax)
            .Take(MaxLinks)
            .Select(l => "• " + SlackMrkdwn.Link(l.Url, l.Title.Trim().Length > 0 ? l.Title : new Uri(l.Url).Host, LinkTitleMax))
            .ToList();
        return lines.Count == 0
            ? null
            : Section(Bold(SlackMrkdwn.Flat(_ui[UiKeys.ChatReadMore, answer.Locale], HeadingMax)) + "\n" + string.Join('\n', lines));
    }

    private SlackContextBlock OmittedNote(Answer answer, int omitted) =>
        new([SlackText.Mrkdwn("… " + SlackMrkdwn.Flat(_ui.Format(UiKeys.ChatOmitted, answer.Locale, omitted), HeadingMax))]);

    /// <summary>Title and summary as flat text (no code spans), escaped like any mrkdwn: notifications show it.</summary>
    private static string Fallback(Answer answer)
    {
        var text = SlackMrkdwn.Flat(answer.Title.Trim() + (answer.Summary.Trim().Length > 0 ? "\n" + answer.Summary.Trim() : ""), FallbackMax);
        return text.Trim().Length == 0 ? "…" : text;
    }

    private static string Emoji(Severity severity) => severity switch
    {
        Severity.Ok => "✅",
        Severity.Warning => "⚠️",
        Severity.Error => "🔴",
        _ => "ℹ️",
    };

    private static string Bold(string mrkdwn) => "*" + mrkdwn + "*";

    private static SlackSectionBlock Section(string mrkdwn) => new() { Text = SlackText.Mrkdwn(mrkdwn) };

    private static string Text(Draft draft) => draft.Block is SlackSectionBlock { Text: { } text } ? text.Text : "";

    private static string? GuideUrl(Answer answer) =>
        answer.Links.FirstOrDefault(l => l.Kind == LinkKind.Guide && IsWebUrl(l.Url) && l.Url.Length <= UrlMax)?.Url;

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Every string in a block, the measure of Slack's aggregate limit (type names included, to be safe).</summary>
    private static int Characters(SlackBlock block) => block switch
    {
        SlackHeaderBlock h => 6 + Characters(h.Text),
        SlackSectionBlock s => 7 + (s.Text is null ? 0 : Characters(s.Text)) + (s.Fields?.Sum(Characters) ?? 0),
        SlackContextBlock c => 7 + c.Elements.Sum(Characters),
        SlackActionsBlock a => 7 + a.Elements.Sum(Characters),
        _ => 7,
    };

    private static int Characters(SlackElement element) => element.ActionId.Length + element switch
    {
        SlackButton b => 6 + Characters(b.Text) + (b.Value?.Length ?? 0) + (b.Url?.Length ?? 0) + (b.Style?.Length ?? 0),
        SlackStaticSelect s => 13 + Characters(s.Placeholder) + s.Options.Sum(o => Characters(o.Text) + o.Value.Length),
        _ => 0,
    };

    private static int Characters(SlackText text) => text.Type.Length + text.Text.Length;

    private enum Role
    {
        Header,
        Summary,
        Notices,
        Facts,
        Section,
        Fix,
        Links,
    }

    private sealed record Draft(SlackBlock Block, Role Role, AnswerSection? Source, int Size)
    {
        public static Draft Of(SlackBlock block, Role role, AnswerSection? source = null) => new(block, role, source, Characters(block));

        public Draft With(SlackBlock block) => this with { Block = block, Size = Characters(block) };
    }
}
