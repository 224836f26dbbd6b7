using System.Text.Json;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>
/// One gateway payload: <c>{"op": int, "d": any, "s": int?, "t": string?}</c>. <see cref="Data"/> is a detached copy,
/// so the frame outlives the receive buffer.
/// </summary>
internal sealed record GatewayFrame(GatewayOpcode Op, int? Sequence, string? Type, JsonElement Data)
{
    /// <summary>False for anything that is not a JSON object with an integer <c>op</c> (garbage never throws).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, out GatewayFrame? frame)
    {
        frame = null;
        try
        {
            using var doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 64 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var code))
            {
                return false;
            }

            int? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var seq) ? seq : null;
            var type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
            frame = new GatewayFrame((GatewayOpcode)code, sequence, type, data);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public string? String(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
