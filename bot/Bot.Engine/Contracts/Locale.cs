namespace Bot.Engine.Contracts;

/// <summary>The languages every answer is available in.</summary>
public enum Locale
{
    En,
    Ja,
    De,
}

/// <summary>Conversions between <see cref="Locale"/> and the tags platforms send ("ja", "de-DE", "en-US").</summary>
public static class Locales
{
    public static readonly IReadOnlyList<Locale> All = [Locale.En, Locale.Ja, Locale.De];

    public static string Tag(this Locale locale) => locale switch
    {
        Locale.Ja => "ja",
        Locale.De => "de",
        _ => "en",
    };

    /// <summary>Parses a BCP 47 tag by its primary language; anything else is null.</summary>
    public static Locale? Parse(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var span = tag.AsSpan().Trim();
        var dash = span.IndexOfAny('-', '_');
        var primary = dash < 0 ? span : span[..dash];
        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            return Locale.En;
        }

        if (primary.Equals("ja", StringComparison.OrdinalIgnoreCase) || primary.Equals("jp", StringComparison.OrdinalIgnoreCase))
        {
            return Locale.Ja;
        }

        if (primary.Equals("de", StringComparison.OrdinalIgnoreCase))
        {
            return Locale.De;
        }

        return null;
    }
}
