using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Adapters.Discord;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Discord;

/// <summary>
/// Renders typical answers and compares the indented JSON with tests/Bot.Adapters.Tests/Golden/discord-*.json.
/// Set UPDATE_GOLDEN=1 to (re)write the files, then read the diff before committing it.
/// </summary>
public sealed class DiscordGoldenTests
{
    // Relaxed escaping keeps the files readable; the zero-width space is written as \u200B so it stays visible.
    private static readonly DiscordJsonContext Indented = new(new JsonSerializerOptions(DiscordJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [Fact]
    public void Servfail_code_answer() => Check("discord-rcode-servfail.json", SampleAnswers.Servfail(), "/rcode 2");

    [Fact]
    public void Servfail_fix_steps() => Check("discord-rcode-servfail-fix.json", SampleAnswers.Servfail(), "/rcode 2", focusFix: true);

    [Fact]
    public void Compare_answer() => Check("discord-compare-servfail-refused.json", SampleAnswers.Compare(), "/compare SERVFAIL REFUSED");

    [Fact]
    public void Dig_answer() => Check("discord-dig-dnssec-expired.json", SampleAnswers.Dig(), "/dig api.example.com A");

    internal static string Json(DiscordMessage message) =>
        JsonSerializer.Serialize(message, Indented.DiscordMessage).Replace("\u200B", "\\u200B", StringComparison.Ordinal) + "\n";

    private static void Check(string file, Answer answer, string command, bool focusFix = false)
    {
        var actual = Json(new DiscordRenderer(Knowledge.Ui).Render(answer, command, focusFix));
        var path = Path.Combine(GoldenDirectory(), file);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run the tests once with UPDATE_GOLDEN=1 and review the file");
        actual.ShouldBe(File.ReadAllText(path).ReplaceLineEndings("\n"), $"{file} differs; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff");
    }

    /// <summary>The Golden folder in the source tree (so UPDATE_GOLDEN writes the checked-in files).</summary>
    private static string GoldenDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Bot.Adapters.Tests", "Golden");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "Golden");
    }
}

/// <summary>Hand-built answers shaped like the engine's (text taken from the knowledge base, shortened).</summary>
internal static class SampleAnswers
{
    public static Answer Servfail(Locale locale = Locale.En) => new()
    {
        Intent = "code",
        Locale = locale,
        Title = "SERVFAIL (RCODE 2) — Server failure",
        Summary = "The server could not produce an answer because something failed while it worked on the query – nearly always a recursive resolver that could not get a usable answer from the authoritative servers. SERVFAIL says nothing about whether the name exists.",
        Severity = Severity.Error,
        Codes = ["dns:rcode:2"],
        Facts =
        [
            new Fact("Name", "SERVFAIL"),
            new Fact("Code", "2"),
            new Fact("Registry", "DNS RCODE"),
            new Fact("Defined in", "RFC 1035 §4.1.1, RFC 4035 §5.5, RFC 2308 §7.1"),
        ],
        Sections =
        [
            new AnswerSection("meaning", "What it means", SectionKind.Paragraph,
            [
                "RFC 1035 defines RCODE 2 as a problem inside the name server that kept it from processing the query. In practice it comes from recursive resolvers and means \"I tried and could not obtain a trustworthy answer\": the authoritative servers were unreachable, lame or sent unusable replies, or the answer failed DNSSEC validation (RFC 4035 requires SERVFAIL for bogus data).",
            ]),
            new AnswerSection("when", "When you see it", SectionKind.Bullets,
            [
                "DNSSEC validation failure (bogus): RRSIGs expired because re-signing stopped, or a DS at the parent matches no DNSKEY. Typically EDE 6, 7, 9 or 10, and `dig +cd` succeeds.",
                "Lame delegation: the NS records at the parent point to servers that do not serve the zone (they answer REFUSED or without `aa`).",
                "All authoritative servers unreachable: servers down, wrong glue, or a firewall dropping port 53 (EDE 22 No Reachable Authority).",
                "A cached failure: the resolver replays the error from its failure cache for some time after the cause was fixed (EDE 13 Cached Error).",
            ]),
            new AnswerSection("fix", "How to fix it", SectionKind.Steps,
            [
                "Repeat with validation disabled: `dig +cd example.com A @192.0.2.53`. NOERROR with data now means DNSSEC is broken for the zone; `delv example.com A` prints the reason.",
                "Read the EDE line in the OPT pseudosection: `; EDE: 7 (Signature Expired)` or `; EDE: 22 (No Reachable Authority)` names the cause.",
                "Compare DS and DNSKEY: `dig +norecurse DS example.com @a.gtld-servers.net` against `dig +multi DNSKEY example.com @ns1.example.net`; the DS key tag must equal the `key id` of a KSK the child publishes.",
                "Walk the delegation with `dig +trace example.com`, then ask every listed NS directly: `dig +norecurse SOA example.com @ns1.example.net`. Expect `aa` and the same serial everywhere.",
                "After fixing the cause, clear the cached failures: `rndc flushtree example.com`, or `unbound-control flush_bogus` and `unbound-control flush_zone example.com`.",
            ]),
            new AnswerSection("wire", "On the wire", SectionKind.Paragraph,
            [
                "Value 2 in the 4-bit RCODE field of the header; dig prints `status: SERVFAIL`, usually with `ANSWER: 0` and without the `aa` flag. The reason, if the resolver gives one, is an Extended DNS Error (EDNS option 15).",
            ]),
            new AnswerSection("equivalents", "In other protocols", SectionKind.Bullets,
            [
                "HTTP 502 Bad Gateway: A gateway got an invalid or unusable reply from upstream, as a resolver does with bogus DNSSEC data or a lame server.",
                "HTTP 504 Gateway Timeout: A gateway gave up waiting for upstream, like a resolver whose authoritative servers all time out.",
                "gRPC 14 Unavailable: UNAVAILABLE is the transient, retryable failure to reach a backend, the closest match to a resolver's SERVFAIL.",
            ]),
            new AnswerSection("related", "Related", SectionKind.Bullets,
            [
                "REFUSED (RCODE 5): The server understood the request but will not perform it for policy reasons.",
                "NXDOMAIN (RCODE 3): The name does not exist – no records of any type – according to the authoritative servers of the zone.",
                "DNSSEC Bogus (EDE 6): DNSSEC validation failed: the signatures, keys or proofs did not check out, so the resolver returned SERVFAIL.",
                "No Reachable Authority (EDE 22): The resolver could not get a usable answer from any authoritative server of the zone.",
            ]),
        ],
        Links =
        [
            new AnswerLink("DNS RCODEs explained", "http://127.0.0.1:5080/guides/rcodes", LinkKind.Guide),
            new AnswerLink("DNSSEC for operators", "http://127.0.0.1:5080/guides/dnssec", LinkKind.Guide),
            new AnswerLink("RFC 1035 §4.1.1", "https://www.rfc-editor.org/rfc/rfc1035#section-4.1.1", LinkKind.Rfc),
            new AnswerLink("RFC 4035 §5.5", "https://www.rfc-editor.org/rfc/rfc4035#section-5.5", LinkKind.Rfc),
        ],
        Actions =
        [
            new AnswerAction("Compare with REFUSED (RCODE 5)", "/compare SERVFAIL REFUSED"),
            new AnswerAction("Compare with NXDOMAIN (RCODE 3)", "/compare SERVFAIL NXDOMAIN"),
            new AnswerAction("Guide: DNS RCODEs explained", "/guide rcodes"),
        ],
    };

