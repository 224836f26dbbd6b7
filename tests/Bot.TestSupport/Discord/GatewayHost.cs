using Bot.Engine.Knowledge;
using Bot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.TestSupport.Discord;

/// <summary>
/// The real bot host with the gateway client on, pointed at a <see cref="FakeGateway"/> and a
/// <see cref="FakeDiscordApi"/> (where replies and reactions land), with its log collected. One per test: the
/// client's session, dedupe ledger and rate limits are state.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string TriageChannel = "700000000000000001";
    public const string ChatChannel = "700000000000000002";

    // The knowledge base is immutable: load it once for every host of the test run.
    private static readonly Lazy<Task<KnowledgeBase>> Knowledge = new(() => Task.Run(KnowledgeLoader.LoadEmbedded));
    private WebApplication? _app;

    private GatewayHost(FakeGateway gateway, FakeDiscordApi api)
    {
        Gateway = gateway;
        Api = api;
    }

    public FakeGateway Gateway { get; }

    public FakeDiscordApi Api { get; }

    public LogCollector Logs { get; } = new();

    public IServiceProvider Services => _app!.Services;

    /// <summary>
    /// Starts both fakes and the host. <paramref name="configureGateway"/> and <paramref name="configureApi"/> run
    /// before the client connects. Discord:GatewayUrl is set to the fake gateway, and GET /gateway/bot names it too.
    /// </summary>
    public static async Task<GatewayHost> StartAsync(IEnumerable<string>? args = null, Action<FakeGateway>? configureGateway = null, Action<FakeDiscordApi>? configureApi = null)
    {
        var gateway = await FakeGateway.StartAsync();
        configureGateway?.Invoke(gateway);
        var api = await FakeDiscordApi.StartAsync();
        api.GatewayBotUrl = gateway.Url;
        configureApi?.Invoke(api);
        var host = new GatewayHost(gateway, api);
        host._app = BotHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Discord:BotToken", "test-bot-token",
            "--Discord:GatewayEnabled", "true",
            "--Discord:GatewayUrl", gateway.Url,
            "--Discord:ApiBaseUrl", host.Api.BaseUrl,
            "--Discord:TriageChannels:0", TriageChannel,
            "--Dns:Enabled", "false",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Bot", "Debug",
            .. args ?? [],
        ], Knowledge.Value, builder => builder.Logging.AddProvider(host.Logs));
        await host._app.StartAsync();
        return host;
    }

    /// <summary>The first connection, IDENTIFY answered with READY: ready for dispatches.</summary>
    public async Task<FakeGatewayConnection> ConnectedAsync()
    {
        var connection = await Gateway.NextConnectionAsync();
        await connection.NextAsync(2);
        await Logs.WaitForAsync(l => l.EventId == 432, what: "READY");
        return connection;
    }

    /// <summary>The first request to the fake REST API matching <paramref name="match"/>.</summary>
    public Task<(string Method, string Path, string Body, string? Authorization)> RequestAsync(Func<(string Method, string Path, string Body, string? Authorization), bool> match, TimeSpan? timeout = null) =>
        Api.WaitForAsync(match, timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>Waits until the handler has finished with message <paramref name="id"/> (answered, ignored or limited).</summary>
    public Task<LogLine> HandledAsync(string id) =>
        Logs.WaitForAsync(l => l.EventId is 451 or 452 or 453 or 454 && l.Message.Contains($" {id} ", StringComparison.Ordinal), what: $"about message {id}");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Gateway.DisposeAsync();
        await Api.DisposeAsync();
    }
}
