using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>A group of elements, optionally on a coloured background (<see cref="ContainerStyle"/>).</summary>
public sealed record Container : CardElement
{
    [JsonPropertyName("items")]
    public required IReadOnlyList<CardElement> Items { get; init; }

    [JsonPropertyName("style")]
    public ContainerStyle? Style { get; init; }

    /// <summary>Lets the background reach the card's edges.</summary>
    [JsonPropertyName("bleed")]
    public bool? Bleed { get; init; }
}
