using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// An Adaptive Card (https://adaptivecards.io/explorer/AdaptiveCard.html), limited to what Teams renders: version 1.5
/// at most. The root card carries <c>$schema</c>, <c>version</c> and <c>msteams</c>; the card inside an
/// <see cref="ShowCardAction"/> leaves them out.
/// </summary>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The highest version Teams supports; Action.Execute needs at least 1.4.</summary>
    public const string TeamsVersion = "1.5";

    [JsonPropertyName("type")]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string? Schema { get; init; } = SchemaUrl;

    [JsonPropertyName("version")]
    public string? Version { get; init; } = TeamsVersion;

    [JsonPropertyName("body")]
    public IReadOnlyList<CardElement>? Body { get; init; }

    [JsonPropertyName("actions")]
    public IReadOnlyList<CardAction>? Actions { get; init; }

    [JsonPropertyName("msteams")]
    public MsTeamsCardOptions? MsTeams { get; init; }

    /// <summary>Plain text shown by hosts that cannot render the card.</summary>
    [JsonPropertyName("fallbackText")]
    public string? FallbackText { get; init; }

    [JsonPropertyName("speak")]
    public string? Speak { get; init; }
}
