using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>Opens an absolute http(s) URL.</summary>
public sealed record OpenUrlAction : CardAction
{
    [JsonPropertyName("url")]
    public required string Url { get; init; }
}
