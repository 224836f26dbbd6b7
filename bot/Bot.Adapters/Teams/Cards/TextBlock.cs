using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// A block of text. Teams reads <see cref="Text"/> as Markdown (bold, italic, lists, links) and renders escapes
/// differently per client, so the renderer puts answer and user text in <see cref="RichTextBlock"/> runs instead.
/// </summary>
public sealed record TextBlock : CardElement
{
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("wrap")]
    public bool? Wrap { get; init; }

    [JsonPropertyName("size")]
    public TextSize? Size { get; init; }

    [JsonPropertyName("weight")]
    public TextWeight? Weight { get; init; }

    [JsonPropertyName("color")]
    public TextColor? Color { get; init; }

    [JsonPropertyName("isSubtle")]
    public bool? IsSubtle { get; init; }

    [JsonPropertyName("fontType")]
    public FontType? FontType { get; init; }

    [JsonPropertyName("maxLines")]
    public int? MaxLines { get; init; }
}
