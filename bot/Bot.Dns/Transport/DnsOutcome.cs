using System.Net;
using Bot.Dns.Wire;

namespace Bot.Dns.Transport;

/// <summary>What happened to a query: a client outcome, kept apart from the RCODE a response carries.</summary>
public enum DnsOutcome
{
    /// <summary>A matching response arrived (its RCODE may still be an error).</summary>
    Response,

    /// <summary>No matching response within the time allowed, after every retry.</summary>
    Timeout,

    /// <summary>The host answered that nothing listens on the port (ICMP port unreachable, TCP RST).</summary>
    ConnectionRefused,

    /// <summary>Another network error (unreachable network, reset connection ...).</summary>
    NetworkError,

    /// <summary>A response arrived but is not a valid DNS message.</summary>
    Malformed,

    /// <summary>The target policy does not allow querying this address.</summary>
    Blocked,

    /// <summary>The caller cancelled.</summary>
    Cancelled,
}

/// <summary>One query and what came of it: the evidence a diagnosis cites.</summary>
public sealed record DnsExchange(DnsQuery Query, IPEndPoint Server, DnsOutcome Outcome)
{
    public DnsMessage? Response { get; init; }
    public TimeSpan Elapsed { get; init; }
    public bool OverTcp { get; init; }
    public int Attempts { get; init; }

    /// <summary>Datagrams that arrived but did not match (wrong source, ID or question) and were dropped.</summary>
    public int Ignored { get; init; }

    public string? Detail { get; init; }
    public DateTimeOffset When { get; init; }

    public int? Rcode => Response?.Rcode;

    public bool IsResponse => Outcome == DnsOutcome.Response && Response is not null;
}
