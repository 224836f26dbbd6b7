using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// Sends <see cref="Data"/> (merged with the card's inputs) back to the bot as a <c>message</c> activity whose
/// <c>value</c> is that object. The keys are in <see cref="TeamsActionData"/>.
/// </summary>
public sealed record SubmitAction : CardAction
{
    [JsonPropertyName("data")]
    public required IReadOnlyDictionary<string, string> Data { get; init; }

    /// <summary><see cref="Cards.AssociatedInputs.None"/> keeps the card's inputs out of the data.</summary>
    [JsonPropertyName("associatedInputs")]
    public AssociatedInputs? AssociatedInputs { get; init; }
}
