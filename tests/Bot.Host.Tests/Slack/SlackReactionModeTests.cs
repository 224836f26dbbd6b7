using System.Net;
using Bot.TestSupport.Slack;

namespace Bot.Host.Tests.Slack;

/// <summary>Slack:TriageReply=Reaction: a recognised paste in a triage channel gets a reaction, mentions still a reply.</summary>
public sealed class ReactionSlackHost : SlackHost
{
    public ReactionSlackHost() => Args.AddRange(["--Slack:TriageReply", "Reaction"]);
}

public sealed class SlackReactionModeTests(ReactionSlackHost slack) : IClassFixture<ReactionSlackHost>
{
    [Fact]
    public async Task TriageChannelPaste_GetsAReaction_NotAReply()
    {
        var ts = SlackHost.NewTs();
        var paste = "; <<>> DiG 9.18.24 <<>> broken.example.com\n;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 1\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1";
        (await slack.EventAsync(SlackHost.Event("message", SlackHost.TriageChannel, paste.Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal), ts: ts))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reaction = await slack.Api.WaitForAsync(c => c.Method == "reactions.add" && c.Str("timestamp") == ts);
        reaction.Str("channel").ShouldBe(SlackHost.TriageChannel);
        reaction.Str("name").ShouldBe("mag");
        reaction.Authorization.ShouldBe("Bearer xoxb-test-token");
        (await slack.Api.NoneWithinAsync(c => c.Method == "chat.postMessage" && c.Str("thread_ts") == ts, TimeSpan.FromMilliseconds(500))).ShouldBeTrue();
    }

    [Fact]
    public async Task MentionInATriageChannel_StillGetsAReply()
    {
        var ts = SlackHost.NewTs();
        (await slack.EventAsync(SlackHost.Event("app_mention", SlackHost.TriageChannel, $"<@{FakeSlackApi.BotUserId}> /rcode 2", ts: ts))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var post = await slack.Api.WaitForAsync(c => c.Method == "chat.postMessage" && c.Str("thread_ts") == ts);
        SlackMessages.Shown(post.Body).ShouldContain("SERVFAIL");
    }
}
