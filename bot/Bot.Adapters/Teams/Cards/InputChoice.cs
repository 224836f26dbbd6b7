using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>One choice of an <see cref="InputChoiceSet"/>: the shown title and the submitted value.</summary>
public sealed record InputChoice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);
