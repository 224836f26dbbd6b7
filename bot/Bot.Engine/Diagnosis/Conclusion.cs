using Bot.Dns.Transport;
using Bot.Dns.Wire;

namespace Bot.Engine.Diagnosis;

/// <summary>
/// Turns facts into one cause id with the evidence that shows it and the checks that ruled other causes out.
/// Order matters: what the resolvers say first, then the specific reason found at the authorities.
/// </summary>
internal static class Conclusion
{
    public static (string Cause, List<Evidence> Evidence, List<string> RuledOut) Decide(Facts f)
    {
        var evidence = new List<Evidence>();
        var ruledOut = new List<string>();
        var question = $"{f.Name} {DnsTypeNames.Type(f.Type)}";
        var answered = f.Resolvers.Where(r => r.Exchange.IsResponse).ToList();
        var ns = f.Nameservers;
        var authoritative = ns.Where(n => n.State == NameserverState.Authoritative).ToList();
        var failing = ns.Where(n => n.State is NameserverState.Lame or NameserverState.Timeout or NameserverState.Unreachable).ToList();

        void Resolvers(Func<ResolverResult, bool>? which = null)
        {
            foreach (var r in f.Resolvers.Where(which ?? (_ => true)))
            {
                evidence.Add(new Evidence($"{r.Label} ({r.Endpoint})", question, Describe(r.Exchange)));
                if (r.WithCd is { } cd)
                {
                    evidence.Add(new Evidence($"{r.Label} ({r.Endpoint})", question + " +cd", Describe(cd)));
                }
            }
        }

        void Nameservers(IEnumerable<NameserverResult> list)
        {
            foreach (var n in list)
            {
                evidence.Add(new Evidence($"{n.Name} ({n.Address.Address})", $"{f.Walk.Zone} SOA +norecurse", Describe(n.Exchange)));
            }
        }

        if (answered.Count == 0)
        {
            Resolvers();
            // A resolver that stays silent may be waiting on dead authorities (unbound's discard-timeout); look there first.
            var zoneCause = ZoneFailure(ns);
            if (zoneCause is not null)
            {
                Nameservers(failing);
                return (zoneCause, evidence, ruledOut);
            }

            return ("resolver-unreachable", evidence, ruledOut);
        }

        var rcodes = answered.Select(r => r.Exchange.Response!.Rcode).ToList();
        var positive = answered.Where(r => r.Exchange.Response is { Rcode: 0 } m && m.Answers.Count > 0).ToList();
        ruledOut.Add("resolver-unreachable");

        // Any SERVFAIL is investigated, even when another resolver answers: a validating resolver failing where a
        // non-validating one succeeds is the classic DNSSEC picture.
        if (rcodes.Contains((int)DnsRcode.ServFail))
        {
            Resolvers();
            var dnssecCause = DnssecCause(f);
            var cdWorks = f.Resolvers.Any(r => r.WithCd?.Response is { Rcode: 0 or 3 });
            if (dnssecCause is not null && (cdWorks || f.Dnssec is { ParentHasDs: true }))
            {
                AddDnssecEvidence(f, evidence);
                ruledOut.Add("delegation");
                return (dnssecCause, evidence, ruledOut);
            }

            var delegationCause = ZoneFailure(ns);
            if (delegationCause is not null)
            {
                Nameservers(ns);
                if (f.Walk.MissingGlue.Count > 0)
                {
                    evidence.Add(new Evidence(f.Walk.ParentZone ?? ".", $"{f.Walk.Zone} NS", "no glue for " + string.Join(", ", f.Walk.MissingGlue)));
                }

                return (delegationCause, evidence, ruledOut);
            }

            if (authoritative.Count > 0)
            {
                ruledOut.Add("delegation");
            }

            if (cdWorks)
            {
                AddDnssecEvidence(f, evidence);
                return ("dnssec-bogus", evidence, ruledOut);
            }

            ruledOut.Add("dnssec");
            if (failing.Count > 0 && authoritative.Count > 0)
            {
                Nameservers(failing);
                return ("partially-unreachable", evidence, ruledOut);
            }

            return ("inconclusive", evidence, ruledOut);
        }

        if (positive.Count > 0)
        {
            ruledOut.Add("resolution");
            if (failing.Count > 0 && authoritative.Count > 0)
            {
                Nameservers(failing);
                return ("partially-unreachable", evidence, ruledOut);
            }

            var serials = authoritative.Select(n => n.Serial).Distinct().ToList();
            if (serials.Count > 1)
            {
                Nameservers(authoritative);
                return ("soa-serial-mismatch", evidence, ruledOut);
            }

            ruledOut.Add(authoritative.Count > 0 ? "nameservers" : "nameservers-unchecked");
            ruledOut.Add("serials");
            Resolvers(r => r.Exchange.IsResponse);
            return ("ok", evidence, ruledOut);
        }

        if (rcodes.All(r => r == (int)DnsRcode.Refused))
        {
            Resolvers();
            return ("refused", evidence, ruledOut);
        }

        if (rcodes.Contains((int)DnsRcode.NXDomain))
        {
            Resolvers(r => r.Exchange.IsResponse);
            return ("nxdomain", evidence, ruledOut);
        }

        if (rcodes.Contains(0))
        {
            Resolvers(r => r.Exchange.IsResponse);
            return ("nodata", evidence, ruledOut);
        }

        Resolvers();
        return ("inconclusive", evidence, ruledOut);
    }

