using Bot.Engine.Contracts;

namespace Bot.Adapters.Slack;

/// <summary>What a button or select option means, encoded in its <c>value</c>.</summary>
public enum SlackActionKind
{
    /// <summary>Run a follow-up command of the answer as a new answer: "a|ja|/compare SERVFAIL REFUSED".</summary>
    Action,

    /// <summary>Show the same answer in another language, replacing the message: "l|de|/rcode 2".</summary>
    Language,

    /// <summary>Show the fix steps of the answer, replacing the message: "f|en|/rcode 2".</summary>
    Fix,

    /// <summary>A related code picked in the compare select; the command is the whole /compare: "c|en|/compare SERVFAIL REFUSED".</summary>
    Compare,

    /// <summary>Run a live check again and replace the message with the new result: "r|en|/dig example.com A".</summary>
    Refresh,
}

/// <summary>
/// The state of a button or select option: kind, locale and the command to run. It round-trips through the element's
/// <c>value</c> (≤2000 characters for buttons, ≤150 for options), so no server-side state is needed. The value comes
/// back in a request from Slack and is treated as untrusted: <see cref="TryDecode"/> validates it, and the command is
/// only ever run as if the user had typed it.
/// </summary>
public sealed record SlackActionValue(SlackActionKind Kind, Locale Locale, string Command)
{
    /// <summary>Slack's limit for a button value.</summary>
    public const int MaxLength = 2000;

    /// <summary>"k|ll|" before the command.</summary>
    private const int PrefixLength = 5;

    public string Encode() => $"{KindChar(Kind)}|{Locale.Tag()}|{Command}";

    /// <summary>True when the encoded form fits Slack's limit and would decode again (otherwise the element is left out).</summary>
    public bool Fits => PrefixLength + Command.Length <= MaxLength && IsValidCommand(Command);

    /// <summary>Decodes a value from a <c>block_actions</c> payload; false for anything we did not produce.</summary>
    public static bool TryDecode(string? value, out SlackActionValue decoded)
    {
        decoded = null!;
        if (value is null || value.Length <= PrefixLength || value.Length > MaxLength || value[1] != '|' || value[4] != '|')
        {
            return false;
        }

        SlackActionKind? kind = value[0] switch
        {
            'a' => SlackActionKind.Action,
            'l' => SlackActionKind.Language,
            'f' => SlackActionKind.Fix,
            'c' => SlackActionKind.Compare,
            'r' => SlackActionKind.Refresh,
            _ => null,
        };

        // Exactly the tags Encode writes: no case folding, no "jp", no regions.
        var tag = value.AsSpan(2, 2);
        Locale? locale = null;
        foreach (var candidate in Locales.All)
        {
            if (tag.SequenceEqual(candidate.Tag()))
            {
                locale = candidate;
            }
        }

        var command = value[PrefixLength..];
        if (kind is null || locale is null || !IsValidCommand(command))
        {
            return false;
        }

        decoded = new SlackActionValue(kind.Value, locale.Value, command);
        return true;
    }

    /// <summary>Not blank, no control characters other than tab and newline (pasted output), no lone surrogates.</summary>
    private static bool IsValidCommand(string command)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            return false;
        }

        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (char.IsHighSurrogate(c) && i + 1 < command.Length && char.IsLowSurrogate(command[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not '\n' and not '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static char KindChar(SlackActionKind kind) => kind switch
    {
        SlackActionKind.Action => 'a',
        SlackActionKind.Language => 'l',
        SlackActionKind.Fix => 'f',
        SlackActionKind.Compare => 'c',
        SlackActionKind.Refresh => 'r',
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// The <c>action_id</c>s the renderer gives its elements (unique within a message). Handlers should act on the
/// decoded <see cref="SlackActionValue"/>; the ids only tell our elements from anything else.
/// </summary>
public static class SlackActionIds
{
    public const string Prefix = "bot.";
    public const string Fix = "bot.fix";
    public const string Refresh = "bot.refresh";
    public const string Compare = "bot.compare";
    public const string LanguagePrefix = "bot.lang.";
    public const string ActionPrefix = "bot.action.";

    /// <summary>"bot.lang.ja".</summary>
    public static string Language(Locale locale) => LanguagePrefix + locale.Tag();

    /// <summary>"bot.action.0" for the first follow-up button.</summary>
    public static string Action(int index) => ActionPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True for an action_id this renderer produces.</summary>
    public static bool IsOurs(string? actionId) => actionId is not null && actionId.StartsWith(Prefix, StringComparison.Ordinal);
}
