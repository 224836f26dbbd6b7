using System.Text.Json;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>The parts of a MESSAGE_CREATE the bot reads (https://discord.com/developers/docs/resources/message).</summary>
internal sealed record GatewayMessage(
    string Id,
    string ChannelId,
    string? GuildId,
    string Content,
    string AuthorId,
    bool AuthorIsBot,
    bool FromWebhook,
    int Type,
    IReadOnlyList<string> Mentions)
{
    /// <summary>0 DEFAULT and 19 REPLY are what people type; the rest are system messages (joins, pins...).</summary>
    public bool IsUserText => Type is 0 or 19;

    public bool IsDirect => GuildId is null;

    /// <summary>Null when a required member is missing or of the wrong kind.</summary>
    public static GatewayMessage? TryParse(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object
            || Str(d, "id") is not { Length: > 0 } id
            || Str(d, "channel_id") is not { Length: > 0 } channel
            || !d.TryGetProperty("author", out var author) || author.ValueKind != JsonValueKind.Object
            || Str(author, "id") is not { Length: > 0 } authorId)
        {
            return null;
        }

        var mentions = new List<string>();
        if (d.TryGetProperty("mentions", out var m) && m.ValueKind == JsonValueKind.Array)
        {
            foreach (var user in m.EnumerateArray())
            {
                if (user.ValueKind == JsonValueKind.Object && Str(user, "id") is { } mentioned)
                {
                    mentions.Add(mentioned);
                }
            }
        }

        return new GatewayMessage(
            id,
            channel,
            Str(d, "guild_id"),
            Str(d, "content") ?? "",
            authorId,
            author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True,
            d.TryGetProperty("webhook_id", out var hook) && hook.ValueKind == JsonValueKind.String,
            d.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt32(out var type) ? type : 0,
            mentions);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
