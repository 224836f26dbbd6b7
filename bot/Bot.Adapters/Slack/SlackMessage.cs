using System.Text.Json.Serialization;

namespace Bot.Adapters.Slack;

/// <summary>
/// A Slack message payload: the body of a slash-command or interactivity response, a <c>response_url</c> post, or
/// (with a channel added by the caller) <c>chat.postMessage</c>. Null members are left out of the JSON.
/// </summary>
public sealed record SlackMessage
{
    /// <summary>For chat.postMessage: the channel (or DM) id to post in.</summary>
    [JsonPropertyName("channel")]
    [JsonPropertyOrder(-1)]
    public string? Channel { get; init; }

    /// <summary>For chat.update: the ts of the message to replace.</summary>
    [JsonPropertyName("ts")]
    [JsonPropertyOrder(-1)]
    public string? Ts { get; init; }

    /// <summary>For chat.postEphemeral: the one user who sees the message.</summary>
    [JsonPropertyName("user")]
    [JsonPropertyOrder(-1)]
    public string? User { get; init; }

    /// <summary>Fallback text for notifications and screen readers; required by Slack whenever blocks are sent.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("blocks")]
    public IReadOnlyList<SlackBlock>? Blocks { get; init; }

    /// <summary><see cref="SlackResponseType.Ephemeral"/> or <see cref="SlackResponseType.InChannel"/>; set by the caller, not the renderer.</summary>
    [JsonPropertyName("response_type")]
    public string? ResponseType { get; init; }

    /// <summary>For a <c>response_url</c> post after a button: true replaces the message the button was on.</summary>
    [JsonPropertyName("replace_original")]
    public bool? ReplaceOriginal { get; init; }

    [JsonPropertyName("thread_ts")]
    public string? ThreadTs { get; init; }

    /// <summary>Never unfurl the guide and RFC links: one answer, not a wall of previews.</summary>
    [JsonPropertyName("unfurl_links")]
    public bool UnfurlLinks { get; init; }

    [JsonPropertyName("unfurl_media")]
    public bool UnfurlMedia { get; init; }
}

/// <summary>Values of <see cref="SlackMessage.ResponseType"/>.</summary>
public static class SlackResponseType
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";
}

/// <summary>A composition text object: <c>mrkdwn</c> (≤3000 characters in sections) or <c>plain_text</c>.</summary>
public sealed record SlackText
{
    public const string MrkdwnType = "mrkdwn";
    public const string PlainTextType = "plain_text";

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>
    /// mrkdwn only. True skips Slack's preprocessing (bare URLs and channel names turned into links, @mentions
    /// parsed); explicit <c>&lt;url|label&gt;</c> links still work. Always set by <see cref="Mrkdwn"/>.
    /// </summary>
    [JsonPropertyName("verbatim")]
    public bool? Verbatim { get; init; }

    /// <summary>Text already in Slack mrkdwn (escaped and neutralised by the caller).</summary>
    public static SlackText Mrkdwn(string text) => new() { Type = MrkdwnType, Text = text, Verbatim = true };

    /// <summary>Plain text: shown as is, no formatting, links or mentions.</summary>
    public static SlackText Plain(string text) => new() { Type = PlainTextType, Text = text };
}

/// <summary>A layout block; the JSON <c>type</c> comes from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlackHeaderBlock), "header")]
[JsonDerivedType(typeof(SlackSectionBlock), "section")]
[JsonDerivedType(typeof(SlackContextBlock), "context")]
[JsonDerivedType(typeof(SlackDividerBlock), "divider")]
[JsonDerivedType(typeof(SlackActionsBlock), "actions")]
public abstract record SlackBlock
{
    /// <summary>Optional, ≤255 characters, unique within a message.</summary>
    [JsonPropertyName("block_id")]
    public string? BlockId { get; init; }
}

/// <summary>A large bold title: plain_text ≤150 characters.</summary>
public sealed record SlackHeaderBlock([property: JsonPropertyName("text")] SlackText Text) : SlackBlock;

/// <summary>Text (mrkdwn ≤3000) and/or up to 10 fields (each ≤2000), shown in two columns.</summary>
public sealed record SlackSectionBlock : SlackBlock
{
    [JsonPropertyName("text")]
    public SlackText? Text { get; init; }

    [JsonPropertyName("fields")]
    public IReadOnlyList<SlackText>? Fields { get; init; }
}

/// <summary>Small grey text: 1–10 text elements.</summary>
public sealed record SlackContextBlock([property: JsonPropertyName("elements")] IReadOnlyList<SlackText> Elements) : SlackBlock;

public sealed record SlackDividerBlock : SlackBlock;

/// <summary>Interactive elements: 1–25 buttons and selects; action_ids unique within the message.</summary>
public sealed record SlackActionsBlock([property: JsonPropertyName("elements")] IReadOnlyList<SlackElement> Elements) : SlackBlock;

/// <summary>An interactive element; Slack sends its <c>action_id</c> (≤255) back in a <c>block_actions</c> payload.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlackButton), "button")]
[JsonDerivedType(typeof(SlackStaticSelect), "static_select")]
public abstract record SlackElement
{
    [JsonPropertyName("action_id")]
    [JsonPropertyOrder(-1)]
    public required string ActionId { get; init; }
}

/// <summary>A button: text plain_text ≤75, value ≤2000 (returned verbatim, see <see cref="SlackActionValue"/>), url ≤3000.</summary>
public sealed record SlackButton : SlackElement
{
    public const string Primary = "primary";
    public const string Danger = "danger";

    [JsonPropertyName("text")]
    public required SlackText Text { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Null (default grey), <see cref="Primary"/> or <see cref="Danger"/>.</summary>
    [JsonPropertyName("style")]
    public string? Style { get; init; }
}

/// <summary>A single-choice menu: placeholder ≤150, 1–100 options.</summary>
public sealed record SlackStaticSelect : SlackElement
{
    [JsonPropertyName("placeholder")]
    public required SlackText Placeholder { get; init; }

    [JsonPropertyName("options")]
    public required IReadOnlyList<SlackOption> Options { get; init; }
}

/// <summary>A select option: text plain_text ≤75, value ≤150 (returned as <c>selected_option.value</c>).</summary>
public sealed record SlackOption(
    [property: JsonPropertyName("text")] SlackText Text,
    [property: JsonPropertyName("value")] string Value);

/// <summary>Source-generated System.Text.Json metadata for the Slack wire DTOs (nulls omitted).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackMessage))]
public sealed partial class SlackJsonContext : JsonSerializerContext;

/// <summary>
/// The options Slack JSON is sent with: compact, nulls omitted, text as UTF-8 rather than <c>\uXXXX</c>. It goes to
/// Slack in an HTTP body, never into HTML; user text is made harmless by mrkdwn escaping in the renderer.
/// </summary>
public static class SlackWireJson
{
    public static SlackJsonContext Context { get; } = new(new System.Text.Json.JsonSerializerOptions(SlackJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
