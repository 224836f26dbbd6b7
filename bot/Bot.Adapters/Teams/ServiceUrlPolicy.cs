namespace Bot.Adapters.Teams;

/// <summary>
/// Where the bot's token may go. A forged or mistaken activity could name any serviceUrl; replies (which carry the
/// token) go only to https hosts on the allowlist (http only for a loopback host that is itself on the list).
/// </summary>
public static class ServiceUrlPolicy
{
    public static bool IsAllowed(string serviceUrl, IReadOnlyList<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        return hosts.Any(h => h.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(h[1..], StringComparison.OrdinalIgnoreCase) && host.Length > h.Length - 1
            : string.Equals(host, h, StringComparison.OrdinalIgnoreCase));
    }
}
