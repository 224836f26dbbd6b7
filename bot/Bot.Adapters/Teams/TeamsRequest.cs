using System.Text.Json;
using Bot.Adapters.Teams.Cards;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Teams;

/// <summary>What a message or card action asks for: the engine command, the language and the view.</summary>
public sealed record TeamsRequest(string Command, Locale? Locale, bool FocusFix)
{
    /// <summary>
    /// From a message: the text with the bot's mention removed, or an Action.Submit's <c>value</c> (routing keys in
    /// <see cref="TeamsActionData"/>); null when there is nothing to answer (an empty compare choice, an empty text).
    /// </summary>
    public static TeamsRequest? FromMessage(TeamsActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is { } value && FromData(value) is { } submitted)
        {
            return submitted;
        }

        var question = TeamsText.Question(activity);
        return question.Length == 0 ? null : new TeamsRequest(question, TeamsText.Locale(activity), false);
    }

    /// <summary>From an <c>adaptiveCard/action</c> invoke: <c>value.action.data</c>.</summary>
    public static TeamsRequest? FromInvoke(TeamsActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { } value && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? FromData(data)
            : null;
    }

    private static TeamsRequest? FromData(JsonElement data)
    {
        var locale = Locales.Parse(Str(data, TeamsActionData.BotLocale));
        if (Str(data, TeamsActionData.CompareFrom) is { Length: > 0 } from)
        {
            return Str(data, TeamsActionData.CompareWith) is { Length: > 0 } with
                ? new TeamsRequest(Clean($"/compare {from} {with}"), locale, false)
                : null;
        }

        return Str(data, TeamsActionData.BotCommand) is { Length: > 0 } command
            ? new TeamsRequest(Clean(command), locale, Str(data, TeamsActionData.BotView) == TeamsActionData.ViewFix)
            : null;
    }

    /// <summary>Card data comes back from the client and is untrusted: one line, bounded, like any typed question.</summary>
    private static string Clean(string command) => command.Length > 1000 ? command[..1000] : command;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
