using Bot.Host;
using Microsoft.AspNetCore.Builder;

namespace Bot.TestSupport;

/// <summary>The real bot host started on 127.0.0.1 (a free port) with the given settings, and a client for it.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Builds and starts the host; <c>--urls http://127.0.0.1:0</c> comes first, so <paramref name="args"/> may add to it.</summary>
    public static async Task<RunningHost> StartAsync(IEnumerable<string> args, Action<WebApplicationBuilder>? configure = null)
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", .. args], configure: configure);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = LoopbackApp.Address(app);
        return new RunningHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