    public static Answer Compare() => new()
    {
        Intent = "compare",
        Locale = Locale.En,
        Title = "SERVFAIL vs REFUSED",
        Summary = "SERVFAIL means the server tried and could not get a usable answer; REFUSED means it decided not to handle your request at all. The first is usually temporary and upstream, the second is policy.",
        Severity = Severity.Error,
        Codes = ["dns:rcode:2", "dns:rcode:5"],
        Facts = [new Fact("A", "SERVFAIL (RCODE 2)"), new Fact("B", "REFUSED (RCODE 5)")],
        Sections =
        [
            new AnswerSection("differences", "Key differences", SectionKind.Bullets,
            [
                "SERVFAIL comes after an attempt: unreachable or lame authoritative servers, DNSSEC validation failure. REFUSED is decided before any work: recursion not offered, ACL, zone not served.",
                "SERVFAIL often arrives after seconds of upstream timeouts; REFUSED comes back immediately.",
                "Typical EDE: with SERVFAIL 6–12, 22 or 23; with REFUSED 18 (Prohibited) or 20 (Not Authoritative).",
            ]),
            new AnswerSection("tell", "How to tell them apart", SectionKind.Paragraph,
            [
                "Look at the flags of `dig @192.0.2.53 example.com A`: REFUSED without `ra` means no recursion for you – try `dig @1.1.1.1 example.com A`. For SERVFAIL run `dig +cd` (an answer now means DNSSEC) and `dig +trace example.com`.",
            ]),
            new AnswerSection("fix", "How to fix it", SectionKind.Bullets,
            [
                "SERVFAIL: Repeat with validation disabled: `dig +cd example.com A @192.0.2.53`.",
                "REFUSED: Read the EDE: `; EDE: 18 (Prohibited)` points to an ACL; `; EDE: 20 (Not Authoritative)` means the server does not serve that zone.",
            ]),
        ],
        Links =
        [
            new AnswerLink("DNS RCODEs explained", "http://127.0.0.1:5080/guides/rcodes", LinkKind.Guide),
            new AnswerLink("RFC 1035 §4.1.1", "https://www.rfc-editor.org/rfc/rfc1035#section-4.1.1", LinkKind.Rfc),
        ],
        Actions = [new AnswerAction("SERVFAIL (RCODE 2)", "/rcode 2"), new AnswerAction("REFUSED (RCODE 5)", "/rcode 5")],
    };

