using System.Text.Json.Serialization;

namespace Bot.Adapters.Discord;

/// <summary>
/// A Discord message payload (the <c>data</c> of an interaction response, or the body of a webhook edit):
/// legacy embeds and action rows, never Components V2. Null members are left out of the JSON.
/// </summary>
public sealed record DiscordMessage
{
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    [JsonPropertyName("embeds")]
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    /// <summary>Action rows. An empty list (rather than null) removes the old components when a message is updated.</summary>
    [JsonPropertyName("components")]
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    [JsonPropertyName("allowed_mentions")]
    public DiscordAllowedMentions AllowedMentions { get; init; } = DiscordAllowedMentions.None;

    /// <summary>The message this one replies to (channel messages only, not interaction responses).</summary>
    [JsonPropertyName("message_reference")]
    public DiscordMessageReference? MessageReference { get; init; }

    /// <summary>Message flags, e.g. 64 (EPHEMERAL); set by the caller, not the renderer.</summary>
    [JsonPropertyName("flags")]
    public int? Flags { get; init; }
}

/// <summary>A rich embed. Discord limits: title 256, description 4096, ≤25 fields, footer 2048, 6000 in total.</summary>
public sealed record DiscordEmbed
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("color")]
    public int? Color { get; init; }

    [JsonPropertyName("fields")]
    public IReadOnlyList<DiscordEmbedField>? Fields { get; init; }

    [JsonPropertyName("footer")]
    public DiscordEmbedFooter? Footer { get; init; }
}

/// <summary>An embed field: name ≤256, value ≤1024, both non-empty.</summary>
public sealed record DiscordEmbedField(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("inline")] bool Inline);

/// <summary>An embed footer (plain text, no Markdown, no links).</summary>
public sealed record DiscordEmbedFooter([property: JsonPropertyName("text")] string Text);

/// <summary>Which mentions in the message may ping. The bot never pings anyone: <c>{"parse": []}</c>.</summary>
public sealed record DiscordAllowedMentions
{
    public static DiscordAllowedMentions None { get; } = new();

    /// <summary>In a reply: nobody is pinged, not even the author of the message replied to.</summary>
    public static DiscordAllowedMentions NoneInReply { get; } = new() { RepliedUser = false };

    [JsonPropertyName("parse")]
    public IReadOnlyList<string> Parse { get; } = [];

    [JsonPropertyName("replied_user")]
    public bool? RepliedUser { get; init; }
}

/// <summary>What a reply points at. <c>fail_if_not_exists: false</c> still posts the answer when the original is gone.</summary>
public sealed record DiscordMessageReference(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("channel_id")] string ChannelId,
    [property: JsonPropertyName("fail_if_not_exists")] bool FailIfNotExists = false);

/// <summary>Component types used by the bot (https://discord.com/developers/docs/components/reference).</summary>
public enum DiscordComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
}

/// <summary>Button styles; <see cref="Link"/> takes a url instead of a custom_id.</summary>
public enum DiscordButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

/// <summary>
/// A legacy message component: an action row (≤5 buttons or 1 select), a button (label ≤80, custom_id ≤100) or a
/// string select (≤25 options). Build them with the factory methods.
/// </summary>
public sealed record DiscordComponent
{
    [JsonPropertyName("type")]
    public required DiscordComponentType Type { get; init; }

    [JsonPropertyName("components")]
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    [JsonPropertyName("style")]
    public DiscordButtonStyle? Style { get; init; }

    [JsonPropertyName("label")]
    public string? Label { get; init; }

    [JsonPropertyName("custom_id")]
    public string? CustomId { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("options")]
    public IReadOnlyList<DiscordSelectOption>? Options { get; init; }

    public static DiscordComponent ActionRow(IReadOnlyList<DiscordComponent> components) =>
        new() { Type = DiscordComponentType.ActionRow, Components = components };

    public static DiscordComponent Button(DiscordButtonStyle style, string label, string customId) =>
        new() { Type = DiscordComponentType.Button, Style = style, Label = label, CustomId = customId };

    public static DiscordComponent LinkButton(string label, string url) =>
        new() { Type = DiscordComponentType.Button, Style = DiscordButtonStyle.Link, Label = label, Url = url };

    public static DiscordComponent StringSelect(string customId, string placeholder, IReadOnlyList<DiscordSelectOption> options) =>
        new() { Type = DiscordComponentType.StringSelect, CustomId = customId, Placeholder = placeholder, Options = options };
}

/// <summary>One choice of a string select: label, value and description are 1–100 characters each.</summary>
public sealed record DiscordSelectOption(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("description")] string? Description = null);

/// <summary>Source-generated System.Text.Json metadata for the Discord wire DTOs (nulls omitted).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordMessage))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;

/// <summary>
/// The options Discord JSON is sent with: compact, nulls omitted, and text written as UTF-8 rather than
/// <c>\uXXXX</c> (the default escapes every backtick, apostrophe and non-ASCII character, which makes a Japanese
/// answer about three times larger). The JSON goes to Discord in an HTTP body, never into HTML, so the relaxed
/// encoder is safe; mentions and markdown in user text are neutralised by the renderer, not by JSON escaping.
/// </summary>
public static class DiscordWireJson
{
    public static DiscordJsonContext Context { get; } = new(new System.Text.Json.JsonSerializerOptions(DiscordJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
