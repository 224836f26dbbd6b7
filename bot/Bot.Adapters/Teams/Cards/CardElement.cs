using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// A body element. The JSON <c>type</c> is written from the concrete record (the discriminator), so a card can only
/// hold the elements this model knows.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
public abstract record CardElement
{
    [JsonPropertyName("spacing")]
    [JsonPropertyOrder(100)]
    public Spacing? Spacing { get; init; }

    [JsonPropertyName("separator")]
    [JsonPropertyOrder(101)]
    public bool? Separator { get; init; }
}