    public static Answer Dig() => new()
    {
        Intent = "dig",
        Locale = Locale.En,
        Title = "api.example.com A — DNSSEC signatures expired",
        Summary = "The zone's RRSIGs are past their expiration time, so validating resolvers return SERVFAIL; with checking disabled (+cd) the data is there.",
        Severity = Severity.Error,
        Codes = ["dns:rcode:2", "dns:ede:7"],
        Facts =
        [
            new Fact("Question", "api.example.com A"),
            new Fact("Zone", "example.com"),
            new Fact("Queries sent", "14, 412 ms"),
        ],
        Sections =
        [
            new AnswerSection("resolvers", "What each resolver says", SectionKind.Code,
            [
                "resolver               status    flags        EDE    answer                                 time",
                "1.1.1.1                SERVFAIL  qr rd ra     7                                             38 ms",
                "  +cd                  NOERROR   qr rd ra cd         192.0.2.10                             41 ms",
                "8.8.8.8                SERVFAIL  qr rd ra     7                                             52 ms",
            ]),
            new AnswerSection("evidence", "Evidence", SectionKind.Bullets,
            [
                "`1.1.1.1` · `api.example.com A` → SERVFAIL, EDE 7 (Signature Expired)",
                "`1.1.1.1` · `api.example.com A +cd` → NOERROR 192.0.2.10",
                "`ns1.example.com` · `example.com SOA +dnssec` → RRSIG expired 2025-11-20 00:00:00",
            ]),
            new AnswerSection("ruledout", "Checked and fine", SectionKind.Bullets,
            [
                "The delegation is intact: the zone's nameservers answer authoritatively.",
                "All nameservers serve the same SOA serial.",
            ]),
            new AnswerSection("fix", "How to fix it", SectionKind.Steps,
            [
                "Re-sign the zone now (`rndc sign example.com` or your signer's equivalent) and check the new RRSIG expiration with `dig +dnssec SOA example.com @ns1.example.com`.",
                "Find out why automatic re-signing stopped (signer down, key files unreadable, cron job gone) before the next expiry.",
                "Flush the failure from resolvers you run: `rndc flushtree example.com` or `unbound-control flush_bogus`.",
            ]),
            new AnswerSection("dig", "dig api.example.com A @1.1.1.1", SectionKind.Code,
            [
                "; <<>> DiG 9.18 <<>> api.example.com A @1.1.1.1",
                ";; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 4242",
                ";; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1",
                "",
                ";; OPT PSEUDOSECTION:",
                "; EDNS: version: 0, flags:; udp: 1232",
                "; EDE: 7 (Signature Expired)",
                ";; QUESTION SECTION:",
                ";api.example.com.\t\tIN\tA",
            ]),
        ],
        Links = [new AnswerLink("DNSSEC for operators", "http://127.0.0.1:5080/guides/dnssec", LinkKind.Guide)],
        Actions =
        [
            new AnswerAction("Trace the delegation", "/dig api.example.com A +trace"),
            new AnswerAction("Check with +cd", "/dig api.example.com A +cd"),
            new AnswerAction("Signature Expired (EDE 7)", "/ede 7"),
        ],
        Diagnosis = new DiagnosisSummary("dnssec-signature-expired",
            [new EvidenceItem("1.1.1.1", "api.example.com A", "SERVFAIL, EDE 7")], ["delegation", "serials"], "example.com", 14, 412),
    };
}
