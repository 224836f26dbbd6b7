using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

public sealed class ReconnectTests
{
    [Fact]
    public async Task Op7Reconnect_ResumesOnTheResumeUrl_WithSessionIdAndLastSequence()
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        var seq = await first.DispatchAsync("TYPING_START", """{"channel_id":"1","user_id":"42"}""");
        await first.ReconnectAsync();

        var second = await host.Gateway.NextConnectionAsync();
        var resume = (await second.NextAsync(6)).GetProperty("d");
        second.Path.ShouldStartWith("/resume");
        second.Query.ShouldBe("?v=10&encoding=json");
        resume.GetProperty("session_id").GetString().ShouldBe(FakeGateway.SessionId);
        resume.GetProperty("seq").GetInt32().ShouldBe(seq);
        second.Received.ShouldNotContain(f => f.GetProperty("op").GetInt32() == 2);
        await first.Ended.WaitAsync(TimeSpan.FromSeconds(10));
        first.ClientCloseStatus.ShouldNotBe(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure);
    }

    [Fact]
    public async Task DispatchReplayedAfterResume_IsAnsweredOnce()
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        var message = GatewayTestData.Mention("810000000000000001");
        var seq = await first.DispatchAsync("MESSAGE_CREATE", message);
        await host.RequestAsync(r => r.RepliesTo("810000000000000001"));
        await first.ReconnectAsync();

        var second = await host.Gateway.NextConnectionAsync();
        await second.NextAsync(6);
        await second.DispatchAsync("MESSAGE_CREATE", message, sequence: seq);
        await second.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention("810000000000000002"));

        await host.Logs.WaitForAsync(l => l.EventId == 454 && l.Message.Contains("810000000000000001", StringComparison.Ordinal), what: "the first answer");
        await host.Logs.WaitForAsync(l => l.EventId == 452 && l.Message.Contains("810000000000000001", StringComparison.Ordinal), what: "the replay seen as a duplicate");
        await host.RequestAsync(r => r.RepliesTo("810000000000000002"));
        host.Api.Requests.Count(r => r.RepliesTo("810000000000000001")).ShouldBe(1);
    }

    [Fact]
    public async Task InvalidSessionNotResumable_IdentifiesAfresh()
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        await first.InvalidSessionAsync(resumable: false);

        var second = await host.Gateway.NextConnectionAsync();
        var identify = await second.NextAsync(2);
        identify.GetProperty("d").GetProperty("token").GetString().ShouldBe("test-bot-token");
        second.Path.ShouldBe("/");
        second.Received.ShouldNotContain(f => f.GetProperty("op").GetInt32() == 6);
    }

    [Fact]
    public async Task InvalidSessionResumable_Resumes()
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        await first.InvalidSessionAsync(resumable: true);

        var second = await host.Gateway.NextConnectionAsync();
        (await second.NextAsync(6)).GetProperty("d").GetProperty("session_id").GetString().ShouldBe(FakeGateway.SessionId);
    }

    [Fact]
    public async Task DroppedConnection_Resumes()
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        first.Drop();

        var second = await host.Gateway.NextConnectionAsync();
        (await second.NextAsync(6)).GetProperty("d").GetProperty("session_id").GetString().ShouldBe(FakeGateway.SessionId);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4008)]
    public async Task ResumableCloseCode_Resumes(int code)
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        await first.CloseAsync(code, "try again");

        var second = await host.Gateway.NextConnectionAsync();
        (await second.NextAsync(6)).GetProperty("d").GetProperty("session_id").GetString().ShouldBe(FakeGateway.SessionId);
    }

    [Fact]
    public async Task SessionTimedOut4009_IdentifiesAfresh()
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        await first.CloseAsync(4009, "Session timed out");

        var second = await host.Gateway.NextConnectionAsync();
        await second.NextAsync(2);
        second.Received.ShouldNotContain(f => f.GetProperty("op").GetInt32() == 6);
    }

    [Theory]
    [InlineData(4014, "enable MESSAGE CONTENT in the Developer Portal or set Discord:MessageContentIntent=false")]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4013, "invalid intents")]
    public async Task FatalCloseCode_DoesNotReconnect_AndTheLogNamesTheCause(int code, string cause)
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        await first.CloseAsync(code, "no");

        var line = await host.Logs.WaitForAsync(l => l.EventId == 437, what: "the fatal close");
        line.Message.ShouldContain(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        line.Message.ShouldContain(cause);
        (await host.Gateway.ReconnectsWithinAsync(TimeSpan.FromSeconds(3))).ShouldBeFalse("the client reconnected after a fatal close code");
        host.Gateway.All.Count.ShouldBe(1);
    }
}