    /// <summary>Every nameserver of the zone fails: lame beats silent, and silent is told apart from refused.</summary>
    private static string? ZoneFailure(IReadOnlyList<NameserverResult> ns)
    {
        if (ns.Count == 0 || ns.Any(n => n.State == NameserverState.Authoritative))
        {
            return null;
        }

        if (ns.Any(n => n.State == NameserverState.Lame))
        {
            return "lame-delegation";
        }

        if (ns.All(n => n.State == NameserverState.Timeout))
        {
            return "nameservers-timeout";
        }

        return ns.All(n => n.State is NameserverState.Timeout or NameserverState.Unreachable) ? "nameservers-unreachable" : null;
    }

    private static string? DnssecCause(Facts f)
    {
        var d = f.Dnssec;
        var ede = f.Resolvers.SelectMany(r => r.Exchange.Response?.ExtendedErrors ?? []).Select(e => e.InfoCode).ToHashSet();
        if (d is { ParentHasDs: true, ChildHasDnskey: false } && !d.SignaturesPresent)
        {
            return "dnssec-unsigned-with-ds";
        }

        if (d is { ParentHasDs: true, ChildHasDnskey: true, DsMatchesDnskey: false })
        {
            return "dnssec-ds-mismatch";
        }

        if (d is { ExpiredSignatures: > 0 } || ede.Contains(7))
        {
            return "dnssec-signature-expired";
        }

        if (d is { FutureSignatures: > 0 } || ede.Contains(8))
        {
            return "dnssec-signature-not-yet-valid";
        }

        if (ede.Contains(9))
        {
            return "dnssec-ds-mismatch";
        }

        return ede.Overlaps([1, 2, 5, 6, 10, 11, 12]) ? "dnssec-bogus" : null;
    }

    private static void AddDnssecEvidence(Facts f, List<Evidence> evidence)
    {
        if (f.Dnssec is not { } d || f.Walk.ParentZone is null)
        {
            return;
        }

        var parent = f.Walk.ParentServers.FirstOrDefault()?.Address.ToString() ?? f.Walk.ParentZone;
        var child = f.Walk.Authoritative?.Server.Address.ToString() ?? f.Walk.Nameservers.FirstOrDefault().Address?.Address.ToString() ?? f.Walk.Zone;
        evidence.Add(new Evidence($"{f.Walk.ParentZone} ({parent})", $"{f.Walk.Zone} DS +norecurse", d.DsRecords.Count > 0 ? "DS " + string.Join("; ", d.DsRecords.Select(Short)) : "no DS"));
        evidence.Add(new Evidence($"{f.Walk.Zone} ({child})", $"{f.Walk.Zone} DNSKEY +dnssec", d.DnskeyTags.Count > 0 ? "DNSKEY key tags " + string.Join(", ", d.DnskeyTags) + (d.ParentHasDs ? d.DsMatchesDnskey ? "; a DS matches" : "; no DS matches any DNSKEY" : "") : "no DNSKEY"));
        if (d.SignaturesPresent)
        {
            var state = d.ExpiredSignatures > 0 ? $"{d.ExpiredSignatures} RRSIG(s) expired" : d.FutureSignatures > 0 ? $"{d.FutureSignatures} RRSIG(s) not yet valid" : "RRSIGs within their validity window";
            evidence.Add(new Evidence($"{f.Walk.Zone} ({child})", $"{f.Name} {DnsTypeNames.Type(f.Type)} +dnssec", $"{state} (validity {d.SignatureWindow}, now {f.Now.UtcDateTime:yyyyMMddHHmmss})"));
        }
    }

    private static string Short(string ds) => ds.Length <= 40 ? ds : ds[..40] + "…";

    /// <summary>One line for an exchange: status, flags, EDE, or the client outcome.</summary>
    public static string Describe(DnsExchange e)
    {
        if (e.Response is not { } m)
        {
            return e.Outcome switch
            {
                DnsOutcome.Timeout => "timeout" + (e.Detail is null ? "" : $" ({e.Detail})"),
                DnsOutcome.ConnectionRefused => "connection refused: nothing listens on port 53",
                DnsOutcome.Blocked => "not queried: " + e.Detail,
                DnsOutcome.Cancelled => "not completed: " + (e.Detail ?? "deadline reached"),
                _ => $"{e.Outcome}: {e.Detail}",
            };
        }

        var flags = string.Join(' ', m.Header.FlagNames());
        var ede = string.Join("", m.ExtendedErrors.Select(x => $", EDE {x.InfoCode}{(x.ExtraText.Length > 0 ? $" ({x.ExtraText})" : "")}"));
        var soa = m.Answers.Select(a => a.Data).OfType<Bot.Dns.Records.SoaRdata>().FirstOrDefault();
        var answer = soa is not null ? $", SOA serial {soa.Serial}" : m.Answers.Count > 0 ? $", {m.Answers.Count} answer(s)" : m.Rcode == 0 ? ", no answer" : "";
        return $"{m.Status} [{flags}]{ede}{answer}{(e.OverTcp ? " over TCP" : "")}, {e.Elapsed.TotalMilliseconds:F0} ms";
    }
}
