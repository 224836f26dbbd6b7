using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>Unfolds <see cref="Card"/> below the actions (used for the actions that do not fit on the card).</summary>
public sealed record ShowCardAction : CardAction
{
    [JsonPropertyName("card")]
    public required AdaptiveCard Card { get; init; }
}
