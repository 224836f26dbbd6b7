using System.Net;
using System.Security.Cryptography;
using Bot.TestSupport.Teams;

namespace Bot.Host.Tests.Teams;

/// <summary>Every way a request can fail authentication is refused before anything is processed.</summary>
public sealed class TeamsAuthenticationTests(TeamsHost teams) : IClassFixture<TeamsHost>
{
    private async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        response.StatusCode.ShouldBe(expected);
        (await teams.Fake.Called.WaitAsync(TimeSpan.FromMilliseconds(300))).ShouldBeFalse("a refused request must not be processed");
    }

    [Fact]
    public async Task MissingToken_Is401() =>
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2"), token: null), HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    public async Task GarbageToken_Is401(string token) =>
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2"), token), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task WrongAudience_Is401() =>
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2"), teams.Token(audience: Guid.NewGuid().ToString())), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task WrongIssuer_Is401() =>
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2"), teams.Token(issuer: "https://evil.example")), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task ExpiredBeyondTheSkew_Is401() =>
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2"), teams.Token(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-6))), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task ExpiredWithinTheSkew_IsAccepted()
    {
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 2"), teams.Token(notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddMinutes(-3)))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await teams.Fake.NextCallAsync();
    }

    [Fact]
    public async Task NotYetValid_Is401() =>
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2"), teams.Token(notBefore: DateTime.UtcNow.AddMinutes(10), expires: DateTime.UtcNow.AddMinutes(40))), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task KeyIdNeverPublished_Is401_AfterOneRefetch()
    {
        using var other = RSA.Create(2048);
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2"), teams.Token(key: other, kid: "never-published")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignedWithAnotherKey_UnderAKnownKid_Is401()
    {
        using var other = RSA.Create(2048);
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2"), teams.Token(key: other)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UnknownKid_RefetchesTheKeys_AndAcceptsARotatedKey()
    {
        var rotated = RSA.Create(2048);
        teams.Fake.AddKey("key-rotated", rotated, "msteams");
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 2"), teams.Token(key: rotated, kid: "key-rotated"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await teams.Fake.NextCallAsync();
    }

    [Fact]
    public async Task TamperedBody_ForAnotherServiceUrl_Is403()
    {
        var token = teams.Token(serviceUrl: "https://smba.trafficmanager.net/amer/");
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2"), token), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ARepeatedToken_IsStillTiedToEachActivity()
    {
        // The Bot Framework reuses a token for many activities; the second use is remembered, not re-verified, but
        // the activity checks (serviceurl claim, endorsement for the channel) apply to every request.
        var token = teams.Token();
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 2"), token)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await teams.Fake.NextCallAsync();
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 3"), token)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await teams.Fake.NextCallAsync();
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2", serviceUrl: "https://smba.trafficmanager.net/amer/"), token), HttpStatusCode.Forbidden);
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2", channelId: "slack"), token), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task KeyNotEndorsedForTheChannel_Is403() =>
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2", channelId: "slack")), HttpStatusCode.Forbidden);

    [Fact]
    public async Task ServiceUrlOutsideTheAllowlist_Is403_AndNoTokenIsSent()
    {
        var evil = "https://collector.evil.example/";
        var issued = teams.Fake.TokensIssued;
        await RefusedAsync(await teams.SendAsync(teams.Message("/rcode 2", serviceUrl: evil), teams.Token(serviceUrl: evil)), HttpStatusCode.Forbidden);
        teams.Fake.TokensIssued.ShouldBe(issued);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var big = teams.Message("/rcode 2" + new string(' ', 300_000));
        (await teams.SendAsync(big)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"message"}""")]
    [InlineData("""{"type":"message","serviceUrl":"ftp://x/","channelId":"msteams","conversation":{"id":"c"}}""")]
    public async Task MalformedActivity_WithAValidToken_Is400(string json) =>
        await RefusedAsync(await teams.SendAsync(json), HttpStatusCode.BadRequest);
}

public sealed class TeamsDisabledTests
{
    [Theory]
    [InlineData("not-a-guid", "Teams:AppId")]
    [InlineData("0b7c5f8e-3d2a-4c1b-9e6f-1a2b3c4d5e6f", "Teams:AppPassword")]
    public async Task BadSettings_FailTheStart_NamingTheKey(string appId, string key)
    {
        await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Teams:AppId", appId, "--Teams:TenantId", TeamsHost.TenantId]);
        var error = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
        error.Message.ShouldContain(key);
    }
}
