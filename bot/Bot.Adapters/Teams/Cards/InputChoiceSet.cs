using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// A drop-down (or list) of choices. On submit its chosen value is merged into the action's data under
/// <see cref="Id"/>. Choice titles are plain text.
/// </summary>
public sealed record InputChoiceSet : CardElement
{
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-1)]
    public required string Id { get; init; }

    [JsonPropertyName("choices")]
    public required IReadOnlyList<InputChoice> Choices { get; init; }

    [JsonPropertyName("placeholder")]
    public string? Placeholder { get; init; }

    [JsonPropertyName("style")]
    public ChoiceInputStyle? Style { get; init; }
}
