using System.Buffers;
using System.Text.Json;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>What the client sends: IDENTIFY, RESUME and heartbeats, as UTF-8 JSON.</summary>
internal static class GatewayPayloads
{
    public static byte[] Heartbeat(int? sequence) => Write(w =>
    {
        w.WriteNumber("op", (int)GatewayOpcode.Heartbeat);
        if (sequence is { } s)
        {
            w.WriteNumber("d", s);
        }
        else
        {
            w.WriteNull("d");
        }
    });

    public static byte[] Identify(string token, GatewayIntents intents) => Write(w =>
    {
        w.WriteNumber("op", (int)GatewayOpcode.Identify);
        w.WriteStartObject("d");
        w.WriteString("token", token);
        w.WriteNumber("intents", (int)intents);
        w.WriteStartObject("properties");
        w.WriteString("os", Environment.OSVersion.Platform.ToString().ToLowerInvariant());
        w.WriteString("browser", "dns-triage-bot");
        w.WriteString("device", "dns-triage-bot");
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, int? sequence) => Write(w =>
    {
        w.WriteNumber("op", (int)GatewayOpcode.Resume);
        w.WriteStartObject("d");
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        if (sequence is { } s)
        {
            w.WriteNumber("seq", s);
        }
        else
        {
            w.WriteNull("seq");
        }

        w.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
