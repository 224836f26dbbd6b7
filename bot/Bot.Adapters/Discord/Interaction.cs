using System.Text.Json;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Discord;

/// <summary>The parts of an interaction the bot uses, read from the verified body.</summary>
internal sealed record Interaction(string Id, int Type, string Token, Locale? Locale, string UserId, string? CommandName, string? CustomId)
{
    private IReadOnlyDictionary<string, JsonElement> Options { get; init; } = new Dictionary<string, JsonElement>();

    public IReadOnlyList<string> Values { get; init; } = [];

    public (string? Option, string? Typed) Focused { get; init; }

    public string? String(string name) => Options.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;

    public bool Bool(string name) => Options.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>Parses an interaction; throws JsonException when required fields are missing or of the wrong kind.</summary>
    public static Interaction? Parse(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.Number || !typeElement.TryGetInt32(out var type))
        {
            return null;
        }

        if (type == 1)
        {
            return new Interaction("", 1, "", null, "", null, null);
        }

        string? Str(JsonElement e, string p) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var id = Str(root, "id");
        var token = Str(root, "token");
        if (id is null || token is null)
        {
            return null;
        }

        // Locale: the user's, else the guild's (ja → Japanese, de → German, anything else English).
        var locale = Locales.Parse(Str(root, "locale")) ?? Locales.Parse(Str(root, "guild_locale"));
        var user = root.TryGetProperty("member", out var member) && member.TryGetProperty("user", out var mu) ? Str(mu, "id")
            : root.TryGetProperty("user", out var u) ? Str(u, "id") : null;
        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var options = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        (string?, string?) focused = (null, null);
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("options", out var opts) && opts.ValueKind == JsonValueKind.Array)
        {
            foreach (var option in opts.EnumerateArray())
            {
                if (Str(option, "name") is not { } name || !option.TryGetProperty("value", out var value))
                {
                    continue;
                }

                options[name] = value.Clone();
                if (option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True)
                {
                    focused = (name, value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
                }
            }
        }

        var values = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("values", out var vals) && vals.ValueKind == JsonValueKind.Array
            ? vals.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
        return new Interaction(id, type, token, locale, user ?? "unknown", Str(data, "name"), Str(data, "custom_id"))
        {
            Options = options,
            Values = values,
            Focused = focused,
        };
    }
}
