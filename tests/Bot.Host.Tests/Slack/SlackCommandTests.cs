using System.Text.Json;
using Bot.TestSupport.Slack;

namespace Bot.Host.Tests.Slack;

/// <summary>Slash commands through the real pipeline: knowledge answers come back in the HTTP response as Block Kit.</summary>
public sealed class SlackCommandTests(SlackHost slack) : IClassFixture<SlackHost>
{
    [Fact]
    public async Task Rcode2_IsAnsweredInTheResponse_WithBlockKitWithinLimits_Ephemeral()
    {
        var started = DateTime.UtcNow;
        var message = await slack.CommandJsonAsync("/rcode", "2");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(3), "Slack needs the answer within 3 s");
        message.GetProperty("response_type").GetString().ShouldBe("ephemeral");
        message.GetProperty("blocks")[0].GetProperty("type").GetString().ShouldBe("header");
        SlackMessages.Shown(message).ShouldContain("SERVFAIL");
        SlackMessages.KeepsBlockKitLimits(message);
        SlackMessages.ButtonValue(message, "bot.lang.ja").ShouldBe("l|ja|/rcode 2");
    }

    [Fact]
    public async Task ShareWord_AnswersInTheChannel()
    {
        var message = await slack.CommandJsonAsync("/rcode", "2 share");
        message.GetProperty("response_type").GetString().ShouldBe("in_channel");
        SlackMessages.Shown(message).ShouldContain("SERVFAIL");
        SlackMessages.Shown(message).ShouldNotContain("share");
    }

    [Theory]
    [InlineData("/rcode", "3 ja", "NXDOMAIN", "意味")]
    [InlineData("/rcode", "5 deutsch", "REFUSED", "Was das bedeutet")]
    [InlineData("/compare", "SERVFAIL REFUSED de share", "REFUSED", "SERVFAIL")]
    public async Task LanguageWord_PicksTheLanguage(string command, string text, string code, string words)
    {
        var message = await slack.CommandJsonAsync(command, text);
        var shown = SlackMessages.Shown(message);
        shown.ShouldContain(code);
        shown.ShouldContain(words);
    }

    [Fact]
    public async Task JapaneseText_IsAnsweredInJapanese_WithoutALanguageWord()
    {
        var message = await slack.CommandJsonAsync("/glossary", "グルーレコード");
        SlackMessages.ButtonValue(message, "bot.lang.en").ShouldStartWith("l|en|");
        SlackMessages.Shown(message).ShouldContain("English");
    }

    [Fact]
    public async Task Dnshelp_IsTheEngineHelp()
    {
        var message = await slack.CommandJsonAsync("/dnshelp", "");
        SlackMessages.Shown(message).ShouldContain("/rcode");
        SlackMessages.KeepsBlockKitLimits(message);
    }

    [Fact]
    public async Task DigWithLiveChecksOff_IsAnsweredInline_AndNothingIsPosted()
    {
        var url = slack.Api.ResponseUrl("dig-off-" + Guid.NewGuid().ToString("N"));
        var message = await slack.CommandJsonAsync("/dig", "example.com", url);
        SlackMessages.Shown(message).ShouldContain("example.com");
        (await slack.Api.NoneWithinAsync(c => c.Path.EndsWith(new Uri(url).AbsolutePath, StringComparison.Ordinal), TimeSpan.FromMilliseconds(500))).ShouldBeTrue();
    }

    [Fact]
    public async Task HostileText_IsNeverRenderedAsMentionsOrLinks()
    {
        var message = await slack.CommandJsonAsync("/glossary", "<!everyone> <@U123> <http://evil.example|click> &lt;!channel&gt;");
        AssertInert(message);
    }

    internal static void AssertInert(JsonElement message)
    {
        var shown = SlackMessages.Shown(message);
        shown.ShouldNotContain("<!everyone>");
        shown.ShouldNotContain("<!channel>");
        shown.ShouldNotContain("<@U123>");
        shown.ShouldNotContain("<http://evil.example");
        shown.ShouldNotContain("|click>");
        foreach (var block in message.GetProperty("blocks").EnumerateArray())
        {
            // Every mrkdwn text object is sent verbatim (no auto-linking or mention parsing by Slack).
            foreach (var t in Texts(block).Where(t => t.GetProperty("type").GetString() == "mrkdwn"))
            {
                t.GetProperty("verbatim").GetBoolean().ShouldBeTrue();
            }
        }
    }

    private static IEnumerable<JsonElement> Texts(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object when e.TryGetProperty("type", out var t) && t.GetString() is "mrkdwn" or "plain_text" => [e],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Texts(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Texts),
        _ => [],
    };
}
