using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Engine.Triage;

/// <summary>
/// Reads the output of dig, kdig, drill, host and nslookup. Each tool prints the same facts a little differently;
/// the patterns below cover the forms of BIND 9.16–9.20 dig, Knot 3.x kdig, ldns drill, host and nslookup
/// (BIND and Windows).
/// </summary>
internal static partial class DnsOutputParser
{
    public static DnsOutput? Parse(string text)
    {
        var header = Header().Match(text);
        if (header.Success)
        {
            return ParseDigLike(text, header);
        }

        if (HostNotFound().Match(text) is { Success: true } host)
        {
            return new DnsOutput { Tool = "host", Status = host.Groups["status"].Value.ToUpperInvariant(), Name = host.Groups["name"].Value.TrimEnd('.') };
        }

        if (NslookupNotFound().Match(text) is { Success: true } ns)
        {
            return new DnsOutput
            {
                Tool = "nslookup",
                Status = NslookupStatus(ns.Groups["status"].Value),
                Name = ns.Groups["name"].Value.TrimEnd('.'),
                Server = NslookupServer().Match(text) is { Success: true } s ? s.Groups["server"].Value : null,
            };
        }

        if (TimedOut().IsMatch(text))
        {
            var tool = text.Contains("nslookup", StringComparison.OrdinalIgnoreCase) || text.Contains("Server:", StringComparison.Ordinal) ? "nslookup" : "dig";
            return new DnsOutput { Tool = tool, TimedOut = true, Server = ServerLine().Match(text) is { Success: true } s ? s.Groups["server"].Value : null };
        }

        return null;
    }

    private static DnsOutput ParseDigLike(string text, Match header)
    {
        var tool = text.Contains(";; Flags:", StringComparison.Ordinal) || text.Contains(";; From ", StringComparison.Ordinal) ? "kdig"
            : header.Groups["kw"].Value == "rcode" ? "drill"
            : "dig";
        var flags = Flags().Match(text);
        var ede = Ede().Matches(text)
            .Select(m => (int.Parse(m.Groups["code"].Value, CultureInfo.InvariantCulture), m.Groups["text"].Value.Trim().Trim('\'', '(', ')', ' ')))
            .DistinctBy(e => e.Item1)
            .ToList();
        var question = Question().Match(text);
        var server = ServerLine().Match(text);
        var from = KdigFrom().Match(text);
        return new DnsOutput
        {
            Tool = tool,
            Status = header.Groups["status"].Value.ToUpperInvariant(),
            FlagsSeen = flags.Success,
            Flags = flags.Success ? [.. flags.Groups["flags"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.ToLowerInvariant())] : [],
            Answers = flags.Success ? int.Parse(flags.Groups["an"].Value, CultureInfo.InvariantCulture) : null,
            Ede = ede,
            Name = question.Success ? question.Groups["name"].Value.TrimEnd('.') : null,
            Type = question.Success ? question.Groups["type"].Value.ToUpperInvariant() : null,
            Server = server.Success ? server.Groups["server"].Value : from.Success ? from.Groups["server"].Value : null,
            TimedOut = TimedOut().IsMatch(text),
        };
    }

    private static string NslookupStatus(string text) => text.Trim().ToUpperInvariant() switch
    {
        "NON-EXISTENT DOMAIN" => "NXDOMAIN",
        "SERVER FAILED" => "SERVFAIL",
        "QUERY REFUSED" => "REFUSED",
        "NO ANSWER" => "NODATA",
        "FORMAT ERROR" => "FORMERR",
        "NOT IMPLEMENTED" => "NOTIMP",
        var s => s,
    };

    // dig: ";; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 1"; kdig uses ';', drill says "rcode:".
    [GeneratedRegex(@"->>HEADER<<-\s*opcode:\s*\w+[,;]\s*(?<kw>status|rcode):\s*(?<status>[A-Za-z0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^;;\s*[Ff]lags:\s*(?<flags>[a-z ]*?)\s*;\s*QUERY:\s*\d+[,;]\s*ANSWER:\s*(?<an>\d+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Flags();

    // dig: "; EDE: 9 (DNSKEY Missing): (text)"; kdig: ";; EDE: 22 (No Reachable Authority): 'text'".
    [GeneratedRegex(@"^;{1,2}\s*EDE:\s*(?<code>\d{1,5})(?:\s*\([^)\r\n]*\))?:?(?<text>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Ede();

    [GeneratedRegex(@"QUESTION SECTION:\s*\r?\n;{1,2}\s*(?<name>\S+)\s+(?:\d+\s+)?(?:IN|CH|HS)\s+(?<type>[A-Za-z0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Question();

    [GeneratedRegex(@"^;;\s*SERVER:\s*(?<server>[0-9A-Fa-f:.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"^;;\s*From\s+(?<server>[0-9A-Fa-f:.]+)@\d+", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex KdigFrom();

    [GeneratedRegex(@"connection timed out; no servers could be reached|communications error to \S+: timed out|failed to query server", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimedOut();

    // host: "Host nope.example.com not found: 3(NXDOMAIN)".
    [GeneratedRegex(@"Host (?<name>\S+) not found: \d+\((?<status>[A-Z]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex HostNotFound();

    // nslookup (BIND): "** server can't find x: NXDOMAIN"; Windows: "*** dns.example can't find x: Non-existent domain".
    [GeneratedRegex(@"\*\*\*? (?:server|[^\s]+) can'?t find (?<name>[^\s:]+): (?<status>[A-Za-z -]+?)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NslookupNotFound();

    [GeneratedRegex(@"^Server:\s*(?<server>\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex NslookupServer();
}
