using Bot.Engine.Contracts;

namespace Bot.Engine.Understanding;

/// <summary>Guesses the language of a message from its script and a few very common words.</summary>
internal static class LocaleDetector
{
    private static readonly HashSet<string> GermanWords =
    [
        "was", "ist", "bedeutet", "der", "die", "das", "und", "oder", "zwischen", "unterschied", "warum", "wieso",
        "wie", "ich", "nicht", "ein", "eine", "mit", "bei", "fehler", "heißt", "beheben", "erklärung", "sind",
    ];

    public static Locale? Detect(string text, IReadOnlyList<Token> tokens)
    {
        var cjk = 0;
        var german = 0;
        foreach (var c in text)
        {
            if (Tokenizer.IsCjk(c) && c is not ('\u3000' or '\uFF1F' or '\uFF01'))
            {
                cjk++;
            }
            else if (c is 'ä' or 'ö' or 'ü' or 'ß' or 'Ä' or 'Ö' or 'Ü')
            {
                german++;
            }
        }

        if (cjk > 0)
        {
            return Locale.Ja;
        }

        foreach (var t in tokens)
        {
            if (GermanWords.Contains(t.Text))
            {
                german++;
            }
        }

        return german > 0 ? Locale.De : null;
    }
}
