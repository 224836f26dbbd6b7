using System.Net;
using Bot.TestSupport;
using Bot.TestSupport.Teams;

namespace Bot.Host.Tests.Teams;

public sealed class LiveTeamsHost : TeamsHost
{
    public LiveTeamsHost() => UseRefusingDns();
}

/// <summary>A live check from Teams: acknowledged at once, a typing indicator while it runs, then the diagnosis card in the thread.</summary>
public sealed class TeamsLiveCheckTests(LiveTeamsHost teams) : IClassFixture<LiveTeamsHost>
{
    [Fact]
    public async Task Dig_ShowsTyping_ThenRepliesWithTheDiagnosis()
    {
        var id = Guid.NewGuid().ToString("N");
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /dig example.com", id: id))).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var typing = await teams.Fake.NextCallAsync(typing: true);
        typing.Body.GetProperty("type").GetString().ShouldBe("typing");
        typing.Path.ShouldEndWith("/activities");

        var reply = await teams.Fake.NextCallAsync();
        reply.Path.ShouldEndWith("/activities/" + id);
        reply.Body.GetProperty("text").GetString()!.ShouldContain("example.com");
        reply.Body.GetRawText().ShouldContain("REFUSED");
    }

    [Fact]
    public async Task RefreshInvoke_RunsTheCheckAgain_AndReturnsTheNewCard()
    {
        var response = await teams.SendAsync(teams.Invoke("bot.refresh", """{"botCommand":"/dig example.org","botLocale":"en"}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("application/vnd.microsoft.card.adaptive");
        body.ShouldContain("example.org");
        body.ShouldContain("REFUSED");
    }
}
