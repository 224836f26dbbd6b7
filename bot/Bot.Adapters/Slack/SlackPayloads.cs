using System.Text.Json;

namespace Bot.Adapters.Slack;

/// <summary>An Events API delivery (verified body): the envelope and the parts of the inner event the bot uses.</summary>
public sealed record SlackEvent(string Type)
{
    public string? Challenge { get; init; }
    public string? EventId { get; init; }
    public string? TeamId { get; init; }
    public string? EventType { get; init; }
    public string? Subtype { get; init; }
    public string? User { get; init; }
    public string? BotId { get; init; }
    public string? Text { get; init; }
    public string? Channel { get; init; }
    public string? ChannelType { get; init; }
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? ClientMsgId { get; init; }

    /// <summary>Parses a delivery; null when it is not a JSON object with a string <c>type</c> (throws JsonException on bad JSON).</summary>
    public static SlackEvent? Parse(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (Json.Str(root, "type") is not { } type)
        {
            return null;
        }

        var inner = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        return new SlackEvent(type)
        {
            Challenge = Json.Str(root, "challenge"),
            EventId = Json.Str(root, "event_id"),
            TeamId = Json.Str(root, "team_id"),
            EventType = Json.Str(inner, "type"),
            Subtype = Json.Str(inner, "subtype"),
            User = Json.Str(inner, "user"),
            BotId = Json.Str(inner, "bot_id"),
            Text = Json.Str(inner, "text"),
            Channel = Json.Str(inner, "channel"),
            ChannelType = Json.Str(inner, "channel_type"),
            Ts = Json.Str(inner, "ts"),
            ThreadTs = Json.Str(inner, "thread_ts"),
            ClientMsgId = Json.Str(inner, "client_msg_id"),
        };
    }
}

/// <summary>An interactivity delivery (the <c>payload</c> field's JSON): the first action and where to answer.</summary>
public sealed record SlackInteraction(string Type)
{
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public string? ResponseUrl { get; init; }
    public string? TriggerId { get; init; }
    public string? ActionId { get; init; }
    public string? ActionTs { get; init; }

    /// <summary>The conversation the element was in (<c>channel.id</c>).</summary>
    public string? ChannelId { get; init; }

    /// <summary>True when the message with the element was ephemeral (<c>container.is_ephemeral</c>): only this user saw it.</summary>
    public bool IsEphemeral { get; init; }

    /// <summary>The button's <c>value</c>, or the chosen option's for a select.</summary>
    public string? Value { get; init; }

    public static SlackInteraction? Parse(string payload)
    {
        using var doc = JsonDocument.Parse(payload);
        var root = doc.RootElement;
        if (Json.Str(root, "type") is not { } type)
        {
            return null;
        }

        var action = root.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0 ? actions[0] : default;
        var selected = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("selected_option", out var s) ? s : default;
        return new SlackInteraction(type)
        {
            TeamId = root.TryGetProperty("team", out var team) ? Json.Str(team, "id") : null,
            UserId = root.TryGetProperty("user", out var user) ? Json.Str(user, "id") : null,
            ResponseUrl = Json.Str(root, "response_url"),
            TriggerId = Json.Str(root, "trigger_id"),
            ActionId = Json.Str(action, "action_id"),
            ActionTs = Json.Str(action, "action_ts"),
            Value = Json.Str(action, "value") ?? Json.Str(selected, "value"),
            ChannelId = root.TryGetProperty("channel", out var channel) ? Json.Str(channel, "id") : null,
            IsEphemeral = root.TryGetProperty("container", out var container) && container.ValueKind == JsonValueKind.Object
                && container.TryGetProperty("is_ephemeral", out var ephemeral) && ephemeral.ValueKind == JsonValueKind.True,
        };
    }
}

internal static class Json
{
    public static string? Str(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
