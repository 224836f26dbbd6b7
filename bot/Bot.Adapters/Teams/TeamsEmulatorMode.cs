namespace Bot.Adapters.Teams;

/// <summary>
/// Local development without an Azure registration (Bot Framework Emulator, Agents Playground): with no
/// <c>Teams:AppId</c>, and only when every address the host listens on is loopback, <c>POST /api/messages</c> takes
/// activities from loopback without a token and replies to loopback serviceUrls without one. Anything else keeps the
/// endpoint off, so a host reachable from the network never runs unauthenticated. A loopback-only host can still be
/// published by a reverse proxy on the same machine: a request that carries a proxy's forwarding headers is never
/// taken as the emulator's, and <c>Teams:AllowEmulator=false</c> turns the mode off for any deployment.
/// </summary>
public sealed class TeamsEmulatorMode
{
    private volatile bool _on;

    public bool On => _on;

    /// <summary>Decided once the server's addresses are known (at start).</summary>
    public bool Decide(TeamsOptions options, IEnumerable<string> listenAddresses)
    {
        ArgumentNullException.ThrowIfNull(options);
        var addresses = listenAddresses.ToList();
        _on = !options.Enabled && options.AllowEmulator && addresses.Count > 0 && addresses.All(IsLoopback);
        return _on;
    }

    /// <summary>Whether this request may be the emulator's: from loopback, and not relayed by a proxy.</summary>
    public bool Admits(Microsoft.AspNetCore.Http.HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!_on || http.Connection.RemoteIpAddress is not { } remote || !System.Net.IPAddress.IsLoopback(remote))
        {
            return false;
        }

        var headers = http.Request.Headers;
        return !ProxyHeaders.Any(headers.ContainsKey);
    }

    private static readonly string[] ProxyHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "Via"];

    /// <summary>Where an emulator reply may go: http(s) on a loopback host, nothing else.</summary>
    public static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo) && uri.IsLoopback;

    private static bool IsLoopback(string address)
    {
        // Kestrel spells wildcards "http://*:80", "http://+:80", "http://[::]:80" or "http://0.0.0.0:80": none is loopback.
        var text = address.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.IsLoopback;
    }
}
