using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// A run of text inside a <see cref="RichTextBlock"/>, styled as a whole. Its text is shown as it is: no Markdown,
/// no HTML, so it is the safe place for text a user typed.
/// </summary>
public sealed record TextRun
{
    [JsonPropertyName("type")]
    public string Type => "TextRun";

    [JsonPropertyName("text")]
    public required string Text { get; init; }

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

    [JsonPropertyName("italic")]
    public bool? Italic { get; init; }
}
