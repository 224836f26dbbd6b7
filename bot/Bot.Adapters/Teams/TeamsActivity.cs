using System.Text.Json;

namespace Bot.Adapters.Teams;

/// <summary>A channel account (<c>from</c>, <c>recipient</c>, a mentioned or added member).</summary>
public sealed record TeamsAccount(string Id, string? Name);

/// <summary>A mention entity: who was mentioned and the text that stands for it (<c>&lt;at&gt;Bot&lt;/at&gt;</c>).</summary>
public sealed record TeamsMention(string Id, string? Name, string? Text);

/// <summary>The parts of an inbound Bot Framework activity the bot uses; unknown fields are ignored.</summary>
public sealed record TeamsActivity
{
    public required string Type { get; init; }
    public string? Id { get; init; }
    public required string ServiceUrl { get; init; }
    public required string ChannelId { get; init; }
    public required string ConversationId { get; init; }
    public string? ConversationType { get; init; }
    public TeamsAccount? From { get; init; }
    public TeamsAccount? Recipient { get; init; }
    public string? Text { get; init; }
    public string? Locale { get; init; }
    public string? ClientLocale { get; init; }
    public string? Name { get; init; }
    public string? ReplyToId { get; init; }
    public string? Action { get; init; }
    public JsonElement? Value { get; init; }
    public IReadOnlyList<TeamsMention> Mentions { get; init; } = [];
    public IReadOnlyList<TeamsAccount> MembersAdded { get; init; } = [];

    /// <summary>The de-duplication key: Teams retries a delivery with the same conversation and activity id.</summary>
    public string DeliveryKey => ConversationId + "\n" + Id;

    /// <summary>Parses an activity; null when the JSON lacks what every activity must carry (type, serviceUrl, channelId, conversation.id).</summary>
    public static TeamsActivity? Parse(ReadOnlySpan<byte> body)
    {
        using var doc = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = Str(root, "type");
        var serviceUrl = Str(root, "serviceUrl");
        var channelId = Str(root, "channelId");
        var conversation = Obj(root, "conversation");
        var conversationId = conversation is { } c ? Str(c, "id") : null;
        if (type is null || serviceUrl is null || channelId is null || conversationId is null
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service) || (service.Scheme != Uri.UriSchemeHttps && service.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var mentions = new List<TeamsMention>();
        string? clientLocale = null;
        if (root.TryGetProperty("entities", out var entities) && entities.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in entities.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                switch (Str(e, "type"))
                {
                    case "mention" when Account(Obj(e, "mentioned")) is { } who:
                        mentions.Add(new TeamsMention(who.Id, who.Name, Str(e, "text")));
                        break;
                    case "clientInfo":
                        clientLocale ??= Str(e, "locale");
                        break;
                }
            }
        }

        var added = root.TryGetProperty("membersAdded", out var members) && members.ValueKind == JsonValueKind.Array
            ? members.EnumerateArray().Select(m => Account(m)).OfType<TeamsAccount>().ToList()
            : [];
        return new TeamsActivity
        {
            Type = type,
            Id = Str(root, "id"),
            ServiceUrl = serviceUrl,
            ChannelId = channelId,
            ConversationId = conversationId,
            ConversationType = conversation is { } cv ? Str(cv, "conversationType") : null,
            From = Account(Obj(root, "from")),
            Recipient = Account(Obj(root, "recipient")),
            Text = Str(root, "text"),
            Locale = Str(root, "locale"),
            ClientLocale = clientLocale,
            Name = Str(root, "name"),
            ReplyToId = Str(root, "replyToId"),
            Action = Str(root, "action"),
            Value = root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object ? value.Clone() : null,
            Mentions = mentions,
            MembersAdded = added,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static TeamsAccount? Account(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Object } o && Str(o, "id") is { Length: > 0 } id ? new TeamsAccount(id, Str(o, "name")) : null;
}
