using System.Net.WebSockets;
using System.Text;
using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

public sealed class MalformedPayloadTests
{
    [Fact]
    public async Task GarbagePayloads_AreIgnored_AndTheConnectionKeepsWorking()
    {
        await using var host = await GatewayHost.StartAsync();
        var gateway = await host.ConnectedAsync();
        string[] garbage =
        [
            "not json {{{",
            "[1,2,3]",
            "\"op\"",
            """{"op":"zero"}""",
            """{"op":1.5}""",
            """{"op":0,"s":"x","t":7,"d":null}""",
            """{"op":0,"s":90,"t":"MESSAGE_CREATE","d":"a string"}""",
            """{"op":0,"s":91,"t":"MESSAGE_CREATE","d":{"id":5,"channel_id":[],"author":"x"}}""",
            """{"op":0,"s":92,"t":"MESSAGE_CREATE","d":{"id":"1","channel_id":"2","author":{"id":"42"},"mentions":"everyone","type":"x"}}""",
            """{"op":0,"s":93,"t":"READY","d":{"session_id":null}}""",
            """{"op":10,"d":{"heartbeat_interval":"soon"}}""",
            """{"op":4242,"d":{}}""",
            new string('[', 100_000),
            "\uFEFF{\"op\":11}",
        ];
        foreach (var payload in garbage)
        {
            await gateway.SendAsync(payload);
        }

        await gateway.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention("850000000000000001"));
        await host.RequestAsync(r => r.RepliesTo("850000000000000001"));
        host.Gateway.All.Count.ShouldBe(1);
        (await host.Logs.WaitForAsync(l => l.EventId == 439)).Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task MessageSpanningManyFrames_IsAssembled()
    {
        await using var host = await GatewayHost.StartAsync();
        var gateway = await host.ConnectedAsync();
        var payload = $$"""{"op":0,"s":500,"t":"MESSAGE_CREATE","d":{{GatewayTestData.Mention("850000000000000002")}}}""";

        await gateway.SendBytesAsync(Encoding.UTF8.GetBytes(payload), frameSize: 7);

        await host.RequestAsync(r => r.RepliesTo("850000000000000002"));
    }

    [Fact]
    public async Task MessageOverTheCap_ClosesTheConnection_ThenResumes()
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        var huge = Encoding.UTF8.GetBytes($$$"""{"op":0,"s":600,"t":"MESSAGE_CREATE","d":{"content":"{{{new string('x', 5 * 1024 * 1024)}}}"}}""");

        await first.SendBytesAsync(huge, frameSize: 64 * 1024);

        await first.Ended.WaitAsync(TimeSpan.FromSeconds(30));
        first.ClientCloseStatus.ShouldBe(WebSocketCloseStatus.MessageTooBig);
        await host.Logs.WaitForAsync(l => l.EventId == 440, what: "the message over the cap");
        var second = await host.Gateway.NextConnectionAsync();
        await second.NextAsync(6);
        await second.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention("850000000000000003"));
        await host.RequestAsync(r => r.RepliesTo("850000000000000003"));
    }
}
