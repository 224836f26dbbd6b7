using System.Globalization;
using System.Text;
using Bot.Engine.Rendering;

namespace Bot.Adapters.Slack;

/// <summary>
/// Slack mrkdwn for answer text. The answer's backtick code spans stay code spans; everything else is text that may
/// come from a user and must not become markup:
/// <list type="bullet">
/// <item><c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> become <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c> (Slack's only escapes),
/// so no <c>&lt;@U…&gt;</c>, <c>&lt;!channel&gt;</c>, <c>&lt;#C…&gt;</c>, <c>&lt;!subteam^…&gt;</c> or <c>&lt;url|label&gt;</c>
/// can form, and a typed "&amp;lt;" stays the five characters it was.</item>
/// <item>Slack has no backslash escape for <c>*</c> <c>_</c> <c>~</c> and backticks. We put a zero-width space (U+200B)
/// on both sides of each one in plain text. Formatting needs the opening marker after a word boundary and
/// followed by a non-space, the closing one the other way round; with U+200B on both sides the rule fails whether
/// Slack takes U+200B for a space (the marker is followed by "space") or for a letter (the marker is inside a
/// word). Lookalike characters (U+2217 ∗, U+FF3F ＿) would not depend on the parser but change what a user copies
/// more visibly; the zero-width space keeps the character itself.</item>
/// <item>A <c>&gt;</c> at the start of a line would quote it: it gets a zero-width space in front.</item>
/// <item>"@here", "@channel" and "@everyone" do not notify as plain words, but get a zero-width space after the "@"
/// anyway, and "://" is broken the same way so a client never turns a user's URL into a link. Text objects are sent
/// with <c>verbatim: true</c>, which also stops Slack from linking bare URLs and channel names.</item>
/// </list>
/// Emoji shortcodes (<c>:x:</c>) are left alone: harmless, and colons are common in DNS output.
/// Cuts never split an escape, a zero-width-space group or a surrogate pair, and always close a code span or block.
/// </summary>
internal static class SlackMrkdwn
{
    private const char ZeroWidthSpace = '\u200B';
    private const string Ellipsis = "…";
    private const string Fence = "```";

    private enum Mode
    {
        /// <summary>Text outside code: escapes plus formatting markers neutralised.</summary>
        Text,

        /// <summary>Inside an inline code span: escapes only (Slack does not format code).</summary>
        Span,

        /// <summary>A line of a fenced code block: escapes, and a run of three backticks is broken.</summary>
        Block,
    }

    /// <summary>Inline Markdown (backtick code spans only) rendered as Slack mrkdwn, without a length limit.</summary>
    public static string Inline(string text) => Render(text, int.MaxValue, keepCode: true);

    /// <summary>Inline Markdown rendered as mrkdwn in at most <paramref name="max"/> characters, ending with "…" when cut.</summary>
    public static string Inline(string text, int max) => Fit(text, max, keepCode: true);

    /// <summary>Text with no markup at all (code spans become their plain content), as mrkdwn, in at most <paramref name="max"/> characters.</summary>
    public static string Flat(string text, int max) => Fit(text, max, keepCode: false);

    /// <summary>
    /// Text for <c>plain_text</c> objects (header, buttons, options, placeholders): one line, code spans flattened,
    /// mention syntax and @here broken with a zero-width space (plain_text is not parsed, this is belt and braces),
    /// no HTML escapes (they would show), lone surrogates replaced, cut to <paramref name="max"/>.
    /// </summary>
    public static string Plain(string text, int max)
    {
        var flat = FlattenCode(text).ReplaceLineEndings(" ");
        var sb = new StringBuilder(flat.Length + 8);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            if (char.IsHighSurrogate(c) && i + 1 < flat.Length && char.IsLowSurrogate(flat[i + 1]))
            {
                sb.Append(c).Append(flat[++i]);
                continue;
            }

            sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            if ((c == '<' && i + 1 < flat.Length && flat[i + 1] is '@' or '!' or '#') || (c == '@' && IsBroadcastWord(flat, i + 1)))
            {
                sb.Append(ZeroWidthSpace);
            }
        }

