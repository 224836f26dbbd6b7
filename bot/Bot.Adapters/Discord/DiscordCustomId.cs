using Bot.Engine.Contracts;

namespace Bot.Adapters.Discord;

/// <summary>What a button or select means, encoded in its custom_id (1–100 characters; Discord returns it verbatim).</summary>
public enum DiscordComponentKind
{
    /// <summary>Run a command (a follow-up action of the answer): "a|ja|/compare SERVFAIL REFUSED".</summary>
    Action,

    /// <summary>Show the same answer in another language: "l|de|/rcode 2".</summary>
    Language,

    /// <summary>Show the fix steps of the answer: "f|en|/rcode 2".</summary>
    Fix,

    /// <summary>A select of related codes to compare with: "c|en|SERVFAIL" (the chosen value is the other code).</summary>
    Compare,
}

/// <summary>The state of a component: kind, locale and a command (or code). Round-trips through custom_id.</summary>
public sealed record DiscordCustomId(DiscordComponentKind Kind, Locale Locale, string Argument)
{
    public const int MaxLength = 100;

    public string Encode()
    {
        var kind = Kind switch
        {
            DiscordComponentKind.Action => 'a',
            DiscordComponentKind.Language => 'l',
            DiscordComponentKind.Fix => 'f',
            _ => 'c',
        };
        return $"{kind}|{Locale.Tag()}|{Argument}";
    }

    /// <summary>True when the encoded form fits Discord's limit (otherwise the component is left out).</summary>
    public bool Fits => Encode().Length <= MaxLength;

    public static bool TryDecode(string? customId, out DiscordCustomId id)
    {
        id = null!;
        if (customId is null || customId.Length is < 5 or > MaxLength || customId[1] != '|' || customId[4] != '|')
        {
            return false;
        }

        DiscordComponentKind? kind = customId[0] switch
        {
            'a' => DiscordComponentKind.Action,
            'l' => DiscordComponentKind.Language,
            'f' => DiscordComponentKind.Fix,
            'c' => DiscordComponentKind.Compare,
            _ => null,
        };
        var locale = Locales.Parse(customId[2..4]);
        var argument = customId[5..];
        if (kind is null || locale is null || argument.Length == 0)
        {
            return false;
        }

        id = new DiscordCustomId(kind.Value, locale.Value, argument);
        return true;
    }
}
