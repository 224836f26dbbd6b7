using System.Net;
using Bot.Dns.Transport;

namespace Bot.Engine.Diagnosis;

/// <summary>One query that showed something: which server, what was asked, what came back.</summary>
public sealed record Evidence(string Server, string Question, string Result);

/// <summary>What one resolver said, and what it said again with checking disabled.</summary>
public sealed record ResolverResult(string Label, IPEndPoint Endpoint, DnsExchange Exchange, DnsExchange? WithCd);

/// <summary>One step of the delegation walk: which servers were asked and where they sent us.</summary>
public sealed record DelegationStep(string Zone, IReadOnlyList<string> Servers, string Outcome);

/// <summary>What one nameserver address of the zone said to an SOA query (RD=0).</summary>
public sealed record NameserverResult(string Name, IPEndPoint Address, NameserverState State, uint? Serial, DnsExchange Exchange);

public enum NameserverState
{
    Authoritative,
    Lame,
    Timeout,
    Unreachable,
    Blocked,
}

/// <summary>The DNSSEC facts gathered from the authoritatives (not from a validator).</summary>
public sealed record DnssecFacts
{
    public bool ParentHasDs { get; init; }
    public IReadOnlyList<string> DsRecords { get; init; } = [];
    public IReadOnlyList<string> DnskeyTags { get; init; } = [];
    public bool ChildHasDnskey { get; init; }
    public bool DsMatchesDnskey { get; init; }
    public bool SignaturesPresent { get; init; }
    public int ExpiredSignatures { get; init; }
    public int FutureSignatures { get; init; }
    public string? SignatureWindow { get; init; }
}

/// <summary>The result of a live check: the cause, the evidence, and everything observed on the way.</summary>
public sealed record DiagnosisReport
{
    public required string Name { get; init; }
    public required ushort Type { get; init; }
    public required string Cause { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    public IReadOnlyList<string> RuledOut { get; init; } = [];
    public IReadOnlyList<ResolverResult> Resolvers { get; init; } = [];
    public IReadOnlyList<DelegationStep> Delegation { get; init; } = [];
    public string? Zone { get; init; }
    public IReadOnlyList<NameserverResult> Nameservers { get; init; } = [];
    public DnssecFacts? Dnssec { get; init; }
    public IReadOnlyList<int> RcodesSeen { get; init; } = [];
    public IReadOnlyList<int> EdeSeen { get; init; } = [];
    public int Queries { get; init; }
    public TimeSpan Elapsed { get; init; }
    public bool BudgetExhausted { get; init; }
}
