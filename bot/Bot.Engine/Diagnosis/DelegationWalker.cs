using System.Net;
using Bot.Dns.Records;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

namespace Bot.Engine.Diagnosis;

/// <summary>Where the walk from the root ended, and what it saw of the zone that holds the name.</summary>
internal sealed record WalkResult
{
    public required string Zone { get; init; }
    public string? ParentZone { get; init; }
    public IReadOnlyList<(string Name, IPEndPoint Address)> Nameservers { get; init; } = [];
    public IReadOnlyList<IPEndPoint> ParentServers { get; init; } = [];
    public bool ParentListsDs { get; init; }
    public IReadOnlyList<DelegationStep> Steps { get; init; } = [];
    public DnsExchange? Authoritative { get; init; }
    public IReadOnlyList<string> MissingGlue { get; init; } = [];
}

/// <summary>
/// Follows referrals from the root hints with RD=0, as <c>dig +trace</c> does, asking up to three servers of each
/// level at once and taking the first usable answer, so a dead server costs no extra round.
/// </summary>
internal sealed class DelegationWalker(Prober prober, IReadOnlyList<IPEndPoint> roots, Func<string, Task<IReadOnlyList<IPAddress>>> resolveAddress)
{
    private const int MaxDepth = 12;
    private const int FanOut = 3;

    public async Task<WalkResult> WalkAsync(string name, ushort type)
    {
        var zone = DnsName.Root;
        IReadOnlyList<(string Name, IPEndPoint Address)> servers = [.. roots.Select(r => ("root hint", r))];
        IReadOnlyList<IPEndPoint> parentServers = [];
        string? parentZone = null;
        var parentListsDs = false;
        var steps = new List<DelegationStep>();
        var missingGlue = new List<string>();
        var query = new DnsQuery(name, type) { RecursionDesired = false, AuthenticData = false, DnssecOk = true };

        for (var depth = 0; depth < MaxDepth && !prober.Exhausted; depth++)
        {
            var exchange = await FirstUsableAsync(query, servers).ConfigureAwait(false);
            var labels = servers.Select(s => $"{s.Name} {s.Address.Address}").Distinct().Take(6).ToList();
            if (exchange?.Response is not { } m)
            {
                steps.Add(new DelegationStep(zone, labels, "no usable answer"));
                return Result(zone, parentZone, servers, parentServers, parentListsDs, steps, null, missingGlue);
            }

            var referral = m.Authorities.Where(r => r.Type == (ushort)DnsType.NS && r.Data is NameRdata && DnsName.IsAtOrBelow(name, r.Name) && !DnsName.Equal(r.Name, zone) && DnsName.IsAtOrBelow(r.Name, zone)).ToList();
            if (m.Header.Aa || m.Answers.Count > 0 || referral.Count == 0)
            {
                steps.Add(new DelegationStep(zone, labels, $"{m.Status} from {exchange.Server.Address}{(m.Header.Aa ? " (authoritative)" : "")}"));
                return Result(zone, parentZone, servers, parentServers, parentListsDs, steps, exchange, missingGlue);
            }

            var child = referral[0].Name;
            var nsNames = referral.Select(r => ((NameRdata)r.Data).Target).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var next = new List<(string, IPEndPoint)>();
            foreach (var ns in nsNames)
            {
                var glue = m.Additionals.Where(r => DnsName.Equal(r.Name, ns)).Select(r => r.Data).ToList();
                var addresses = glue.OfType<ARdata>().Select(a => a.Address).Concat(glue.OfType<AaaaRdata>().Select(a => a.Address)).ToList();
                if (addresses.Count == 0)
                {
                    if (DnsName.IsAtOrBelow(ns, child))
                    {
                        missingGlue.Add(ns); // in-bailiwick without glue cannot be resolved at all
                        continue;
                    }

                    addresses = [.. await resolveAddress(ns).ConfigureAwait(false)];
                }

                next.AddRange(addresses.Select(a => (ns, new IPEndPoint(a, 53))));
            }

            var ds = m.Authorities.Any(r => r.Type == (ushort)DnsType.DS && DnsName.Equal(r.Name, child));
            steps.Add(new DelegationStep(zone, labels, $"referral to {child}: {string.Join(", ", nsNames)}{(ds ? " (DS present)" : "")}"));
            parentServers = [exchange.Server, .. servers.Select(s => s.Address).Where(a => !a.Equals(exchange.Server))];
            parentZone = zone;
            parentListsDs = ds;
            zone = child;
            servers = next;
            if (servers.Count == 0)
            {
                steps.Add(new DelegationStep(zone, [.. nsNames], "no address for any nameserver"));
                return Result(zone, parentZone, servers, parentServers, parentListsDs, steps, null, missingGlue);
            }
        }

        return Result(zone, parentZone, servers, parentServers, parentListsDs, steps, null, missingGlue);
    }

    private static WalkResult Result(string zone, string? parentZone, IReadOnlyList<(string, IPEndPoint)> servers, IReadOnlyList<IPEndPoint> parentServers,
        bool ds, List<DelegationStep> steps, DnsExchange? authoritative, List<string> missingGlue) => new()
    {
        Zone = zone,
        ParentZone = parentZone,
        Nameservers = servers,
        ParentServers = parentServers,
        ParentListsDs = ds,
        Steps = steps,
        Authoritative = authoritative,
        MissingGlue = missingGlue,
    };

    /// <summary>Asks up to <see cref="FanOut"/> servers at once; the first NOERROR/NXDOMAIN answer wins.</summary>
    private async Task<DnsExchange?> FirstUsableAsync(DnsQuery query, IReadOnlyList<(string Name, IPEndPoint Address)> servers)
    {
        var pending = servers.Take(FanOut).Select(s => prober.AskAsync(query, s.Address)).ToList();
        var rest = servers.Skip(FanOut).ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending).ConfigureAwait(false);
            pending.Remove(done);
            var exchange = await done.ConfigureAwait(false);
            if (exchange.Response is { Rcode: 0 or 3 })
            {
                return exchange;
            }

            if (rest.Count > 0 && !prober.Exhausted)
            {
                pending.Add(prober.AskAsync(query, rest[0].Address));
                rest.RemoveAt(0);
            }
        }

        return null;
    }
}
