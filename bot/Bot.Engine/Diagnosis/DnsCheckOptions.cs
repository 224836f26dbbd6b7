using System.Net;

namespace Bot.Engine.Diagnosis;

/// <summary>Settings of live checks (section "Dns"): whom to ask, what may be probed, and the budgets.</summary>
public sealed class DnsCheckOptions
{
    public const string Section = "Dns";

    public bool Enabled { get; set; } = true;

    /// <summary>Resolvers to compare (address or address:port, [v6]:port). Empty: the system's plus <see cref="PublicResolvers"/>.</summary>
    public List<string> Resolvers { get; set; } = [];

    // Lists start empty because configuration binding appends to a list instead of replacing it; an empty list
    // means "the default" (the Effective* properties), so Dns__RootHints__0=... replaces the IANA roots.

    /// <summary>Added to the system's resolvers when <see cref="Resolvers"/> is empty. Default: Cloudflare, Google, Quad9.</summary>
    public List<string> PublicResolvers { get; set; } = [];

    /// <summary>Where the delegation walk starts. Default: the IANA root servers a–m (IPv4).</summary>
    public List<string> RootHints { get; set; } = [];

    /// <summary>CIDR ranges that may be queried although they are private, loopback, documentation ... (tests: 127.0.0.0/8).</summary>
    public List<string> AllowTargets { get; set; } = [];

    /// <summary>What a chat user may name after @ (addresses); the configured resolvers are always allowed. Default: the public set.</summary>
    public List<string> AllowedResolvers { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultPublicResolvers = ["1.1.1.1", "8.8.8.8", "9.9.9.9"];

    public static readonly IReadOnlyList<string> IanaRootServers =
    [
        "198.41.0.4", "170.247.170.2", "192.33.4.12", "199.7.91.13", "192.203.230.10", "192.5.5.241", "192.112.36.4",
        "198.97.190.53", "192.36.148.17", "192.58.128.30", "193.0.14.129", "199.7.83.42", "202.12.27.33",
    ];

    public IReadOnlyList<string> EffectivePublicResolvers => PublicResolvers.Count > 0 ? PublicResolvers : DefaultPublicResolvers;

    public IReadOnlyList<string> EffectiveRootHints => RootHints.Count > 0 ? RootHints : IanaRootServers;

    public IReadOnlyList<string> EffectiveAllowedResolvers => AllowedResolvers.Count > 0 ? AllowedResolvers : [.. DefaultPublicResolvers, "208.67.222.222"];

    public int MaxQueries { get; set; } = 60;

    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(2.5);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMilliseconds(700);

    public int Attempts { get; set; } = 2;

    public int PerUserPerMinute { get; set; } = 6;

    public int GlobalPerMinute { get; set; } = 60;

    public int MaxConcurrentChecks { get; set; } = 4;

    /// <summary>Parses "192.0.2.1", "192.0.2.1:5353", "2001:db8::1", "[2001:db8::1]:53".</summary>
    public static bool TryParseEndpoint(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (IPAddress.TryParse(text, out var bare))
        {
            endpoint = new IPEndPoint(bare, 53);
            return true;
        }

        if (IPEndPoint.TryParse(text, out var withPort) && withPort.Port > 0)
        {
            endpoint = withPort;
            return true;
        }

        return false;
    }

    /// <summary>The nameservers of /etc/resolv.conf (what the machine itself uses).</summary>
    public static IEnumerable<string> SystemResolvers(string path = "/etc/resolv.conf")
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == "nameserver" && IPAddress.TryParse(parts[1].Split('%')[0], out _))
            {
                yield return parts[1].Split('%')[0];
            }
        }
    }
}
