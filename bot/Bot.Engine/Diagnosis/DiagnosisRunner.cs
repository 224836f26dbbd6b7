using System.Net;
using Bot.Dns.Records;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

namespace Bot.Engine.Diagnosis;

/// <summary>A resolver to ask, with the label the answer shows for it.</summary>
public sealed record ResolverTarget(string Label, IPEndPoint Endpoint);

/// <summary>
/// Finds out why a name fails, within a budget: asks the resolvers in parallel (and again with CD on SERVFAIL),
/// walks the delegation from the root at the same time, then asks every nameserver of the zone for its SOA and
/// gathers DNSSEC facts (DS at the parent, DNSKEY and RRSIGs at the child), and concludes.
/// </summary>
public sealed class DiagnosisRunner(DnsClient client, DnsCheckOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<DiagnosisReport> RunAsync(string name, ushort type, IReadOnlyList<ResolverTarget> resolvers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        var started = _time.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Deadline);
        var prober = new Prober(client, options.MaxQueries, deadline.Token);
        var roots = options.EffectiveRootHints.Select(h => DnsCheckOptions.TryParseEndpoint(h, out var e) ? e : null).OfType<IPEndPoint>().ToList();

        // Phase 1, in parallel: what the resolvers say, and the walk from the root.
        var resolverTasks = resolvers.Select(r => AskResolverAsync(prober, r, name, type)).ToList();
        var walker = new DelegationWalker(prober, roots, ns => ResolveWithAsync(prober, resolvers, ns));
        var walkTask = walker.WalkAsync(name, type);
        var first = await Task.WhenAll(resolverTasks).ConfigureAwait(false);
        var walk = await walkTask.ConfigureAwait(false);

        // Phase 2, in parallel: CD retries on SERVFAIL, every nameserver's SOA, and the DNSSEC facts.
        var cdTasks = first.Select(r => r.Exchange.Response?.Rcode == (int)DnsRcode.ServFail
            ? prober.AskAsync(r.Exchange.Query with { CheckingDisabled = true, DnssecOk = true }, r.Endpoint)
            : Task.FromResult<DnsExchange>(null!)).ToList();
        var nsTask = ProbeNameserversAsync(prober, walk);
        var dnssecTask = GatherDnssecAsync(prober, walk, name, type);
        var withCd = await Task.WhenAll(cdTasks).ConfigureAwait(false);
        var nameservers = await nsTask.ConfigureAwait(false);
        var dnssec = await dnssecTask.ConfigureAwait(false);
        var results = first.Select((r, i) => r with { WithCd = withCd[i] }).ToList();

        var facts = new Facts(name, type, results, walk, nameservers, dnssec, _time.GetUtcNow());
        var (cause, evidence, ruledOut) = Conclusion.Decide(facts);
        var exchanges = prober.Log.ToList();
        return new DiagnosisReport
        {
            Name = name,
            Type = type,
            Cause = cause,
            Evidence = evidence,
            RuledOut = ruledOut,
            Resolvers = results,
            Delegation = walk.Steps,
            Zone = walk.Zone,
            Nameservers = nameservers,
            Dnssec = dnssec,
            RcodesSeen = [.. results.Select(r => r.Exchange.Response?.Rcode).OfType<int>().Distinct()],
            EdeSeen = [.. results.SelectMany(r => r.Exchange.Response?.ExtendedErrors ?? []).Select(e => (int)e.InfoCode).Distinct()],
            Queries = prober.Sent,
            Elapsed = _time.GetElapsedTime(started),
            BudgetExhausted = prober.Exhausted && !cancellationToken.IsCancellationRequested,
        };
    }

    private static async Task<ResolverResult> AskResolverAsync(Prober prober, ResolverTarget resolver, string name, ushort type)
    {
        var query = new DnsQuery(name, type) { RequestNsid = true };
        var exchange = await prober.AskAsync(query, resolver.Endpoint).ConfigureAwait(false);
        return new ResolverResult(resolver.Label, resolver.Endpoint, exchange, null);
    }

    /// <summary>Addresses of an out-of-bailiwick nameserver, from the first resolver that answers.</summary>
    private static async Task<IReadOnlyList<IPAddress>> ResolveWithAsync(Prober prober, IReadOnlyList<ResolverTarget> resolvers, string host)
    {
        foreach (var r in resolvers.Take(2))
        {
            var a = await prober.AskAsync(new DnsQuery(host, (ushort)DnsType.A), r.Endpoint).ConfigureAwait(false);
            if (a.Response is { Rcode: 0 } m)
            {
                return [.. m.Answers.Select(x => x.Data).OfType<ARdata>().Select(x => x.Address)];
            }
        }

        return [];
    }

    private static async Task<IReadOnlyList<NameserverResult>> ProbeNameserversAsync(Prober prober, WalkResult walk)
    {
        var query = new DnsQuery(walk.Zone, (ushort)DnsType.SOA) { RecursionDesired = false, AuthenticData = false };
        var probes = walk.Nameservers.Select(async ns =>
        {
            var exchange = await prober.AskAsync(query, ns.Address).ConfigureAwait(false);
            return Classify(ns.Name, ns.Address, exchange, walk.Zone);
        });
        return await Task.WhenAll(probes).ConfigureAwait(false);
    }

    internal static NameserverResult Classify(string name, IPEndPoint address, DnsExchange exchange, string zone)
    {
        var state = exchange.Outcome switch
        {
            DnsOutcome.Response when exchange.Response is { Header.Aa: true, Rcode: 0 } m && m.Answers.Any(a => a.Data is SoaRdata && DnsName.Equal(a.Name, zone)) => NameserverState.Authoritative,
            DnsOutcome.Response or DnsOutcome.Malformed => NameserverState.Lame,
            DnsOutcome.Timeout or DnsOutcome.Cancelled => NameserverState.Timeout,
            DnsOutcome.Blocked => NameserverState.Blocked,
            _ => NameserverState.Unreachable,
        };
        var serial = exchange.Response?.Answers.Select(a => a.Data).OfType<SoaRdata>().FirstOrDefault()?.Serial;
        return new NameserverResult(name, address, state, state == NameserverState.Authoritative ? serial : null, exchange);
    }

    private async Task<DnssecFacts?> GatherDnssecAsync(Prober prober, WalkResult walk, string name, ushort type)
    {
        if (walk.ParentZone is null || walk.ParentServers.Count == 0 || walk.Nameservers.Count == 0)
        {
            return null;
        }

        var zone = walk.Zone;
        var dsTask = prober.AskAsync(new DnsQuery(zone, (ushort)DnsType.DS) { RecursionDesired = false, AuthenticData = false, DnssecOk = true }, walk.ParentServers[0]);
        var child = walk.Authoritative?.Server ?? walk.Nameservers[0].Address;
        var keyTask = prober.AskAsync(new DnsQuery(zone, (ushort)DnsType.DNSKEY) { RecursionDesired = false, AuthenticData = false, DnssecOk = true }, child);
        var dataTask = walk.Authoritative is { } known && known.Query.DnssecOk
            ? Task.FromResult(known)
            : prober.AskAsync(new DnsQuery(name, type) { RecursionDesired = false, AuthenticData = false, DnssecOk = true }, child);
        var ds = await dsTask.ConfigureAwait(false);
        var keys = await keyTask.ConfigureAwait(false);
        var data = await dataTask.ConfigureAwait(false);

        var dsRecords = ds.Response?.Answers.Select(a => a.Data).OfType<DsRdata>().ToList() ?? [];
        var dnskeys = keys.Response is { Header.Aa: true } km ? km.Answers.Select(a => a.Data).OfType<DnskeyRdata>().ToList() : [];
        var now = _time.GetUtcNow();
        var sigs = (keys.Response?.Answers ?? []).Concat(data.Response?.Answers ?? []).Concat(data.Response?.Authorities ?? [])
            .Select(r => r.Data).OfType<RrsigRdata>().Where(s => DnsName.IsAtOrBelow(s.SignerName, zone) && DnsName.Equal(s.SignerName, zone)).ToList();
        var windows = sigs.Select(s => Dnssec.Window(s, now)).ToList();
        var window = sigs.Count == 0 ? null : $"{Dnssec.FormatTime(sigs.Min(s => s.Inception))}–{Dnssec.FormatTime(sigs.Max(s => s.Expiration))}";
        return new DnssecFacts
        {
            ParentHasDs = dsRecords.Count > 0,
            DsRecords = [.. dsRecords.Select(d => d.ToPresentation())],
            DnskeyTags = [.. dnskeys.Select(k => $"{k.KeyTag} (alg {k.Algorithm}{(k.IsSep ? ", SEP" : "")})")],
            ChildHasDnskey = dnskeys.Count > 0,
            DsMatchesDnskey = dsRecords.Any(d => dnskeys.Any(k => Dnssec.Matches(d, zone, k))),
            SignaturesPresent = sigs.Count > 0,
            ExpiredSignatures = windows.Count(w => w > 0),
            FutureSignatures = windows.Count(w => w < 0),
            SignatureWindow = window,
        };
    }
}

/// <summary>Everything a conclusion is drawn from.</summary>
internal sealed record Facts(string Name, ushort Type, IReadOnlyList<ResolverResult> Resolvers, WalkResult Walk,
    IReadOnlyList<NameserverResult> Nameservers, DnssecFacts? Dnssec, DateTimeOffset Now);
