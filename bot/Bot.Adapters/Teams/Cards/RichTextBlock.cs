using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>A paragraph of <see cref="TextRun"/>s (Adaptive Cards 1.2). It always wraps and never parses Markdown.</summary>
public sealed record RichTextBlock : CardElement
{
    [JsonPropertyName("inlines")]
    public required IReadOnlyList<TextRun> Inlines { get; init; }
}
