using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// A Universal Action (Adaptive Cards 1.4): Teams sends an <c>invoke</c> activity named <c>adaptiveCard/action</c>
/// with <see cref="Verb"/> and <see cref="Data"/>, and the bot may answer with a card that replaces this one. Clients
/// without Universal Actions use <see cref="Fallback"/>, an <see cref="SubmitAction"/> carrying the same request.
/// </summary>
public sealed record ExecuteAction : CardAction
{
    [JsonPropertyName("verb")]
    public required string Verb { get; init; }

    [JsonPropertyName("data")]
    public IReadOnlyDictionary<string, string>? Data { get; init; }

    [JsonPropertyName("associatedInputs")]
    public AssociatedInputs? AssociatedInputs { get; init; }

    [JsonPropertyName("fallback")]
    [JsonPropertyOrder(110)]
    public CardAction? Fallback { get; init; }
}
