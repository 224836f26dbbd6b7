using System.Collections.Concurrent;
using System.Net;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

namespace Bot.Engine.Diagnosis;

/// <summary>
/// Sends the queries of one check within its budget (a cap on queries and a deadline) and keeps every exchange,
/// so the conclusion can cite the exact query that showed a fact.
/// </summary>
internal sealed class Prober(DnsClient client, int maxQueries, CancellationToken deadline)
{
    private int _sent;

    public ConcurrentQueue<DnsExchange> Log { get; } = new();

    public int Sent => Volatile.Read(ref _sent);

    public bool Exhausted => Sent >= maxQueries || deadline.IsCancellationRequested;

    public async Task<DnsExchange> AskAsync(DnsQuery query, IPEndPoint server, bool tcp = false)
    {
        if (Interlocked.Increment(ref _sent) > maxQueries)
        {
            Interlocked.Decrement(ref _sent);
            return new DnsExchange(query, server, DnsOutcome.Cancelled) { Detail = "query budget exhausted" };
        }

        var exchange = await client.QueryAsync(query, server, tcp, deadline).ConfigureAwait(false);
        Log.Enqueue(exchange);
        return exchange;
    }
}
