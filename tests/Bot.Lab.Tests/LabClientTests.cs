using System.Net;
using System.Security.Cryptography;
using Bot.Dns.Records;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

namespace Bot.Lab.Tests;

/// <summary>Our DNS client against real servers: every RCODE the lab can produce, TCP fallback, cookies, policy.</summary>
[Collection("lab")]
public sealed class LabClientTests(LabFixture lab)
{
    private readonly DnsClient _client = LabFixture.Client();

    [Fact]
    public async Task ValidatingResolver_AnswersNoerrorWithAd()
    {
        var e = await _client.QueryAsync(new DnsQuery(lab.Name("ok"), (ushort)DnsType.A), lab.Validating);
        e.Outcome.ShouldBe(DnsOutcome.Response);
        e.Response!.Status.ShouldBe("NOERROR");
        e.Response.Header.Ad.ShouldBeTrue();
        e.Response.Answers.Select(a => a.Data).OfType<ARdata>().Single().Address.ShouldBe(IPAddress.Parse("192.0.2.10"));
    }

    [Fact]
    public async Task NxdomainAndNodata_AreTold()
    {
        (await _client.QueryAsync(new DnsQuery(lab.Name("nxdomain"), (ushort)DnsType.A), lab.Validating)).Response!.Status.ShouldBe("NXDOMAIN");
        var nodata = await _client.QueryAsync(new DnsQuery(lab.Name("nodata"), (ushort)DnsType.AAAA), lab.Validating);
        nodata.Response!.Rcode.ShouldBe(0);
        nodata.Response.Answers.ShouldBeEmpty();
        nodata.Response.Authorities.ShouldContain(r => r.Data is SoaRdata);
    }

    [Fact]
    public async Task TruncatedAnswer_IsRepeatedOverTcp()
    {
        var e = await _client.QueryAsync(new DnsQuery(lab.Name("truncated"), (ushort)DnsType.TXT), lab.Validating);
        e.OverTcp.ShouldBeTrue();
        e.Response!.Header.Tc.ShouldBeFalse();
        e.Response.Answers.Count.ShouldBeGreaterThan(1);
        e.Response.Size.ShouldBeGreaterThan(1232);
    }

    [Fact]
    public async Task ExpiredSignatures_GiveServfail_AndNoerrorWithCd()
    {
        var e = await _client.QueryAsync(new DnsQuery(lab.Name("expired"), (ushort)DnsType.A), lab.Validating);
        e.Response!.Status.ShouldBe("SERVFAIL");
        e.Response.ExtendedErrors.Select(x => (int)x.InfoCode).ShouldBeSubsetOf([6, 7]);
        var cd = await _client.QueryAsync(new DnsQuery(lab.Name("expired"), (ushort)DnsType.A) { CheckingDisabled = true }, lab.Validating);
        cd.Response!.Status.ShouldBe("NOERROR");
    }

    [Fact]
    public async Task StatusOpcode_IsNotimp()
    {
        var e = await _client.QueryAsync(new DnsQuery("ok.test.", (ushort)DnsType.SOA) { Opcode = 2, RecursionDesired = false }, lab.Server("ok.test"));
        e.Response!.Status.ShouldBe("NOTIMP");
    }

    [Fact]
    public async Task EdnsVersion1_IsBadvers_FromTheOptRecord()
    {
        var e = await _client.QueryAsync(new DnsQuery("ok.test.", (ushort)DnsType.SOA) { EdnsVersion = 1, RecursionDesired = false }, lab.Server("ok.test"));
        e.Response!.Header.Rcode.ShouldBe(0);
        e.Response.Rcode.ShouldBe(16);
        e.Response.Status.ShouldBe("BADVERS");
    }

    [Fact]
    public async Task TwoQuestions_AreFormerr()
    {
        var query = new DnsQuery("ok.test.", (ushort)DnsType.SOA) { Edns = false, RecursionDesired = false };
        var one = new byte[512];
        var length = query.Write(one, 4242);
        var question = one.AsSpan(12, length - 12).ToArray();
        byte[] two = [.. one.AsSpan(0, length), .. question];
        two[5] = 2; // QDCOUNT = 2
        var reply = await RawUdp.ExchangeAsync(two, lab.Server("ok.test"));
        reply.ShouldNotBeNull();
        DnsMessage.Parse(reply).Status.ShouldBe("FORMERR");
    }

    [Fact]
    public async Task LameServer_RefusesTheZone()
    {
        var e = await _client.QueryAsync(new DnsQuery(lab.Name("lame"), (ushort)DnsType.A) { RecursionDesired = false }, lab.Server("lame.test"));
        e.Response!.Status.ShouldBe("REFUSED");
        e.Response.Header.Aa.ShouldBeFalse();
    }

    [Theory]
    [InlineData("no-such-key.", 17)] // a key the server does not have: BADKEY
    [InlineData("lab-key.", 16)]     // the server's key, but a MAC made with another secret: BADSIG
    public async Task UpdateWithWrongTsig_IsNotauth_WithTheTsigErrorInTheRecord(string keyName, int tsigError)
    {        var update = TsigUpdate("update.test.", keyName, RandomNumberGenerator.GetBytes(32));
        var reply = await RawUdp.ExchangeAsync(update, LabFixture.Endpoint(lab.Json.GetProperty("zones").GetProperty("update.test").GetProperty("servers")[0].GetString()!));
        reply.ShouldNotBeNull();
        var m = DnsMessage.Parse(reply);
        m.Status.ShouldBe("NOTAUTH");
        m.Tsig.ShouldNotBeNull();
        m.Tsig.Error.ShouldBe((ushort)tsigError);
        TsigRdata.ErrorName(m.Tsig.Error).ShouldBe(tsigError == 16 ? "BADSIG" : "BADKEY");
    }

