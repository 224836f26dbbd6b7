using System.Globalization;
using System.Text;
using Bot.Dns.Records;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

namespace Bot.Dns.Presentation;

/// <summary>
/// Renders an exchange the way BIND's dig does: header line, flags and counts, OPT pseudosection (EDNS version,
/// flags, udp, EDE with text, NSID, cookie), the sections in presentation format, query time and server.
/// </summary>
public static class DigFormatter
{
    public static string Format(DnsExchange exchange, bool includeStatistics = true)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var sb = new StringBuilder(1024);
        var server = $"{exchange.Server.Address}#{exchange.Server.Port.ToString(CultureInfo.InvariantCulture)}({exchange.Server.Address})";
        if (exchange.Response is not { } m)
        {
            sb.Append(";; ").AppendLine(exchange.Outcome switch
            {
                DnsOutcome.Timeout => $"communications error to {server}: timed out",
                DnsOutcome.ConnectionRefused => $"communications error to {server}: connection refused",
                DnsOutcome.Blocked => $"not sent to {server}: {exchange.Detail}",
                DnsOutcome.Malformed => $"malformed response from {server}: {exchange.Detail}",
                _ => $"no response from {server}: {exchange.Detail ?? exchange.Outcome.ToString()}",
            });
            return sb.ToString();
        }

        var h = m.Header;
        sb.Append(";; ->>HEADER<<- opcode: ").Append(DnsTypeNames.Opcode(h.Opcode))
          .Append(", status: ").Append(m.Status)
          .Append(", id: ").Append(h.Id.ToString(CultureInfo.InvariantCulture)).AppendLine();
        sb.Append(";; flags:");
        foreach (var flag in h.FlagNames())
        {
            sb.Append(' ').Append(flag);
        }

        sb.Append("; QUERY: ").Append(h.QdCount.ToString(CultureInfo.InvariantCulture))
          .Append(", ANSWER: ").Append(h.AnCount.ToString(CultureInfo.InvariantCulture))
          .Append(", AUTHORITY: ").Append(h.NsCount.ToString(CultureInfo.InvariantCulture))
          .Append(", ADDITIONAL: ").Append(h.ArCount.ToString(CultureInfo.InvariantCulture)).AppendLine();

        if (m.Edns is { } edns)
        {
            sb.AppendLine().AppendLine(";; OPT PSEUDOSECTION:");
            sb.Append("; EDNS: version: ").Append(edns.Version.ToString(CultureInfo.InvariantCulture)).Append(", flags:");
            if (edns.DnssecOk)
            {
                sb.Append(" do");
            }

            sb.Append("; udp: ").Append(edns.UdpPayloadSize.ToString(CultureInfo.InvariantCulture)).AppendLine();
            foreach (var option in edns.Options)
            {
                sb.AppendLine(option switch
                {
                    ExtendedError e => $"; EDE: {e.InfoCode.ToString(CultureInfo.InvariantCulture)}{EdeName(e.InfoCode)}{(e.ExtraText.Length > 0 ? $": ({e.ExtraText})" : "")}",
                    NsidOption n => $"; NSID: {n.Display()}",
                    CookieOption c => $"; COOKIE: {c.Display()}",
                    UnknownOption u => "; " + u.Display(),
                    _ => "; OPT",
                });
            }
        }

        if (m.Questions.Count > 0)
        {
            sb.AppendLine(";; QUESTION SECTION:");
            foreach (var q in m.Questions)
            {
                sb.Append(';').Append(Pad(q.Name, 31)).Append(DnsTypeNames.Class(q.Class)).Append('\t').AppendLine(DnsTypeNames.Type(q.Type));
            }
        }

        Section(sb, "ANSWER", m.Answers);
        Section(sb, "AUTHORITY", m.Authorities);
        var additional = m.Additionals.Where(r => r.Data is not TsigRdata).ToList();
        Section(sb, "ADDITIONAL", additional);
        if (m.Additionals.LastOrDefault() is { Data: TsigRdata } tsig)
        {
            sb.AppendLine().AppendLine(";; TSIG PSEUDOSECTION:").AppendLine(Line(tsig));
        }

        if (includeStatistics)
        {
            sb.AppendLine().Append(";; Query time: ").Append(((int)exchange.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).AppendLine(" msec");
            sb.Append(";; SERVER: ").Append(server).Append(exchange.OverTcp ? " (TCP)" : " (UDP)").AppendLine();
            sb.Append(";; WHEN: ").AppendLine(exchange.When.UtcDateTime.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture));
            sb.Append(";; MSG SIZE  rcvd: ").Append(m.Size.ToString(CultureInfo.InvariantCulture)).AppendLine();
        }

        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<DnsRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        sb.AppendLine().Append(";; ").Append(title).AppendLine(" SECTION:");
        foreach (var r in records)
        {
            sb.AppendLine(Line(r));
        }
    }

    /// <summary>A record the way dig lays it out: owner padded to a tab stop, TTL, class, type, data.</summary>
    public static string Line(DnsRecord r) =>
        $"{Pad(r.Name, 24)}{r.Ttl.ToString(CultureInfo.InvariantCulture)}\t{DnsTypeNames.Class(r.Class)}\t{DnsTypeNames.Type(r.Type)}\t{r.Data.ToPresentation()}";

    private static string Pad(string text, int column)
    {
        var sb = new StringBuilder(text).Append('\t');
        var width = ((text.Length / 8) + 1) * 8;
        while (width < column)
        {
            sb.Append('\t');
            width += 8;
        }

        return sb.ToString();
    }

    /// <summary>dig prints the registered name in parentheses for the EDE codes it knows.</summary>
    private static string EdeName(ushort code) => code switch
    {
        0 => " (Other Error)", 1 => " (Unsupported DNSKEY Algorithm)", 2 => " (Unsupported DS Digest Type)", 3 => " (Stale Answer)",
        4 => " (Forged Answer)", 5 => " (DNSSEC Indeterminate)", 6 => " (DNSSEC Bogus)", 7 => " (Signature Expired)",
        8 => " (Signature Not Yet Valid)", 9 => " (DNSKEY Missing)", 10 => " (RRSIGs Missing)", 11 => " (No Zone Key Bit Set)",
        12 => " (NSEC Missing)", 13 => " (Cached Error)", 14 => " (Not Ready)", 15 => " (Blocked)", 16 => " (Censored)",
        17 => " (Filtered)", 18 => " (Prohibited)", 19 => " (Stale NXDOMAIN Answer)", 20 => " (Not Authoritative)",
        21 => " (Not Supported)", 22 => " (No Reachable Authority)", 23 => " (Network Error)", 24 => " (Invalid Data)",
        _ => "",
    };
}
