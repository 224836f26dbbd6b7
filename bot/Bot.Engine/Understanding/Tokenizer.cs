namespace Bot.Engine.Understanding;

/// <summary>A word of the input: its lower-case text and where it stands.</summary>
internal readonly record struct Token(string Text, int Start, int Length, bool IsNumber);

/// <summary>
/// Splits text into Latin-script words and numbers ("SERVFAIL", "503", "5.1.1", "EAI_AGAIN"); CJK text is left
/// to the phrase search because it has no spaces between words.
/// </summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start)))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            var isNumber = true;
            foreach (var c in word)
            {
                if (!char.IsAsciiDigit(c) && c != '.')
                {
                    isNumber = false;
                    break;
                }
            }

            tokens.Add(new Token(word.ToString().ToLowerInvariant(), start, i - start, isNumber && char.IsAsciiDigit(word[0])));
        }

        return tokens;
    }

    private static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 0x7F && char.IsLetter(c) && !IsCjk(c));

    private static bool IsJoiner(char c) => c is '.' or '-' or '\'' or '/';

    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uFF00' and <= '\uFFEF') or (>= '\u3000' and <= '\u303F');
}
