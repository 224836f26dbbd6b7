using System.Text.Json;
using Bot.TestSupport;
using Bot.TestSupport.Slack;

namespace Bot.Host.Tests.Slack;

/// <summary>
/// The host with live checks on, pointed at a loopback DNS responder that refuses everything, so a check is
/// acknowledged at once, diagnosed in the background and its result posted to the response_url (or the thread).
/// </summary>
public sealed class LiveSlackHost : SlackHost
{
    public LiveSlackHost() => UseRefusingDns();
}

public sealed class SlackLiveCheckTests(LiveSlackHost slack) : IClassFixture<LiveSlackHost>
{
    private Task<SlackCall> PostedTo(string url) => slack.Api.WaitForAsync(c => c.Method == "response_url" && c.Path == new Uri(url).AbsolutePath);

    [Fact]
    public async Task Dig_IsAcknowledgedWithWorking_ThenTheDiagnosisIsPostedToTheResponseUrl()
    {
        var url = slack.Api.ResponseUrl(Guid.NewGuid().ToString("N"));
        var started = DateTime.UtcNow;
        var ack = await slack.CommandJsonAsync("/dig", "example.com", url);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(3));
        ack.GetProperty("response_type").GetString().ShouldBe("ephemeral");
        ack.GetProperty("text").GetString().ShouldBe("Checking example.com…");

        var post = await PostedTo(url);
        post.Body.GetProperty("response_type").GetString().ShouldBe("ephemeral");
        var shown = SlackMessages.Shown(post.Body);
        shown.ShouldContain("example.com");
        shown.ShouldContain("REFUSED");
        SlackMessages.KeepsBlockKitLimits(post.Body);
        SlackMessages.ButtonValue(post.Body, "bot.refresh").ShouldBe("r|en|/dig example.com");
    }

    [Fact]
    public async Task RefreshButton_RunsTheCheckAgain_AndReplacesTheMessage()
    {
        var url = slack.Api.ResponseUrl(Guid.NewGuid().ToString("N"));
        var response = await slack.ActionAsync(SlackHost.BlockAction("bot.refresh", "r|ja|/dig example.org", url));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var post = await PostedTo(url);
        post.Body.GetProperty("replace_original").GetBoolean().ShouldBeTrue();
        SlackMessages.Shown(post.Body).ShouldContain("根拠となった問い合わせ");
    }

    [Fact]
    public async Task DigWithAResponseUrlNotAllowed_IsRefusedAtOnce_AndNothingIsPosted()
    {
        var refused = slack.Api.ResponseUrl(Guid.NewGuid().ToString("N")).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var ack = await slack.CommandJsonAsync("/dig", "example.net", refused);
        ack.GetProperty("response_type").GetString().ShouldBe("ephemeral");
        SlackMessages.Shown(ack).ShouldContain("the check was not run");
        (await slack.Api.NoneWithinAsync(c => c.Path == new Uri(refused).AbsolutePath, TimeSpan.FromSeconds(3))).ShouldBeTrue();
    }

    [Fact]
    public async Task WhyDoesItFail_InADirectMessage_ShowsWorking_ThenTheResultReplacesIt()
    {
        var channel = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var response = await slack.EventAsync(SlackHost.Event("message", channel, "why does <http://api.example.com|api.example.com> fail?", channelType: "im"));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var update = await slack.Api.WaitForAsync(c => c.Method == "chat.update" && c.Str("channel") == channel);
        var working = slack.Api.Calls.Single(c => c.Method == "chat.postMessage" && c.Str("channel") == channel);
        working.Str("text").ShouldBe("Checking api.example.com…");
        update.Authorization.ShouldBe("Bearer xoxb-test-token");
        update.Str("ts").ShouldNotBeNull();
        update.Str("ts").ShouldStartWith("1700000099.", customMessage: "the ts chat.postMessage answered for the working message");
        var shown = SlackMessages.Shown(update.Body);
        shown.ShouldContain("api.example.com");
        shown.ShouldContain("REFUSED");
        SlackMessages.KeepsBlockKitLimits(update.Body);
    }

    [Fact]
    public async Task MentionWithALiveCheck_WorkingIsThreaded_AndTheUpdateReplacesThatMessage()
    {
        var channel = "C" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var ts = SlackHost.NewTs();
        await slack.EventAsync(SlackHost.Event("app_mention", channel, $"<@{FakeSlackApi.BotUserId}> why does example.org fail?", ts: ts));
        var update = await slack.Api.WaitForAsync(c => c.Method == "chat.update" && c.Str("channel") == channel);
        var working = slack.Api.Calls.Single(c => c.Method == "chat.postMessage" && c.Str("channel") == channel);
        working.Str("thread_ts").ShouldBe(ts);
        SlackMessages.Shown(update.Body).ShouldContain("REFUSED");
        slack.Api.Count(c => c.Method == "chat.postMessage" && c.Str("channel") == channel).ShouldBe(1, "the result replaced the working message");
    }

    [Fact]
    public async Task UpdateFails_TheResultIsPostedAsANewReplyInTheThread()
    {
        var channel = "C" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var ts = SlackHost.NewTs();
        slack.Api.FailWhen(c => c.Method == "chat.update" && c.Str("channel") == channel, "message_not_found");
        await slack.EventAsync(SlackHost.Event("app_mention", channel, $"<@{FakeSlackApi.BotUserId}> why does example.net fail?", ts: ts));
        var result = await slack.Api.WaitForAsync(c => c.Method == "chat.postMessage" && c.Str("channel") == channel && SlackMessages.Shown(c.Body).Contains("REFUSED", StringComparison.Ordinal));
        result.Str("thread_ts").ShouldBe(ts);
        slack.Api.Count(c => c.Method == "chat.update" && c.Str("channel") == channel).ShouldBe(1);
        slack.Api.Count(c => c.Method == "chat.postMessage" && c.Str("channel") == channel).ShouldBe(2, "working, then the result");
    }

    [Fact]
    public async Task KnowledgeQuestion_InADirectMessage_HasNoWorkingMessage()
    {
        var channel = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await slack.EventAsync(SlackHost.Event("message", channel, "/rcode 2", channelType: "im"));
        var post = await slack.Api.WaitForAsync(c => c.Method == "chat.postMessage" && c.Str("channel") == channel);
        SlackMessages.Shown(post.Body).ShouldContain("SERVFAIL");
        (await slack.Api.NoneWithinAsync(c => c.Str("channel") == channel && c != post, TimeSpan.FromMilliseconds(500))).ShouldBeTrue();
    }
}
