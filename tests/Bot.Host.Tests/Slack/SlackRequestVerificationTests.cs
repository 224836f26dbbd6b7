using System.Globalization;
using System.Net;
using Bot.TestSupport.Slack;

namespace Bot.Host.Tests.Slack;

/// <summary>Every request is checked (size, then signature over the raw body) before anything parses it or does anything.</summary>
public sealed class SlackRequestVerificationTests(SlackHost slack) : IClassFixture<SlackHost>
{
    private static readonly string[] Paths = ["/slack/commands", "/slack/events", "/slack/interactivity"];

    private static string Old => DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Future => DateTimeOffset.UtcNow.AddMinutes(6).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task UrlVerification_EchoesTheChallenge()
    {
        var response = await slack.EventAsync("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("missing signature")]
    [InlineData("missing timestamp")]
    [InlineData("old")]
    [InlineData("future")]
    [InlineData("body changed after signing")]
    [InlineData("not v0")]
    public async Task BadSignature_Returns401_AndNothingIsPosted(string kind)
    {
        var marker = "sig-" + Guid.NewGuid().ToString("N");
        var bodies = new Dictionary<string, (string Body, string Type)>
        {
            ["/slack/commands"] = (SlackHost.CommandForm("/rcode", "2", slack.Api.ResponseUrl(marker)), "application/x-www-form-urlencoded"),
            ["/slack/events"] = (SlackHost.Event("app_mention", "C" + marker[4..14].ToUpperInvariant(), $"<@{FakeSlackApi.BotUserId}> /rcode 2 {marker}"), "application/json"),
            ["/slack/interactivity"] = ("payload=" + Uri.EscapeDataString(SlackHost.BlockAction("bot.lang.ja", "l|ja|/rcode 2", slack.Api.ResponseUrl(marker))), "application/x-www-form-urlencoded"),
        };
        foreach (var path in Paths)
        {
            var (body, type) = bodies[path];
            var response = kind switch
            {
                "forged" => await slack.SendAsync(path, body, type, signature: "v0=" + new string('a', 64)),
                "missing signature" => await slack.SendAsync(path, body, type, signature: ""),
                "missing timestamp" => await slack.SendAsync(path, body, type, timestamp: ""),
                "old" => await slack.SendAsync(path, body, type, timestamp: Old),
                "future" => await slack.SendAsync(path, body, type, timestamp: Future),
                "not v0" => await slack.SendAsync(path, body, type, signature: "v1=" + new string('0', 64)),
                _ => await slack.SendAsync(path, body, type, tamper: b => [.. b, (byte)' ']),
            };
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
            (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        }

        (await slack.Api.NoneWithinAsync(c => c.Body.GetRawText().Contains(marker[4..14].ToUpperInvariant(), StringComparison.Ordinal) || c.Path.Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(1)))
            .ShouldBeTrue("a request with a bad signature led to a post");
    }

    [Fact]
    public async Task OversizeBody_Returns413_BeforeTheSignatureIsChecked()
    {
        var big = "text=" + new string('a', 70 * 1024);
        foreach (var path in Paths)
        {
            (await slack.SendAsync(path, big, "application/x-www-form-urlencoded")).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, path);
            (await slack.SendAsync(path, big, "application/x-www-form-urlencoded", signature: "")).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, path);
        }
    }

    [Theory]
    [InlineData("/slack/events", "{not json", "application/json")]
    [InlineData("/slack/events", "[1,2,3]", "application/json")]
    [InlineData("/slack/events", """{"type":"url_verification"}""", "application/json")]
    [InlineData("/slack/commands", "text=2&user_id=U1", "application/x-www-form-urlencoded")]
    [InlineData("/slack/interactivity", "payload=%7Bnope", "application/x-www-form-urlencoded")]
    [InlineData("/slack/interactivity", "nothing=here", "application/x-www-form-urlencoded")]
    public async Task MalformedAfterAValidSignature_Returns400(string path, string body, string type)
    {
        var response = await slack.SendAsync(path, body, type);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Exception");
    }

    [Fact]
    public async Task ActionValueWeDidNotProduce_Returns400_AndNothingIsPosted()
    {
        var url = slack.Api.ResponseUrl("forged-value-" + Guid.NewGuid().ToString("N"));
        var response = await slack.ActionAsync(SlackHost.BlockAction("bot.lang.ja", "x|zz|/rcode 2", url));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await slack.Api.NoneWithinAsync(c => c.Path.EndsWith(url[url.LastIndexOf('/')..], StringComparison.Ordinal), TimeSpan.FromSeconds(1))).ShouldBeTrue();
    }
}

/// <summary>Without a signing secret the Slack endpoints do not exist for callers.</summary>
public sealed class SlackDisabledTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactivity")]
    public async Task WithoutASigningSecret_EndpointsAnswer404(string path)
    {
        using var content = new StringContent("""{"type":"url_verification","challenge":"c"}""");
        (await host.Client.PostAsync(new Uri(path, UriKind.Relative), content)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
