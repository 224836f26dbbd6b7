using System.Text;

namespace Bot.Engine.Understanding;

/// <summary>The user's text made safe to work on: control characters removed, cut to a maximum length.</summary>
internal readonly record struct NormalizedInput(string Text, bool Truncated, bool HadControlCharacters);

internal static class InputNormalizer
{
    public static NormalizedInput Normalize(string? raw, int maxChars)
    {
        raw ??= "";
        var truncated = raw.Length > maxChars;
        var span = truncated ? raw.AsSpan(0, maxChars) : raw.AsSpan();
        if (truncated && char.IsHighSurrogate(span[^1]))
        {
            span = span[..^1];
        }

        var hasControl = false;
        foreach (var c in span)
        {
            if (IsUnwanted(c))
            {
                hasControl = true;
                break;
            }
        }

        if (!hasControl)
        {
            return new NormalizedInput(span.Trim().ToString(), truncated, false);
        }

        var sb = new StringBuilder(span.Length);
        foreach (var c in span)
        {
            if (!IsUnwanted(c))
            {
                sb.Append(c);
            }
        }

        return new NormalizedInput(sb.ToString().Trim(), truncated, true);
    }

    // Keep newlines and tabs (pasted dig output needs them); drop other C0/C1 controls, bidi overrides and NUL.
    private static bool IsUnwanted(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' || c == '\uFFFD';
}
