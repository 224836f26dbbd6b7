using System.Net;
using System.Text.Json;
using Bot.TestSupport.Slack;

namespace Bot.Host.Tests.Slack;

/// <summary>Events API deliveries: acknowledged at once, answered with chat.postMessage as the fake Slack receives it.</summary>
public sealed class SlackEventTests(SlackHost slack) : IClassFixture<SlackHost>
{
    private const string DigPaste = """
        ; <<>> DiG 9.18.24 <<>> broken.example.com
        ;; global options: +cmd
        ;; Got answer:
        ;; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 4242
        ;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1
        """;

    /// <summary>Slack's own escaping of message text: &amp; &lt; &gt;.</summary>
    private static string AsSlackSends(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Channel() => "C" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private Task<SlackCall> PostIn(string channel) => slack.Api.WaitForAsync(c => c.Method == "chat.postMessage" && c.Str("channel") == channel);

    private async Task SendOkAsync(string json, int? retry = null)
    {
        var response = await slack.EventAsync(json, retry);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AppMention_IsAnsweredInTheThread_WithTheMentionRemoved()
    {
        var channel = Channel();
        await SendOkAsync(SlackHost.Event("app_mention", channel, $"<@{FakeSlackApi.BotUserId}> /rcode 2", ts: "1700000001.000100"));
        var post = await PostIn(channel);
        post.Authorization.ShouldBe("Bearer xoxb-test-token");
        post.ContentType.ShouldBe("application/json; charset=utf-8");
        post.Str("thread_ts").ShouldBe("1700000001.000100");
        SlackMessages.Shown(post.Body).ShouldContain("SERVFAIL");
        SlackMessages.KeepsBlockKitLimits(post.Body);
    }

    [Fact]
    public async Task AppMention_InAThread_IsAnsweredInThatThread()
    {
        var channel = Channel();
        await SendOkAsync(SlackHost.Event("app_mention", channel, $"<@{FakeSlackApi.BotUserId}> SERVFAIL vs REFUSED?", ts: "1700000002.000200", threadTs: "1700000000.000001"));
        (await PostIn(channel)).Str("thread_ts").ShouldBe("1700000000.000001");
    }

    [Fact]
    public async Task DirectMessage_IsAnswered()
    {
        var channel = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await SendOkAsync(SlackHost.Event("message", channel, "Was bedeutet NXDOMAIN?", channelType: "im"));
        var post = await PostIn(channel);
        post.Str("thread_ts").ShouldBeNull();
        SlackMessages.Shown(post.Body).ShouldContain("NXDOMAIN");
        SlackMessages.Shown(post.Body).ShouldContain("English", customMessage: "a German answer offers English");
    }

    [Fact]
    public async Task TriageChannelPaste_IsAnsweredInItsThread()
    {
        await SendOkAsync(SlackHost.Event("message", SlackHost.TriageChannel, AsSlackSends(DigPaste), ts: "1700000003.000300"));
        var post = await slack.Api.WaitForAsync(c => c.Method == "chat.postMessage" && c.Str("thread_ts") == "1700000003.000300");
        post.Str("channel").ShouldBe(SlackHost.TriageChannel);
        SlackMessages.Shown(post.Body).ShouldContain("SERVFAIL");
    }

    [Fact]
    public async Task TriageChannelChatter_AndPastesInOtherChannels_AreIgnored()
    {
        await SendOkAsync(SlackHost.Event("message", SlackHost.TriageChannel, "lunch at noon?", ts: "1700000004.000401"));
        await SendOkAsync(SlackHost.Event("message", SlackHost.OtherChannel, AsSlackSends(DigPaste), ts: "1700000004.000402"));
        await SendOkAsync(SlackHost.Event("message", SlackHost.TriageChannel, AsSlackSends(DigPaste), ts: "1700000004.000403"));
        await slack.Api.WaitForAsync(c => c.Str("thread_ts") == "1700000004.000403");
        (await slack.Api.NoneWithinAsync(c => c.Str("thread_ts") is "1700000004.000401" or "1700000004.000402", TimeSpan.FromMilliseconds(500))).ShouldBeTrue();
    }

    [Theory]
    [InlineData("bot_id")]
    [InlineData("bot_message")]
    [InlineData("own user")]
    [InlineData("message_changed")]
    [InlineData("message_deleted")]
    public async Task BotOwnEditedOrDeletedMessages_AreIgnored(string kind)
    {
        var channel = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var json = kind switch
        {
            "bot_id" => SlackHost.Event("message", channel, "/rcode 2", channelType: "im", botId: "BOTHER01"),
            "bot_message" => SlackHost.Event("message", channel, "/rcode 2", channelType: "im", subtype: "bot_message", user: null),
            "own user" => SlackHost.Event("message", channel, "/rcode 2", channelType: "im", user: FakeSlackApi.BotUserId),
            _ => SlackHost.Event("message", channel, "/rcode 2", channelType: "im", subtype: kind),
        };
        await SendOkAsync(json);
        await SendOkAsync(SlackHost.Event("message", channel, "/rcode 3", channelType: "im"));
        SlackMessages.Shown((await PostIn(channel)).Body).ShouldContain("NXDOMAIN");
        (await slack.Api.NoneWithinAsync(_ => slack.Api.Count(c => c.Str("channel") == channel) > 1, TimeSpan.FromMilliseconds(500))).ShouldBeTrue();
    }

    [Fact]
    public async Task DuplicateEventIdAndRetries_AreAnsweredOnce()
    {
        var channel = Channel();
        var json = SlackHost.Event("app_mention", channel, $"<@{FakeSlackApi.BotUserId}> /rcode 2", eventId: "Ev" + Guid.NewGuid().ToString("N")[..10]);
        await SendOkAsync(json);
        await SendOkAsync(json, retry: 1);
        await SendOkAsync(json, retry: 2);
        await PostIn(channel);
        (await slack.Api.NoneWithinAsync(c => c.Str("channel") == channel && slack.Api.Count(x => x.Str("channel") == channel) > 1, TimeSpan.FromSeconds(1))).ShouldBeTrue();
        slack.Api.Count(c => c.Str("channel") == channel).ShouldBe(1);
    }

    [Fact]
    public async Task RetryOfADeliveryWeNeverGot_IsAnswered()
    {
        var channel = Channel();
        await SendOkAsync(SlackHost.Event("app_mention", channel, $"<@{FakeSlackApi.BotUserId}> /rcode 5"), retry: 1);
        SlackMessages.Shown((await PostIn(channel)).Body).ShouldContain("REFUSED");
    }

    [Fact]
    public async Task MentionInATriageChannel_DeliveredAsMentionAndMessage_IsAnsweredOnce()
    {
        var ts = SlackHost.NewTs();
        var text = $"<@{FakeSlackApi.BotUserId}> {AsSlackSends(DigPaste)}";
        await SendOkAsync(SlackHost.Event("message", SlackHost.TriageChannel, text, ts: ts, clientMsgId: ts));
        await SendOkAsync(SlackHost.Event("app_mention", SlackHost.TriageChannel, text, ts: ts, clientMsgId: ts));
        await slack.Api.WaitForAsync(c => c.Str("thread_ts") == ts);
        (await slack.Api.NoneWithinAsync(_ => slack.Api.Count(c => c.Str("thread_ts") == ts) > 1, TimeSpan.FromSeconds(1))).ShouldBeTrue();
    }

    [Fact]
    public async Task HostileText_IsNeverRenderedAsMentionsOrLinks()
    {
        var channel = Channel();
        await SendOkAsync(SlackHost.Event("app_mention", channel, $"<@{FakeSlackApi.BotUserId}> what is <!everyone> <@U123> <http://evil.example|click> SERVFAL"));
        var post = await PostIn(channel);
        SlackCommandTests.AssertInert(post.Body);
        post.Body.GetRawText().ShouldNotContain("\\u003C!everyone\\u003E");
    }

    [Fact]
    public async Task RateLimitedPost_WaitsRetryAfter_ThenIsPostedOnce()
    {
        var channel = Channel();
        slack.Api.TooManyRequests(1, c => c.Method == "chat.postMessage");
        await SendOkAsync(SlackHost.Event("app_mention", channel, $"<@{FakeSlackApi.BotUserId}> /rcode 2"));
        await slack.Api.WaitForAsync(c => c.Str("channel") == channel && slack.Api.Count(x => x.Str("channel") == channel) == 2);
        var posts = slack.Api.Calls.Where(c => c.Str("channel") == channel).ToList();
        posts.Count.ShouldBe(2);
        posts[1].Body.GetRawText().ShouldBe(posts[0].Body.GetRawText());
    }

    [Fact]
    public async Task AutoLinkedName_InAQuestion_IsReadAsTyped()
    {
        var channel = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await SendOkAsync(SlackHost.Event("message", channel, "/glossary <http://glue.example|glue>", channelType: "im"));
        SlackMessages.ButtonValue((await PostIn(channel)).Body, "bot.lang.ja").ShouldBe("l|ja|/glossary glue");
    }
}
