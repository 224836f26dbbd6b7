using System.Text.Json;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>
/// GET /gateway/bot: the URL to connect to, the recommended shard count and the session start limit
/// (IDENTIFYs left of the 1000 per 24 h; exceeding it resets the token).
/// </summary>
internal sealed record GatewayBotInfo(string? Url, int Shards, SessionStartLimit? Limit)
{
    /// <summary>Longest wait for the session start limit to reset we accept from Discord (its window is 24 h).</summary>
    private static readonly TimeSpan MaxResetAfter = TimeSpan.FromHours(25);

    /// <summary>Reads the answer; fields of the wrong type or range are left out (null, 1) instead of failing.</summary>
    public static bool TryParse(string json, out GatewayBotInfo? info)
    {
        info = null;
        if (json.Length == 0 || json[0] != '{')
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
                && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeWss || uri.Scheme == Uri.UriSchemeWs) && uri.Query.Length == 0
                ? u.GetString()
                : null;
            var shards = Int(root, "shards") is { } s and >= 1 ? s : 1;
            SessionStartLimit? limit = null;
            if (root.TryGetProperty("session_start_limit", out var l) && l.ValueKind == JsonValueKind.Object
                && Int(l, "remaining") is { } remaining and >= 0 && Long(l, "reset_after") is { } resetAfter and >= 0)
            {
                limit = new SessionStartLimit(
                    Int(l, "total") ?? 0,
                    remaining,
                    TimeSpan.FromMilliseconds(Math.Min(resetAfter, (long)MaxResetAfter.TotalMilliseconds)),
                    Int(l, "max_concurrency") is { } c and >= 1 ? c : 1);
            }

            info = new GatewayBotInfo(url, shards, limit);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var i) ? i : null;
}

/// <summary>session_start_limit: IDENTIFYs allowed per 24 h, left now, time until the count resets, per 5 s.</summary>
internal readonly record struct SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);
