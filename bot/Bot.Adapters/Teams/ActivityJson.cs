using System.Text.Json;

namespace Bot.Adapters.Teams;

/// <summary>
/// The JSON the bot sends: a message with an Adaptive Card attachment, typing, and the invoke response. The card is
/// written as the renderer serialized it (the size it was measured at). Bots do not set id, timestamp or serviceUrl.
/// </summary>
public static class ActivityJson
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    public static byte[] Message(TeamsActivity to, string text, string locale, byte[] card) => Write(w =>
    {
        w.WriteString("type", "message");
        Addressing(w, to);
        w.WriteString("text", text);
        w.WriteString("textFormat", "plain");
        w.WriteString("locale", locale);
        w.WriteStartArray("attachments");
        w.WriteStartObject();
        w.WriteString("contentType", CardContentType);
        w.WritePropertyName("content");
        w.WriteRawValue(card, skipInputValidation: true);
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public static byte[] Typing(TeamsActivity to) => Write(w =>
    {
        w.WriteString("type", "typing");
        Addressing(w, to);
    });

    /// <summary>The answer to an <c>adaptiveCard/action</c> invoke: the card that replaces the one clicked.</summary>
    public static byte[] CardInvokeResponse(byte[] card) => Write(w =>
    {
        w.WriteNumber("statusCode", 200);
        w.WriteString("type", CardContentType);
        w.WritePropertyName("value");
        w.WriteRawValue(card, skipInputValidation: true);
    });

    public static byte[] ErrorInvokeResponse(int status, string code, string message) => Write(w =>
    {
        w.WriteNumber("statusCode", status);
        w.WriteString("type", "application/vnd.microsoft.error");
        w.WriteStartObject("value");
        w.WriteString("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    private static void Addressing(Utf8JsonWriter w, TeamsActivity to)
    {
        if (to.Recipient is { } bot)
        {
            Account(w, "from", bot);
        }

        if (to.From is { } user)
        {
            Account(w, "recipient", user);
        }

        w.WriteStartObject("conversation");
        w.WriteString("id", to.ConversationId);
        w.WriteEndObject();
        if (to.Id is not null && to.Type == "message")
        {
            w.WriteString("replyToId", to.Id);
        }
    }

    private static void Account(Utf8JsonWriter w, string name, TeamsAccount account)
    {
        w.WriteStartObject(name);
        w.WriteString("id", account.Id);
        if (account.Name is not null)
        {
            w.WriteString("name", account.Name);
        }

        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