        return Cut(sb.ToString().Trim(), max);
    }

    /// <summary>A fenced code block of at most <paramref name="max"/> characters, cut on a line boundary with "… (+n)".</summary>
    public static string CodeBlock(IReadOnlyList<string> lines, int max)
    {
        const string open = Fence + "\n";
        const string close = "\n" + Fence;
        var safe = lines.Select(line => Render(line, int.MaxValue, Mode.Block)).ToList();
        var body = string.Join('\n', safe);
        if (open.Length + body.Length + close.Length <= max)
        {
            return open + body + close;
        }

        var longestTail = string.Create(CultureInfo.InvariantCulture, $"\n… (+{safe.Count})");
        var available = max - open.Length - close.Length - longestTail.Length;
        if (available <= 0)
        {
            return "";
        }

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
            // Not even the first line fits: cut it (escape by escape).
            sb.Append(Render(lines[0], available, Mode.Block));
            taken = 1;
        }

        return open + sb + string.Create(CultureInfo.InvariantCulture, $"\n… (+{safe.Count - taken})") + close;
    }

    /// <summary>
    /// A link <c>&lt;url|label&gt;</c>. Only for our own URLs (from the answer's links, checked by the caller); the
    /// label is flattened and escaped, the URL cannot end the link early.
    /// </summary>
    public static string Link(string url, string label, int labelMax) =>
        "<" + LinkUrl(url) + "|" + Flat(label, labelMax) + ">";

    /// <summary>Cuts plain text to at most <paramref name="max"/> characters with "…", never inside a surrogate pair.</summary>
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

        return text[..n].TrimEnd() + Ellipsis;
    }

    /// <summary>"a `b` c" → "a b c": the text of every run, without the backticks.</summary>
    public static string FlattenCode(string text) => string.Concat(InlineText.Runs(text).Select(r => r.Text));

    private static string Fit(string text, int max, bool keepCode)
    {
        if (max <= 0)
        {
            return "";
        }

        var full = Render(text, int.MaxValue, keepCode);
        if (full.Length <= max)
        {
            return full;
        }

        return max == 1 ? Ellipsis : Render(text, max - 1, keepCode).TrimEnd() + Ellipsis;
    }

    /// <summary>Renders the runs while they fit in <paramref name="budget"/>; a code span that does not fit is cut and closed.</summary>
    private static string Render(string text, int budget, bool keepCode)
    {
        var sb = new StringBuilder(Math.Min(text.Length + 16, Math.Max(budget, 16)));
        var state = new State { LineStart = true };
        foreach (var (run, isCode) in keepCode ? InlineText.Runs(text) : [(FlattenCode(text), false)])
        {
            if (!isCode)
            {
                if (!Append(sb, run, Mode.Text, budget, ref state))
                {
                    break;
                }

                continue;
            }

            if (run.Length == 0)
            {
                continue;
            }

            // Room for the two backticks and at least one character, or the span is left out.
            if (sb.Length + 3 > budget)
            {
                break;
            }

            var open = sb.Length;
            sb.Append('`');
            var fits = Append(sb, run, Mode.Span, budget - 1, ref state);
            if (sb.Length == open + 1)
            {
                // Not even one escape of the span fits: leave it out rather than show an empty "``".
                sb.Length = open;
                break;
            }

            sb.Append('`');
            state.LineStart = false;
            if (!fits)
            {
                break;
            }
        }

        return sb.ToString();
    }

    private static string Render(string line, int budget, Mode mode)
    {
        var sb = new StringBuilder(Math.Min(line.Length + 16, Math.Max(budget, 16)));
        var state = new State { LineStart = true };
        Append(sb, line, mode, budget, ref state);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> token by token while it fits; false when something was left out.</summary>
    private static bool Append(StringBuilder sb, string text, Mode mode, int budget, ref State state)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var token = pair ? text.Substring(i, 2) : Token(text, i, mode, state);
            if (sb.Length + token.Length > budget)
            {
                return false;
            }

            sb.Append(token);
            if (pair)
            {
                i++;
            }

            state.LineStart = c == '\n' || (state.LineStart && c is ' ' or '\t');
            state.Backticks = c == '`' ? (token.Length > 1 ? 1 : state.Backticks + 1) : 0;
        }

        return true;
    }

    private static string Token(string text, int i, Mode mode, State state)
    {
        var c = text[i];
        return c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => mode == Mode.Text && state.LineStart ? "\u200B&gt;" : "&gt;",
            '@' when IsBroadcastWord(text, i + 1) => "@\u200B",
            '*' or '_' or '~' or '`' when mode == Mode.Text => string.Concat("\u200B", c.ToString(), "\u200B"),
            '`' when mode == Mode.Block && state.Backticks == 2 => "\u200B`",
            ':' when mode == Mode.Text && text.AsSpan(i + 1).StartsWith("//") => ":\u200B",
            '\r' => "",
            _ when char.IsSurrogate(c) => "\uFFFD",
            _ => c.ToString(),
        };
    }

    private static bool IsBroadcastWord(string text, int start)
    {
        var rest = text.AsSpan(start);
        return rest.StartsWith("here", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("channel", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("everyone", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A URL that cannot end the link early or smuggle an entity: | &lt; &gt; and spaces percent-encoded, &amp; escaped.</summary>
    private static string LinkUrl(string url) =>
        url.Replace("|", "%7C", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal)
            .Replace("&", "&amp;", StringComparison.Ordinal);

    private struct State
    {
        public bool LineStart;
        public int Backticks;
    }
}
