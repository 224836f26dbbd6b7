using System.Net;
using Bot.TestSupport.Slack;

namespace Bot.Host.Tests.Slack;

/// <summary>Button presses and select choices: acknowledged with an empty 200, answered through the response_url.</summary>
public sealed class SlackInteractivityTests(SlackHost slack) : IClassFixture<SlackHost>
{
    private static string Id() => Guid.NewGuid().ToString("N");

    private async Task PressAsync(string actionId, string value, string responseUrl, bool selected = false)
    {
        var response = await slack.ActionAsync(SlackHost.BlockAction(actionId, value, responseUrl, selected));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    private Task<SlackCall> PostedTo(string url) => slack.Api.WaitForAsync(c => c.Method == "response_url" && c.Path == new Uri(url).AbsolutePath);

    [Fact]
    public async Task LanguageButton_ReplacesTheMessageInThatLanguage()
    {
        var answer = await slack.CommandJsonAsync("/rcode", "2");
        var url = slack.Api.ResponseUrl(Id());
        await PressAsync("bot.lang.ja", SlackMessages.ButtonValue(answer, "bot.lang.ja"), url);
        var post = await PostedTo(url);
        post.Authorization.ShouldBeNull("a response_url needs no token, and must never get it");
        post.Body.GetProperty("replace_original").GetBoolean().ShouldBeTrue();
        SlackMessages.Shown(post.Body).ShouldContain("意味");
        SlackMessages.ButtonValue(post.Body, "bot.lang.en").ShouldBe("l|en|/rcode 2");
        SlackMessages.KeepsBlockKitLimits(post.Body);
    }

    [Fact]
    public async Task FixButton_ShowsTheFixSteps()
    {
        var url = slack.Api.ResponseUrl(Id());
        await PressAsync("bot.fix", "f|de|/rcode 2", url);
        var post = await PostedTo(url);
        post.Body.GetProperty("replace_original").GetBoolean().ShouldBeTrue();
        SlackMessages.Shown(post.Body).ShouldContain("SERVFAIL");
        post.Body.GetRawText().ShouldNotContain("\"bot.fix\"");
    }

    [Fact]
    public async Task CompareSelect_ShowsTheComparison()
    {
        var url = slack.Api.ResponseUrl(Id());
        await PressAsync("bot.compare", "c|en|/compare SERVFAIL REFUSED", url, selected: true);
        var shown = SlackMessages.Shown((await PostedTo(url)).Body);
        shown.ShouldContain("SERVFAIL");
        shown.ShouldContain("REFUSED");
    }

    [Fact]
    public async Task ResponseUrlOnAHostNotAllowed_IsNeverPostedTo()
    {
        // The same fake, named by a host that is not in Slack:ResponseUrlHosts: a post would reach it.
        var refused = slack.Api.ResponseUrl(Id()).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await PressAsync("bot.lang.de", "l|de|/rcode 2", refused);
        var allowed = slack.Api.ResponseUrl(Id());
        await PressAsync("bot.lang.de", "l|de|/rcode 2", allowed);
        await PostedTo(allowed);
        (await slack.Api.NoneWithinAsync(c => c.Path == new Uri(refused).AbsolutePath, TimeSpan.FromMilliseconds(500))).ShouldBeTrue();
    }

    [Fact]
    public async Task OtherAppsElementsAndOtherPayloadTypes_AreAcknowledgedAndIgnored()
    {
        var url = slack.Api.ResponseUrl(Id());
        await PressAsync("someone.else", "l|de|/rcode 2", url);
        var shortcut = await slack.ActionAsync($$"""{"type":"shortcut","callback_id":"x","trigger_id":"t","response_url":"{{url}}"}""");
        shortcut.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await slack.Api.NoneWithinAsync(c => c.Path == new Uri(url).AbsolutePath, TimeSpan.FromMilliseconds(500))).ShouldBeTrue();
    }

    [Fact]
    public async Task RateLimitedResponseUrl_WaitsRetryAfter_ThenPosts()
    {
        var url = slack.Api.ResponseUrl(Id());
        slack.Api.TooManyRequests(1);
        await PressAsync("bot.lang.ja", "l|ja|/rcode 3", url);
        await slack.Api.WaitForAsync(c => c.Path == new Uri(url).AbsolutePath && slack.Api.Count(x => x.Path == new Uri(url).AbsolutePath) == 2);
        SlackMessages.Shown(slack.Api.Calls.Last(c => c.Path == new Uri(url).AbsolutePath).Body).ShouldContain("NXDOMAIN");
    }

    [Fact]
    public async Task SixthAnswerToOneResponseUrl_OfAnEphemeralMessage_IsPostedEphemeral()
    {
        var url = slack.Api.ResponseUrl(Id());
        var path = new Uri(url).AbsolutePath;
        for (var i = 0; i < 6; i++)
        {
            await PressAsync("bot.lang.ja", "l|ja|/rcode 3", url);
        }

        var ephemeral = await slack.Api.WaitForAsync(c => c.Method == "chat.postEphemeral" && SlackMessages.Shown(c.Body).Contains("NXDOMAIN", StringComparison.Ordinal));
        ephemeral.Str("channel").ShouldBe("CCMD00001");
        ephemeral.Str("user").ShouldBe("UUSER0001");
        ephemeral.Authorization.ShouldBe("Bearer xoxb-test-token");
        ephemeral.Body.TryGetProperty("replace_original", out _).ShouldBeFalse();
        await slack.Api.WaitForAsync(_ => slack.Api.Count(c => c.Path == path) == 5);
        (await slack.Api.NoneWithinAsync(_ => slack.Api.Count(c => c.Path == path) > 5, TimeSpan.FromMilliseconds(500))).ShouldBeTrue("Slack takes five posts to one response_url");
    }

    [Fact]
    public async Task SixthAnswerToOneResponseUrl_OfAChannelMessage_IsPostedInTheChannel()
    {
        var url = slack.Api.ResponseUrl(Id());
        var path = new Uri(url).AbsolutePath;
        for (var i = 0; i < 6; i++)
        {
            var response = await slack.ActionAsync(SlackHost.BlockAction("bot.lang.de", "l|de|/rcode 5", url, ephemeral: false));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var post = await slack.Api.WaitForAsync(c => c.Method == "chat.postMessage" && c.Str("channel") == "CCMD00001" && SlackMessages.Shown(c.Body).Contains("REFUSED", StringComparison.Ordinal));
        post.Str("response_type").ShouldBeNull();
        await slack.Api.WaitForAsync(_ => slack.Api.Count(c => c.Path == path) == 5);
        slack.Api.Count(c => c.Method == "chat.postEphemeral" && SlackMessages.Shown(c.Body).Contains("REFUSED", StringComparison.Ordinal)).ShouldBe(0);
    }
}
