using System.Net;
using System.Threading.RateLimiting;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

namespace Bot.Engine.Diagnosis;

public enum LiveCheckStatus
{
    Done,
    RateLimited,
    Busy,
    ResolverNotAllowed,
    Disabled,
}

/// <summary>The outcome of a live check request: the report, or why it was not run.</summary>
public sealed record LiveCheckResult(LiveCheckStatus Status)
{
    public DiagnosisReport? Report { get; init; }

    /// <summary>The query with the user's own flags (+cd, +dnssec, +tcp ...), rendered as dig output.</summary>
    public DnsExchange? Dig { get; init; }
}

/// <summary>
/// Runs live checks safely: only allowlisted resolvers may be named, targets go through the target policy,
/// and per-user, global and concurrency limits bound what chat users can make the bot send.
/// </summary>
public sealed class LiveChecker : IDisposable
{
    private readonly DnsCheckOptions _options;
    private readonly DnsClient _client;
    private readonly DiagnosisRunner _runner;
    private readonly IReadOnlyList<ResolverTarget> _resolvers;
    private readonly HashSet<IPEndPoint> _allowedResolvers;
    private readonly PartitionedRateLimiter<string> _perUser;
    private readonly FixedWindowRateLimiter _global;
    private readonly ConcurrencyLimiter _concurrent;

    public LiveChecker(DnsCheckOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var policy = new TargetPolicy(options.AllowTargets.Select(IPNetwork.Parse));
        _client = new DnsClient(policy, new DnsClientOptions { AttemptTimeout = options.AttemptTimeout, Attempts = options.Attempts }, time);
        _runner = new DiagnosisRunner(_client, options, time);
        var configured = options.Resolvers.Count > 0 ? options.Resolvers : [.. DnsCheckOptions.SystemResolvers(), .. options.EffectivePublicResolvers];
        _resolvers = [.. configured.Distinct().Select(r => DnsCheckOptions.TryParseEndpoint(r, out var e) ? new ResolverTarget(r, e) : null).OfType<ResolverTarget>()];
        _allowedResolvers = [.. _resolvers.Select(r => r.Endpoint), .. options.EffectiveAllowedResolvers.Select(r => DnsCheckOptions.TryParseEndpoint(r, out var e) ? e : null).OfType<IPEndPoint>()];
        _perUser = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.PerUserPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
        _global = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.GlobalPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        _concurrent = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, options.MaxConcurrentChecks), QueueLimit = 0 });
    }

    public IReadOnlyList<ResolverTarget> Resolvers => _resolvers;

    public async Task<LiveCheckResult> RunAsync(DigRequest request, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_options.Enabled || _resolvers.Count == 0)
        {
            return new LiveCheckResult(LiveCheckStatus.Disabled);
        }

        IReadOnlyList<ResolverTarget> resolvers = _resolvers;
        if (request.Resolver is { } named)
        {
            if (!DnsCheckOptions.TryParseEndpoint(named, out var endpoint) || !_allowedResolvers.Contains(endpoint))
            {
                return new LiveCheckResult(LiveCheckStatus.ResolverNotAllowed);
            }

            resolvers = [new ResolverTarget(named, endpoint)];
        }

        using var userLease = _perUser.AttemptAcquire(user);
        if (!userLease.IsAcquired)
        {
            return new LiveCheckResult(LiveCheckStatus.RateLimited);
        }

        using var globalLease = _global.AttemptAcquire();
        if (!globalLease.IsAcquired)
        {
            return new LiveCheckResult(LiveCheckStatus.RateLimited);
        }

        using var slot = _concurrent.AttemptAcquire();
        if (!slot.IsAcquired)
        {
            return new LiveCheckResult(LiveCheckStatus.Busy);
        }

        var digQuery = new DnsQuery(request.Name, request.Type)
        {
            CheckingDisabled = request.CheckingDisabled,
            DnssecOk = request.Dnssec,
            RecursionDesired = !request.NoRecurse,
            RequestNsid = request.Nsid,
        };
        var digTask = _client.QueryAsync(digQuery, resolvers[0].Endpoint, request.Tcp, cancellationToken);
        var report = await _runner.RunAsync(request.Name, request.Type, resolvers, cancellationToken).ConfigureAwait(false);
        return new LiveCheckResult(LiveCheckStatus.Done) { Report = report, Dig = await digTask.ConfigureAwait(false) };
    }

    public void Dispose()
    {
        _perUser.Dispose();
        _global.Dispose();
        _concurrent.Dispose();
    }
}
