using System.Text.Json.Serialization;

namespace Bot.Adapters.Teams;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenResponse))]
public sealed partial class TeamsJsonContext : JsonSerializerContext;
