using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

public sealed class IdentifyTests
{
    [Fact]
    public async Task Identify_SendsTheToken_AndGuildAndDirectMessageIntents_OnV10Json()
    {
        await using var host = await GatewayHost.StartAsync();
        var connection = await host.Gateway.NextConnectionAsync();
        var identify = (await connection.NextAsync(2)).GetProperty("d");

        connection.Query.ShouldBe("?v=10&encoding=json");
        identify.GetProperty("token").GetString().ShouldBe("test-bot-token");
        identify.GetProperty("intents").GetInt32().ShouldBe((1 << 9) | (1 << 12));
        identify.GetProperty("properties").GetProperty("browser").GetString().ShouldBe("dns-triage-bot");
        host.Logs.Lines.ShouldNotContain(l => l.Message.Contains("test-bot-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Identify_WithMessageContentIntent_AsksForIt()
    {
        await using var host = await GatewayHost.StartAsync(["--Discord:MessageContentIntent", "true"]);
        var connection = await host.Gateway.NextConnectionAsync();
        var identify = (await connection.NextAsync(2)).GetProperty("d");

        identify.GetProperty("intents").GetInt32().ShouldBe((1 << 9) | (1 << 12) | (1 << 15));
    }

    [Fact]
    public async Task Ready_IsLogged_WithOurUserId_AndTheStartSaysTheGatewayIsOn()
    {
        await using var host = await GatewayHost.StartAsync();
        await host.ConnectedAsync();

        (await host.Logs.WaitForAsync(l => l.EventId == 432)).Message.ShouldContain(FakeGateway.BotUserId);
        (await host.Logs.WaitForAsync(l => l.EventId == 445)).Message.ShouldContain("Discord gateway on");
    }
}
