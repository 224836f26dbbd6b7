using System.Net;
using Bot.TestSupport.Slack;

namespace Bot.Host.Tests.Slack;

/// <summary>The host with Slack:DefaultLocale=de, to tell "the user's language" from "the default" apart.</summary>
public sealed class GermanDefaultSlackHost : SlackHost
{
    public GermanDefaultSlackHost() => Args.AddRange(["--Slack:DefaultLocale", "de"]);
}

/// <summary>
/// The user's Slack language from users.info: asked when no language word was given and the text shows none;
/// a language word and Japanese text win; a failure or a slow answer means Slack:DefaultLocale, in time.
/// </summary>
public sealed class SlackUserLanguageTests(GermanDefaultSlackHost slack) : IClassFixture<GermanDefaultSlackHost>
{
    private int UsersInfoCalls(string user) => slack.Api.Count(c => c.Method == "users.info" && c.Str("user") == user);

    [Fact]
    public async Task JapaneseSlackUser_GetsRcode2InJapanese_WithoutALanguageWord_AskedOnce()
    {
        var user = SlackHost.NewUser();
        slack.Api.ScriptUser(user, "ja-JP");
        var message = await slack.CommandJsonAsync("/rcode", "2", user: user);
        SlackMessages.Shown(message).ShouldContain("意味");
        SlackMessages.ButtonValue(message, "bot.lang.en").ShouldBe("l|en|/rcode 2");

        var call = slack.Api.Calls.Single(c => c.Method == "users.info" && c.Str("user") == user);
        call.Authorization.ShouldBe("Bearer xoxb-test-token");
        call.Str("include_locale").ShouldBe("true");

        SlackMessages.Shown(await slack.CommandJsonAsync("/rcode", "3", user: user)).ShouldContain("意味");
        UsersInfoCalls(user).ShouldBe(1, "the language is remembered");
    }

    [Theory]
    [InlineData("en-US", "What it means")]
    [InlineData("en-GB", "What it means")]
    [InlineData("fr-FR", "What it means")]
    [InlineData("de-AT", "Was das bedeutet")]
    public async Task SlackLocale_MapsToOurLanguages_EnglishForTheRest(string locale, string words)
    {
        var user = SlackHost.NewUser();
        slack.Api.ScriptUser(user, locale);
        SlackMessages.Shown(await slack.CommandJsonAsync("/rcode", "2", user: user)).ShouldContain(words);
    }

    [Fact]
    public async Task LanguageWord_OverridesTheSlackLanguage_AndNothingIsAsked()
    {
        var user = SlackHost.NewUser();
        slack.Api.ScriptUser(user, "ja-JP");
        var message = await slack.CommandJsonAsync("/rcode", "2 en", user: user);
        SlackMessages.Shown(message).ShouldContain("What it means");
        SlackMessages.Shown(message).ShouldNotContain("意味");
        UsersInfoCalls(user).ShouldBe(0);
    }

    [Fact]
    public async Task JapaneseText_WinsOverAGermanSlackLanguage_AndNothingIsAsked()
    {
        var user = SlackHost.NewUser();
        slack.Api.ScriptUser(user, "de-DE");
        var message = await slack.CommandJsonAsync("/glossary", "グルーレコード", user: user);
        SlackMessages.ButtonValue(message, "bot.lang.en").ShouldStartWith("l|en|");
        SlackMessages.ButtonValue(message, "bot.lang.de").ShouldStartWith("l|de|");
        UsersInfoCalls(user).ShouldBe(0);
    }

    [Theory]
    [InlineData("user_not_found")]
    [InlineData("missing_scope")]
    public async Task UsersInfoFailure_MeansTheDefaultLocale(string error)
    {
        var user = SlackHost.NewUser();
        slack.Api.ScriptUser(user, "ja-JP", error: error);
        var started = DateTime.UtcNow;
        var message = await slack.CommandJsonAsync("/rcode", "2", user: user);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(3), "Slack needs the answer within 3 s");
        SlackMessages.Shown(message).ShouldContain("Was das bedeutet");
        UsersInfoCalls(user).ShouldBe(1);
    }

    [Fact]
    public async Task SlowUsersInfo_DoesNotHoldTheAnswer_TheDefaultLocaleIsUsed()
    {
        var user = SlackHost.NewUser();
        slack.Api.ScriptUser(user, "ja-JP", delay: TimeSpan.FromSeconds(4));
        var started = DateTime.UtcNow;
        var message = await slack.CommandJsonAsync("/rcode", "2", user: user);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(3), "users.info took 4 s; Slack needs the answer within 3");
        SlackMessages.Shown(message).ShouldContain("Was das bedeutet");
    }

    [Fact]
    public async Task DirectMessage_FromAJapaneseSlackUser_IsAnsweredInJapanese()
    {
        var user = SlackHost.NewUser();
        slack.Api.ScriptUser(user, "ja-JP");
        var channel = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var response = await slack.EventAsync(SlackHost.Event("message", channel, "/rcode 2", channelType: "im", user: user));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var post = await slack.Api.WaitForAsync(c => c.Method == "chat.postMessage" && c.Str("channel") == channel);
        SlackMessages.Shown(post.Body).ShouldContain("意味");
    }

    [Fact]
    public async Task GermanText_InADirectMessage_IsAnsweredInGerman_WithoutAsking()
    {
        var user = SlackHost.NewUser();
        slack.Api.ScriptUser(user, "ja-JP");
        var channel = "D" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await slack.EventAsync(SlackHost.Event("message", channel, "Was bedeutet NXDOMAIN?", channelType: "im", user: user));
        var post = await slack.Api.WaitForAsync(c => c.Method == "chat.postMessage" && c.Str("channel") == channel);
        SlackMessages.Shown(post.Body).ShouldContain("English", customMessage: "a German answer offers English");
        UsersInfoCalls(user).ShouldBe(0);
    }
}
