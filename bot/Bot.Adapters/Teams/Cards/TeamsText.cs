using System.Text;
using Bot.Engine.Rendering;

namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// Text for Teams cards. Card text is never Markdown here (see <see cref="TeamsCardRenderer"/>), so nothing is
/// escaped with backslashes; what remains is what a host could still act on: HTML-like tags (<c>&lt;at&gt;</c>
/// mentions, <c>&lt;script&gt;</c>) are broken with a zero-width space, <c>{{</c> (the Adaptive Cards date/time
/// functions) likewise, control and bidirectional-override characters are dropped, lone surrogates replaced. Cuts end
/// with "…" and never split a surrogate pair.
/// </summary>
internal static class TeamsText
{
    public const string Ellipsis = "…";
    public const char ZeroWidthSpace = '\u200B';
    public const char NoBreakSpace = '\u00A0';
    private const int TabWidth = 8;

    /// <summary>One line of plain text with nothing a host could act on; line breaks and tabs become spaces.</summary>
    public static string Safe(string text)
    {
        var sb = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (char.IsHighSurrogate(c) && char.IsLowSurrogate(next))
            {
                sb.Append(c).Append(next);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
            }
            else if (c is '\n' or '\r' or '\t')
            {
                sb.Append(' ');
            }
            else if (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                // Dropped: invisible, and bidirectional overrides can make text read differently from what it is.
            }
            else
            {
                sb.Append(c);
                if ((c == '<' && (char.IsAsciiLetter(next) || next is '/' or '!' or '?')) || (c == '{' && next == '{'))
                {
                    sb.Append(ZeroWidthSpace);
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>A single line for a title, label or choice: <see cref="Safe"/>, spaces collapsed, trimmed, cut.</summary>
    public static string Line(string text, int max) => Cut(CollapseSpaces(Safe(text)).Trim(), max);

    /// <summary>Cuts to at most <paramref name="max"/> characters ending with "…", never inside a surrogate pair.</summary>
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

    /// <summary>
    /// The answer's inline text (backtick code spans) as safe runs of at most <paramref name="max"/> characters in
    /// all; when cut, the last run ends with "…". Line breaks become spaces: every line is its own block.
    /// </summary>
    public static List<(string Text, bool IsCode)> Runs(string text, int max)
    {
        var runs = new List<(string Text, bool IsCode)>();
        var used = 0;
        foreach (var (raw, isCode) in InlineText.Runs(text))
        {
            var run = Safe(raw);
            if (run.Length == 0)
            {
                continue;
            }

            if (used + run.Length > max)
            {
                var room = max - used;
                if (room > 1)
                {
                    runs.Add((Cut(run, room), isCode));
                }
                else if (room == 1 || runs.Count == 0)
                {
                    runs.Add((Ellipsis, false));
                }
                else
                {
                    // Full: the previous run gives up its last character for the "…".
                    var last = runs[^1].Text;
                    runs[^1] = (last.Length > 1 ? Cut(last, last.Length - 1) : Ellipsis, runs[^1].IsCode);
                }

                return runs;
            }

            runs.Add((run, isCode));
            used += run.Length;
        }

        return runs;
    }

    /// <summary>The plain text of the answer's inline text: code spans keep their text, backticks go.</summary>
    public static string Plain(string text) => CollapseSpaces(Safe(string.Concat(InlineText.Runs(text).Select(r => r.Text)))).Trim();

    /// <summary>
    /// One line of a code block: tabs expanded to 8-column stops, and runs of spaces (and leading spaces) alternate
    /// no-break and normal spaces, so an HTML renderer keeps dig's columns while single spaces (commands) copy as
    /// typed. An empty line becomes one no-break space (an empty run would not be drawn at all).
    /// </summary>
    public static string CodeLine(string line, int max)
    {
        var expanded = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (c == '\t')
            {
                expanded.Append(' ', TabWidth - (expanded.Length % TabWidth));
            }
            else if (c != '\r')
            {
                expanded.Append(c);
            }
        }

        var safe = Cut(Safe(expanded.ToString()).TrimEnd(), max);
        var sb = new StringBuilder(safe.Length);
        for (var i = 0; i < safe.Length; i++)
        {
            var c = safe[i];
            var spaceRun = c == ' ' && (i == 0 || (i + 1 < safe.Length && safe[i + 1] == ' ') || safe[i - 1] is ' ' or NoBreakSpace);
            if (spaceRun)
            {
                // Within a run: no-break first, then alternate, so no two collapsible spaces ever meet.
                var previous = sb.Length > 0 ? sb[^1] : '\0';
                sb.Append(previous == NoBreakSpace ? ' ' : NoBreakSpace);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Length == 0 ? NoBreakSpace.ToString() : sb.ToString();
    }

    /// <summary>
    /// True when Markdown (as Teams renders it in a FactSet) would show <paramref name="text"/> exactly as it is: none
    /// of its special characters, no list marker at the start, no line break.
    /// </summary>
    public static bool IsMarkdownInert(string text)
    {
        if (text.AsSpan().IndexOfAny("*_[]`~\\<>#|&{}!\n\r") >= 0 || text.Any(char.IsControl))
        {
            return false;
        }

        var start = text.TrimStart();
        if (start.StartsWith('-') || start.StartsWith('+') || start.StartsWith('='))
        {
            return false;
        }

        // "1. x" or "1) x" would start a numbered list.
        var digits = 0;
        while (digits < start.Length && char.IsAsciiDigit(start[digits]))
        {
            digits++;
        }

        return digits == 0 || digits == start.Length || start[digits] is not ('.' or ')');
    }

    private static string CollapseSpaces(string text)
    {
        if (!text.Contains("  ", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c != ' ' || sb.Length == 0 || sb[^1] != ' ')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
