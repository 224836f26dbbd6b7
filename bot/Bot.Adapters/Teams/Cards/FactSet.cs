using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>Label/value pairs in two columns. Teams reads titles and values as Markdown, like <see cref="TextBlock"/>.</summary>
public sealed record FactSet : CardElement
{
    [JsonPropertyName("facts")]
    public required IReadOnlyList<CardFact> Facts { get; init; }
}
