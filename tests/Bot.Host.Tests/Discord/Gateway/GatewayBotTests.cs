using System.Diagnostics;
using Bot.Adapters.Discord.Gateway;
using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

/// <summary>GET /gateway/bot before each fresh IDENTIFY: URL, shards, session start limit, failures.</summary>
public sealed class GatewayBotTests
{
    private const string GatewayBotPath = "/api/v10/gateway/bot";

    [Fact]
    public async Task Identify_IsPrecededByGetGatewayBot_WithTheBotToken()
    {
        await using var host = await GatewayHost.StartAsync();
        var connection = await host.Gateway.NextConnectionAsync();
        await connection.NextAsync(2);

        var call = await host.RequestAsync(r => r.Path == GatewayBotPath);
        call.Method.ShouldBe("GET");
        call.Authorization.ShouldBe("Bot test-bot-token");
        host.Api.GatewayBotCalls.TryPeek(out var calledAt).ShouldBeTrue();
        calledAt.ShouldBeLessThan(connection.OpenedAt);
    }

    [Fact]
    public async Task DefaultGatewayUrl_ConnectsToTheUrlGatewayBotNames()
    {
        // Discord:GatewayUrl left at Discord's own gateway: the fake API names the fake gateway, so only a client that
        // follows the answer reaches it.
        await using var host = await GatewayHost.StartAsync(["--Discord:GatewayUrl", "wss://gateway.discord.gg"]);
        var connection = await host.Gateway.NextConnectionAsync();

        (await connection.NextAsync(2)).GetProperty("d").GetProperty("token").GetString().ShouldBe("test-bot-token");
        connection.Query.ShouldBe("?v=10&encoding=json");
        (await host.Logs.WaitForAsync(l => l.EventId == 422)).Message.ShouldContain(host.Gateway.Url);
    }

    [Fact]
    public async Task ExplicitGatewayUrl_WinsOverTheUrlGatewayBotNames()
    {
        await using var host = await GatewayHost.StartAsync(configureApi: api => api.GatewayBotUrl = "ws://127.0.0.1:9");
        var connection = await host.Gateway.NextConnectionAsync();

        await connection.NextAsync(2);
        host.Logs.Lines.ShouldNotContain(l => l.EventId == 448, "the client tried the URL GET /gateway/bot named");
    }

    [Fact]
    public async Task Resume_DoesNotCallGatewayBot_ButTheNextFreshIdentifyDoes()
    {
        await using var host = await GatewayHost.StartAsync();
        var first = await host.ConnectedAsync();
        host.Api.GatewayBotCalls.Count.ShouldBe(1);

        await first.ReconnectAsync();
        var second = await host.Gateway.NextConnectionAsync();
        await second.NextAsync(6);
        host.Api.GatewayBotCalls.Count.ShouldBe(1);

        await second.InvalidSessionAsync(resumable: false);
        var third = await host.Gateway.NextConnectionAsync();
        await third.NextAsync(2);
        host.Api.GatewayBotCalls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task NoSessionStartsLeft_WaitsResetAfter_ThenIdentifies()
    {
        await using var host = await GatewayHost.StartAsync(configureApi: api =>
        {
            api.SessionStartsRemaining = 0;
            api.SessionStartResetAfterMs = 1000;
        });
        var connection = await host.Gateway.NextConnectionAsync();
        await connection.NextAsync(2);

        (await host.Logs.WaitForAsync(l => l.EventId == 425)).Message.ShouldContain("no session starts left");
        host.Api.GatewayBotCalls.TryPeek(out var calledAt).ShouldBeTrue();
        var waited = Stopwatch.GetElapsedTime(calledAt, connection.IdentifiedAt);
        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900));
        waited.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task MoreShardsRecommended_IsLogged_AndTheSingleShardStillIdentifies()
    {
        await using var host = await GatewayHost.StartAsync(configureApi: api => api.Shards = 3);
        var connection = await host.Gateway.NextConnectionAsync();
        await connection.NextAsync(2);

        var line = await host.Logs.WaitForAsync(l => l.EventId == 426);
        line.Message.ShouldContain("recommends 3 shards");
        line.Message.ShouldContain("single shard");
    }

    [Fact]
    public async Task GatewayBot401_StopsWithoutConnecting_AndSaysTheTokenWasRejected()
    {
        await using var host = await GatewayHost.StartAsync(configureApi: api => api.GatewayBotStatus = 401);

        (await host.Logs.WaitForAsync(l => l.EventId == 423, what: "the rejected token")).Message.ShouldContain("bot token was rejected");
        (await host.Gateway.ReconnectsWithinAsync(TimeSpan.FromSeconds(3))).ShouldBeFalse("the client connected with a rejected token");
        host.Gateway.All.ShouldBeEmpty();
        host.Api.GatewayBotCalls.Count.ShouldBe(1);
        host.Logs.Lines.ShouldNotContain(l => l.Message.Contains("test-bot-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GatewayBot500_FallsBackToTheConfiguredUrl_AndIdentifies()
    {
        await using var host = await GatewayHost.StartAsync(configureApi: api =>
        {
            api.GatewayBotStatus = 500;
            api.GatewayBotUrl = "ws://127.0.0.1:9";
        });
        var connection = await host.Gateway.NextConnectionAsync();

        await connection.NextAsync(2);
        (await host.Logs.WaitForAsync(l => l.EventId == 424)).Message.ShouldContain("HTTP 500");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("null")]
    public void TryParse_NotAGatewayObject_ReturnsFalse(string body) =>
        GatewayBotInfo.TryParse(body, out _).ShouldBeFalse();

    [Theory]
    [InlineData("""{"url":5,"shards":"x","session_start_limit":[]}""")]
    [InlineData("""{"url":"https://gateway.discord.gg","shards":0,"session_start_limit":{"remaining":-1,"reset_after":1}}""")]
    [InlineData("""{"url":"wss://gateway.discord.gg/?v=9","shards":99999999999,"session_start_limit":{"remaining":"0","reset_after":null}}""")]
    public void TryParse_FieldsOfTheWrongShape_AreLeftOut(string body)
    {
        GatewayBotInfo.TryParse(body, out var info).ShouldBeTrue();
        info.ShouldBe(new GatewayBotInfo(null, 1, null));
    }

    [Fact]
    public void TryParse_DiscordsAnswer_ReadsEveryField()
    {
        GatewayBotInfo.TryParse("""{"url":"wss://gateway.discord.gg","shards":9,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}""", out var info).ShouldBeTrue();
        info.ShouldBe(new GatewayBotInfo("wss://gateway.discord.gg", 9, new SessionStartLimit(1000, 999, TimeSpan.FromHours(4), 1)));
    }
}
