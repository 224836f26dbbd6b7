using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

/// <summary>Messages the gateway tests send.</summary>
internal static class GatewayTestData
{
    public const string Bot = FakeGateway.BotUserId;

    public const string DigServfail = """
        ; <<>> DiG 9.18.28 <<>> db.example.com
        ;; global options: +cmd
        ;; Got answer:
        ;; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 4242
        ;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1

        ;; QUESTION SECTION:
        ;db.example.com.			IN	A

        ;; SERVER: 192.0.2.53#53(192.0.2.53) (UDP)
        """;

    public const string UnboundLog = "error: SERVFAIL <db.example.com. A IN>: all servers for this domain failed, at zone example.com. from 192.0.2.1 got SERVFAIL";

    /// <summary>A question that mentions the bot: "&lt;@bot&gt; /rcode 3" (answered as /rcode 3 once the mention is stripped).</summary>
    public static string Mention(string id, string channel = GatewayHost.ChatChannel, string question = "/rcode 3") =>
        FakeGateway.Message(id, channel, $"<@{Bot}> {question}", mentions: [Bot]);

    public static bool RepliesTo(this (string Method, string Path, string Body, string? Authorization) request, string messageId) =>
        request.Method == "POST" && request.Body.Contains($"\"message_id\":\"{messageId}\"", StringComparison.Ordinal);
}
