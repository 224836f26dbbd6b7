using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>A row of actions inside the body (Adaptive Cards 1.2).</summary>
public sealed record ActionSet : CardElement
{
    [JsonPropertyName("actions")]
    public required IReadOnlyList<CardAction> Actions { get; init; }
}
