using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

public sealed class ReactionModeTests
{
    [Fact]
    public async Task ReactionMode_ReactsToTriagePastes_AndStillRepliesToMentions()
    {
        await using var host = await GatewayHost.StartAsync(["--Discord:TriageReply", "Reaction"]);
        var gateway = await host.ConnectedAsync();
        await gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message("840000000000000001", GatewayHost.TriageChannel, GatewayTestData.DigServfail));
        await gateway.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention("840000000000000002", channel: GatewayHost.TriageChannel));

        var reaction = await host.RequestAsync(r => r.Method == "PUT" && r.Path.Contains("840000000000000001", StringComparison.Ordinal));
        Uri.UnescapeDataString(reaction.Path).ShouldBe($"/api/v10/channels/{GatewayHost.TriageChannel}/messages/840000000000000001/reactions/🔍/@me");
        reaction.Authorization.ShouldBe("Bot test-bot-token");

        await host.RequestAsync(r => r.RepliesTo("840000000000000002"));
        host.Api.Requests.ShouldNotContain(r => r.RepliesTo("840000000000000001"));
    }

    [Fact]
    public async Task Reaction_SendsTheEmojiUrlEncoded_InThePath()
    {
        await using var host = await GatewayHost.StartAsync(["--Discord:TriageReply", "reaction"]);
        var gateway = await host.ConnectedAsync();
        await gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message("840000000000000003", GatewayHost.TriageChannel, GatewayTestData.UnboundLog));

        await host.RequestAsync(r => r.Method == "PUT");
        host.Api.RawTargets.ShouldContain($"/api/v10/channels/{GatewayHost.TriageChannel}/messages/840000000000000003/reactions/%F0%9F%94%8D/@me");
    }
}
