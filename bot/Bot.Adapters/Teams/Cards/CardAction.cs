using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>A button: on the card (<see cref="AdaptiveCard.Actions"/>) or in an <see cref="ActionSet"/>. Titles are plain text.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    [JsonPropertyName("title")]
    [JsonPropertyOrder(-2)]
    public required string Title { get; init; }

    [JsonPropertyName("style")]
    [JsonPropertyOrder(100)]
    public ActionStyle? Style { get; init; }
}
