using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>One row of a <see cref="FactSet"/>.</summary>
public sealed record CardFact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);
