using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Bot.Dns.Presentation;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

namespace Bot.Lab.Tests;

/// <summary>
/// Our rendering against BIND's dig on the same response: a lab answer is captured once, then replayed to dig
/// by a loopback server (with dig's ID), and both renderings are compared field by field.
/// </summary>
[Collection("lab")]
public sealed partial class DigComparisonTests(LabFixture lab)
{
    public static TheoryData<string, string, string, bool, bool> Cases() => new()
    {
        { "validating", "www.ok.test.", "A", true, true },
        { "validating", "nope.ok.test.", "A", true, true },
        { "validating", "v4only.ok.test.", "AAAA", true, true },
        { "validating", "alias.ok.test.", "A", false, true },
        { "validating", "ok.test.", "MX", false, true },
        { "validating", "ok.test.", "TXT", false, true },
        { "validating", "ok.test.", "SOA", true, true },
        { "validating", "_sip._udp.ok.test.", "SRV", false, true },
        { "validating", "ok.test.", "CAA", false, true },
        { "validating", "www.ok.test.", "HTTPS", false, true },
        { "validating", "ok.test.", "DNSKEY", true, true },
        { "validating", "www.expired.test.", "A", false, true },
        { "tld", "ok.test.", "DS", true, false },
        { "root", "www.ok.test.", "A", true, false },
        { "ok", "ok.test.", "NS", true, false },
        { "ok", "nope.ok.test.", "A", true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OurRendering_AgreesWithDig_OnTheSameResponse(string server, string name, string type, bool dnssec, bool recurse)
    {
        var target = server switch
        {
            "validating" => lab.Validating,
            "tld" => LabFixture.Endpoint(lab.Json.GetProperty("tld").GetProperty("servers")[0].GetString()!),
            "root" => LabFixture.Endpoint(lab.Root),
            _ => lab.Server("ok.test"),
        };
        DnsTypeNames.TryParseType(type, out var qtype).ShouldBeTrue();
        var query = new DnsQuery(name, qtype) { DnssecOk = dnssec, RecursionDesired = recurse };
        var send = new byte[512];
        var length = query.Write(send, 1);
        var captured = await RawUdp.ExchangeAsync(send[..length], target);
        captured.ShouldNotBeNull();
        var message = DnsMessage.Parse(captured);
        var ours = DigFormatter.Format(new DnsExchange(query, target, DnsOutcome.Response) { Response = message });

        using var replay = new FakeUdpServer(new IPEndPoint(IPAddress.Loopback, 0), request =>
        {
            var copy = captured.ToArray();
            copy[0] = request[0];
            copy[1] = request[1];
            return [copy];
        });
        var theirs = await DigAsync(replay.Endpoint, name, type);

        var fields = Fields(ours);
        fields.Count.ShouldBeGreaterThanOrEqualTo(3, ours); // status, flags, EDNS, then records or EDE
        if (message.Answers.Count + message.Authorities.Count > 0)
        {
            fields.ShouldContain(f => f.StartsWith(";; ", StringComparison.Ordinal) && f.Contains("SECTION:", StringComparison.Ordinal));
        }
        else
        {
            fields.ShouldContain(f => f.StartsWith("; EDE:", StringComparison.Ordinal));
        }
        fields.ShouldBe(Fields(theirs), $"ours:\n{ours}\ndig:\n{theirs}");
    }

    /// <summary>The fields both print: status, flags and counts, the EDNS line, EDE lines, and every record (tokens).</summary>
    private static List<string> Fields(string output)
    {
        var fields = new List<string>();
        var section = "";
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith(";; ->>HEADER<<-", StringComparison.Ordinal))
            {
                fields.Add("status " + StatusPattern().Match(line).Groups[1].Value + " opcode " + OpcodePattern().Match(line).Groups[1].Value);
            }
            else if (line.StartsWith(";; flags:", StringComparison.Ordinal))
            {
                fields.Add(Collapse(line));
            }
            else if (line.StartsWith("; EDNS:", StringComparison.Ordinal) || line.StartsWith("; EDE:", StringComparison.Ordinal))
            {
                fields.Add(Collapse(line));
            }
            else if (line.StartsWith(";; ", StringComparison.Ordinal) && line.EndsWith("SECTION:", StringComparison.Ordinal))
            {
                section = line;
            }
            else if (line.Length > 0 && !line.StartsWith(';') && section.Length > 0 && !section.Contains("PSEUDOSECTION", StringComparison.Ordinal))
            {
                fields.Add(section + " " + Collapse(line));
            }
            else if (line.Length == 0)
            {
                section = "";
            }
        }

        return fields;
    }

    private static string Collapse(string s) => WhitespacePattern().Replace(s, " ");

    private static async Task<string> DigAsync(IPEndPoint server, string name, string type)
    {
        var start = new ProcessStartInfo("dig") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "@" + server.Address, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+tries=1", "+time=3", "+nocookie", "+noednsneg", name, type })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    [GeneratedRegex(@"status: ([A-Z0-9]+)")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"opcode: ([A-Z0-9]+)")]
    private static partial Regex OpcodePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
