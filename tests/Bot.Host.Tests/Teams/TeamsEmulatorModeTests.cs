using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bot.Adapters.Teams;
using Bot.TestSupport;
using Bot.TestSupport.Teams;

namespace Bot.Host.Tests.Teams;

/// <summary>Without an app id, on a loopback-only host, the endpoint serves a local emulator: no token in, none out,
/// and nothing but loopback on either side.</summary>
public sealed class TeamsEmulatorModeTests : IAsyncLifetime
{
    private RunningHost _host = null!;
    private FakeBotFramework _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotFramework.StartAsync();
        _host = await RunningHost.StartAsync(["--Dns:Enabled", "false"]);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string serviceUrl, string text, (string Name, string Value)? header = null)
    {
        var json = $$"""
            {"type":"message","id":"{{Guid.NewGuid():N}}","serviceUrl":"{{serviceUrl}}","channelId":"emulator",
             "from":{"id":"user-1","name":"User"},"recipient":{"id":"bot-1","name":"Bot"},
             "conversation":{"id":"conv-{{Guid.NewGuid():N}}"},"text":"{{text}}","locale":"de-DE"}
            """;
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative)) { Content = content };
        if (header is { } h)
        {
            request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        return _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task UnauthenticatedLoopbackActivity_IsAnswered_WithoutAToken()
    {
        (await PostAsync(_fake.ServiceUrl, "/rcode 2")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var reply = await _fake.NextCallAsync();
        reply.Authorization.ShouldBeNullOrEmpty();
        reply.Body.GetProperty("text").GetString()!.ShouldContain("SERVFAIL");
        _fake.TokensIssued.ShouldBe(0);
    }

    [Fact]
    public async Task EmulatorActivityNamingARemoteServiceUrl_Is403_AndNothingIsSent()
    {
        (await PostAsync("https://smba.trafficmanager.net/amer/", "/rcode 2")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _fake.Called.WaitAsync(TimeSpan.FromMilliseconds(300))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("Via", "1.1 proxy.example")]
    public async Task ARequestRelayedByAReverseProxy_IsNeverTakenAsTheEmulators(string header, string value)
    {
        (await PostAsync(_fake.ServiceUrl, "/rcode 2", (header, value))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _fake.Called.WaitAsync(TimeSpan.FromMilliseconds(300))).ShouldBeFalse();
    }

    [Fact]
    public void AllowEmulatorFalse_TurnsTheModeOff() =>
        new TeamsEmulatorMode().Decide(new TeamsOptions { AllowEmulator = false }, ["http://127.0.0.1:5080"]).ShouldBeFalse();

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://10.0.0.5:5080")]
    public void AHostListeningBeyondLoopback_NeverRunsTheEmulator(string address) =>
        new TeamsEmulatorMode().Decide(new TeamsOptions(), ["http://127.0.0.1:5080", address]).ShouldBeFalse();

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void ALoopbackOnlyHostWithoutAnAppId_RunsTheEmulator(string address) =>
        new TeamsEmulatorMode().Decide(new TeamsOptions(), [address]).ShouldBeTrue();

    [Fact]
    public void AConfiguredAppId_NeverRunsTheEmulator() =>
        new TeamsEmulatorMode().Decide(new TeamsOptions { AppId = TeamsHost.AppId }, ["http://127.0.0.1:5080"]).ShouldBeFalse();
}
