using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>Teams-only card options; <c>width: "Full"</c> lets the card use the whole message column.</summary>
public sealed record MsTeamsCardOptions
{
    public static MsTeamsCardOptions FullWidth { get; } = new();

    [JsonPropertyName("width")]
    public string Width { get; init; } = "Full";
}
