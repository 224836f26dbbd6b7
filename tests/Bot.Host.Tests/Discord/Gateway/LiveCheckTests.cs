using System.Text.Json;
using Bot.TestSupport;

namespace Bot.Host.Tests.Discord.Gateway;

public sealed class LiveCheckTests
{
    [Fact]
    public async Task MentionAskingForACheck_RunsItInTheBackground_AndRepliesWithTheDiagnosis()
    {
        using var dns = new RefusingDnsServer();
        await using var host = await Bot.TestSupport.Discord.GatewayHost.StartAsync(dns.HostArgs);
        var gateway = await host.ConnectedAsync();
        await gateway.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention("860000000000000001", question: "/dig example.com"));

        var reply = JsonDocument.Parse((await host.RequestAsync(r => r.RepliesTo("860000000000000001"))).Body).RootElement;
        var embed = reply.GetProperty("embeds")[0];
        embed.GetProperty("title").GetString()!.ShouldContain("example.com");
        embed.GetRawText().ShouldContain("REFUSED");
        reply.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().ShouldBe(0);
    }
}
