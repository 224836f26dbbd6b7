namespace Bot.TestSupport;

/// <summary>
/// The bot host configured for one platform against that platform's loopback fake: the fake is started first (its
/// address goes into the settings), then the real host; <see cref="Args"/> adds or overrides settings. Live checks
/// are off unless a subclass calls <see cref="UseRefusingDns"/>.
/// </summary>
public abstract class PlatformHost : IAsyncLifetime
{
    private RunningHost? _host;
    private RefusingDnsServer? _dns;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Extra configuration, applied after the platform's own (e.g. reaction mode, another default locale).</summary>
    public List<string> Args { get; } = [];

    /// <summary>Live checks on, against a loopback DNS responder that refuses everything (resolvers and root hints alike).</summary>
    protected void UseRefusingDns()
    {
        _dns ??= new RefusingDnsServer();
        Args.AddRange(_dns.HostArgs);
    }

    /// <summary>Starts the platform's fake and returns the settings that point the host at it.</summary>
    protected abstract Task<IReadOnlyList<string>> StartFakeAsync();

    protected abstract ValueTask StopFakeAsync();

    public virtual async Task InitializeAsync()
    {
        var platform = await StartFakeAsync();
        _host = await RunningHost.StartAsync([.. platform, "--Dns:Enabled", "false", .. Args]);
        Client = _host.Client;
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await StopFakeAsync();
        _dns?.Dispose();
    }
}
