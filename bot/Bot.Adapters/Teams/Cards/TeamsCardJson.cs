using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams.Cards;

/// <summary>Source-generated System.Text.Json metadata for the card model (nulls omitted).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
public sealed partial class TeamsCardJsonContext : JsonSerializerContext;

/// <summary>
/// The card's wire JSON: compact, nulls omitted, non-ASCII text written as UTF-8 rather than <c>\uXXXX</c> (a
/// Japanese answer would otherwise double in size). The card is JSON in an HTTP body, never inlined in HTML, so the
/// relaxed encoder is safe here. The renderer measures its size limit with exactly these bytes: send them as they
/// are (or serialize with <see cref="Context"/>) so the measured size is the sent size.
/// </summary>
public static class TeamsCardJson
{
    /// <summary>The context to serialize cards with (also for a card embedded in an activity).</summary>
    public static TeamsCardJsonContext Context { get; } = new(new JsonSerializerOptions(TeamsCardJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Context.AdaptiveCard);

    public static byte[] SerializeToUtf8Bytes(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, Context.AdaptiveCard);

    /// <summary>The size of the card's wire JSON in UTF-8 bytes.</summary>
    public static int Size(AdaptiveCard card) => SerializeToUtf8Bytes(card).Length;
}