    [Fact]
    public async Task NothingListening_IsConnectionRefused_NotATimeout()
    {
        var e = await _client.QueryAsync(new DnsQuery(lab.Name("unreachable"), (ushort)DnsType.A) { RecursionDesired = false }, lab.Server("unreachable.test"));
        e.Outcome.ShouldBe(DnsOutcome.ConnectionRefused);
        var tcp = await _client.QueryAsync(new DnsQuery(lab.Name("unreachable"), (ushort)DnsType.A), lab.Server("unreachable.test"), tcp: true);
        tcp.Outcome.ShouldBe(DnsOutcome.ConnectionRefused);
    }

    [Fact]
    public async Task SilentServer_IsATimeout_AfterTheRetries()
    {
        using var hole = new FakeUdpServer(new IPEndPoint(IPAddress.Loopback, 0), _ => []);
        var client = LabFixture.Client(TimeSpan.FromMilliseconds(200));
        var e = await client.QueryAsync(new DnsQuery("example.test.", 1), hole.Endpoint);
        e.Outcome.ShouldBe(DnsOutcome.Timeout);
        e.Attempts.ShouldBe(2);
        hole.Received.ShouldBe(2);
    }

    [Fact]
    public async Task ResponsesWithTheWrongIdOrQuestion_AreDroppedAndCounted()
    {
        using var spoofer = new FakeUdpServer(new IPEndPoint(IPAddress.Loopback, 0), request =>
        {
            var id = (ushort)((request[0] << 8) | request[1]);
            var q = DnsMessage.Parse(request).Questions[0];
            return
            [
                Reply((ushort)(id + 1), q.Name, "192.0.2.66"),  // wrong ID
                Reply(id, "evil.example.", "192.0.2.66"),       // wrong question
                Reply(id, q.Name, "192.0.2.1"),                 // the real answer
            ];
        });
        var e = await _client.QueryAsync(new DnsQuery("www.example.test.", 1), spoofer.Endpoint);
        e.Outcome.ShouldBe(DnsOutcome.Response);
        e.Ignored.ShouldBe(2);
        e.Response!.Answers.Single().Data.ToPresentation().ShouldBe("192.0.2.1");
    }

    [Fact]
    public async Task Cookie_IsSentAndTheServerCookieRead()
    {
        var e = await _client.QueryAsync(new DnsQuery("ok.test.", (ushort)DnsType.SOA) { RecursionDesired = false, ClientCookie = RandomNumberGenerator.GetBytes(8) }, lab.Server("ok.test", 1));
        e.Response!.Edns!.Cookie.ShouldNotBeNull();
        e.Response.Edns.Cookie.Server.Length.ShouldBeInRange(8, 32);
    }

    [Fact]
    public async Task BlockedTargets_AreNotQueried()
    {
        var strict = new DnsClient(new TargetPolicy([]));
        var e = await strict.QueryAsync(new DnsQuery("ok.test.", 1), lab.Validating);
        e.Outcome.ShouldBe(DnsOutcome.Blocked);
    }

    private static byte[] Reply(ushort id, string name, string address)
    {
        var buffer = new byte[512];
        var w = new DnsWriter(buffer, new int[8], 12);
        new DnsHeader(id, 0x8180, 1, 1, 0, 0).Write(buffer);
        w.WriteName(name);
        w.WriteU16(1);
        w.WriteU16(1);
        w.WriteName(name);
        w.WriteU16(1);
        w.WriteU16(1);
        w.WriteU32(60);
        w.WriteU16(4);
        w.WriteBytes(IPAddress.Parse(address).GetAddressBytes());
        return buffer[..w.Offset];
    }

    /// <summary>An UPDATE (RFC 2136) adding one A record, with a TSIG record whose MAC cannot verify.</summary>
    private static byte[] TsigUpdate(string zone, string keyName, byte[] mac)
    {
        var buffer = new byte[1024];
        var w = new DnsWriter(buffer, new int[16], 12);
        new DnsHeader(0x1234, 5 << 11, 1, 0, 1, 1).Write(buffer);
        w.WriteName(zone);
        w.WriteU16((ushort)DnsType.SOA);
        w.WriteU16((ushort)DnsClass.IN);
        w.WriteName("new." + zone);
        w.WriteU16(1);
        w.WriteU16(1);
        w.WriteU32(300);
        w.WriteU16(4);
        w.WriteBytes([192, 0, 2, 99]);
        w.WriteName(keyName, compress: false);
        w.WriteU16((ushort)DnsType.TSIG);
        w.WriteU16((ushort)DnsClass.ANY);
        w.WriteU32(0);
        var lengthAt = w.Offset;
        w.WriteU16(0);
        var start = w.Offset;
        w.WriteName("hmac-sha256.", compress: false);
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        w.WriteU16((ushort)(now >> 32));
        w.WriteU32((uint)now);
        w.WriteU16(300);
        w.WriteU16((ushort)mac.Length);
        w.WriteBytes(mac);
        w.WriteU16(0x1234);
        w.WriteU16(0);
        w.WriteU16(0);
        w.PatchU16(lengthAt, (ushort)(w.Offset - start));
        return buffer[..w.Offset];
    }
}
