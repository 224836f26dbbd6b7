using Bot.Adapters.Slack;
using Bot.TestSupport.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Host.Tests.Slack;

/// <summary>The Web API client against the loopback fake: errors by code, a dead token, 429, the response_url allowlist.</summary>
public sealed class SlackWebClientTests : IAsyncLifetime
{
    private FakeSlackApi _api = null!;
    private HttpClient _http = null!;
    private SlackWebClient _client = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeSlackApi.StartAsync();
        _http = new HttpClient();
        var options = Options.Create(new SlackOptions { ApiBaseUrl = _api.ApiBaseUrl, BotToken = "xoxb-unit", ResponseUrlHosts = ["127.0.0.1"] });
        _client = new SlackWebClient(_http, options, TimeProvider.System, NullLogger<SlackWebClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private static SlackMessage Message(string channel) => new() { Channel = channel, Text = "hello" };

    [Fact]
    public async Task PostMessage_SendsJsonWithACharset_AndTheBearerToken()
    {
        var result = await _client.PostMessageAsync(Message("C1"), CancellationToken.None);
        result.Ok.ShouldBeTrue();
        var call = _api.Calls.Single();
        call.Method.ShouldBe("chat.postMessage");
        call.Authorization.ShouldBe("Bearer xoxb-unit");
        call.ContentType.ShouldBe("application/json; charset=utf-8");
        call.Str("channel").ShouldBe("C1");
    }

    [Fact]
    public async Task OkFalse_IsReturnedWithSlacksErrorCode()
    {
        _api.FailWith("channel_not_found");
        var result = await _client.PostMessageAsync(Message("C404"), CancellationToken.None);
        result.Ok.ShouldBeFalse();
        result.Error.ShouldBe("channel_not_found");
        _api.FailWith(null);
        (await _client.PostMessageAsync(Message("C2"), CancellationToken.None)).Ok.ShouldBeTrue("an ordinary error does not stop later calls");
    }

    [Theory]
    [InlineData("token_revoked")]
    [InlineData("invalid_auth")]
    [InlineData("account_inactive")]
    public async Task DeadToken_StopsEveryFurtherCall(string error)
    {
        _api.FailWith(error);
        (await _client.PostMessageAsync(Message("C1"), CancellationToken.None)).Error.ShouldBe(error);
        _api.FailWith(null);
        (await _client.AddReactionAsync("C1", "1.2", "mag", CancellationToken.None)).Ok.ShouldBeFalse();
        (await _client.AuthTestAsync(CancellationToken.None)).ShouldBeNull();
        _api.Calls.Count.ShouldBe(1, "no call after Slack said the token is dead");
    }

    [Fact]
    public async Task TooManyRequests_WaitsRetryAfter_AndTriesAgain_ABoundedNumberOfTimes()
    {
        _api.TooManyRequests(1);
        (await _client.PostMessageAsync(Message("C1"), CancellationToken.None)).Ok.ShouldBeTrue();
        _api.Calls.Count.ShouldBe(2);

        _api.TooManyRequests(10);
        (await _client.PostMessageAsync(Message("C2"), CancellationToken.None)).Error.ShouldBe("ratelimited");
        _api.Calls.Count.ShouldBe(5, "three attempts, then the 429 is the answer");
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/x", false)]
    [InlineData("http://localhost/hooks/x", false)]
    [InlineData("https://evil.example/hooks/x", false)]
    [InlineData("https://user@127.0.0.1/hooks/x", false)]
    [InlineData("not a url", false)]
    [InlineData("http://127.0.0.1/hooks/x", true)]
    public void ResponseUrl_OnlyAllowlistedHosts(string url, bool allowed) => _client.IsAllowedResponseUrl(url).ShouldBe(allowed);

    [Fact]
    public async Task ResponseUrl_NotAllowed_IsNeverContacted()
    {
        var refused = _api.ResponseUrl("x").Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        (await _client.RespondAsync(refused, Message("C1"), CancellationToken.None)).ShouldBeFalse();
        (await _client.RespondAsync(_api.ResponseUrl("y"), Message("C1"), CancellationToken.None)).ShouldBeTrue();
        _api.Calls.Select(c => c.Path).ShouldBe(["/hooks/y"]);
        _api.Calls[0].Authorization.ShouldBeNull();
    }

    [Fact]
    public void DefaultResponseUrlHosts_AreSlacksHooks()
    {
        var client = new SlackWebClient(_http, Options.Create(new SlackOptions()), TimeProvider.System, NullLogger<SlackWebClient>.Instance);
        client.IsAllowedResponseUrl("https://hooks.slack.com/commands/T1/2/x").ShouldBeTrue();
        client.IsAllowedResponseUrl("http://hooks.slack.com/commands/T1/2/x").ShouldBeFalse();
        client.IsAllowedResponseUrl("https://hooks.slack.com.evil.example/x").ShouldBeFalse();
    }
}
