namespace Bot.Adapters;

/// <summary>
/// The HTTP client for calls that carry the bot's credentials (Teams Connector and token, Slack Web API and
/// response_urls): pooled connections renewed every 5 minutes (DNS changes are picked up), and never a redirect,
/// so a request is never followed somewhere the host allowlist did not check.
/// </summary>
internal static class PlatformHttpClient
{
    public static HttpClient Create(TimeSpan timeout) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false }) { Timeout = timeout };
}
