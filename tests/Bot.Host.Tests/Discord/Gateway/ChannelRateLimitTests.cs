using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

public sealed class ChannelRateLimitTests
{
    [Fact]
    public async Task AnswersPerChannel_StopAtTheLimit_OtherChannelsStillAnswered()
    {
        await using var host = await GatewayHost.StartAsync(["--Discord:ChannelAnswersPerMinute", "2"]);
        var gateway = await host.ConnectedAsync();
        string[] ids = ["830000000000000001", "830000000000000002", "830000000000000003"];
        foreach (var id in ids)
        {
            await gateway.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention(id));
        }

        await gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message("830000000000000004", "750000000000000009", "/rcode 2", dm: true));

        var outcomes = new List<int>();
        foreach (var id in ids)
        {
            outcomes.Add((await host.HandledAsync(id)).EventId);
        }

        outcomes.Count(e => e == 454).ShouldBe(2);
        outcomes.Count(e => e == 453).ShouldBe(1);
        await host.RequestAsync(r => r.RepliesTo("830000000000000004"));
        host.Api.Requests.Count(r => r.Path == $"/api/v10/channels/{GatewayHost.ChatChannel}/messages").ShouldBe(2);
    }
}
