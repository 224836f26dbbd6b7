using System.Text;
using Bot.Dns.Records;
using Bot.Dns.Wire;

namespace Bot.Dns.Tests;

public sealed class MessageTests
{
    [Fact]
    public void Query_RoundTrips_WithEdnsCookieAndNsid()
    {
        var query = new DnsQuery("www.example.com.", (ushort)DnsType.AAAA) { DnssecOk = true, RequestNsid = true, CheckingDisabled = true, ClientCookie = [1, 2, 3, 4, 5, 6, 7, 8] };
        var buffer = new byte[512];
        var length = query.Write(buffer, 0xBEEF);
        var m = DnsMessage.Parse(buffer.AsSpan(0, length));
        m.Header.Id.ShouldBe((ushort)0xBEEF);
        m.Header.Rd.ShouldBeTrue();
        m.Header.Cd.ShouldBeTrue();
        m.Questions.ShouldHaveSingleItem().ShouldBe(new DnsQuestion("www.example.com.", (ushort)DnsType.AAAA));
        m.Edns.ShouldNotBeNull();
        m.Edns.UdpPayloadSize.ShouldBe((ushort)1232);
        m.Edns.DnssecOk.ShouldBeTrue();
        m.Edns.Nsid.ShouldNotBeNull();
        m.Edns.Cookie!.Client.ShouldBe(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
    }

    [Fact]
    public void Query_Write_DoesNotAllocate()
    {
        var query = new DnsQuery("www.example.com.", 1);
        var buffer = new byte[512];
        query.Write(buffer, 1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            query.Write(buffer, (ushort)i);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void ExtendedRcode_BadversIsHeaderZeroPlusOptOne()
    {
        var bytes = Messages.Response(7, 0x8180, "example.com.", 1, b => b.Opt(extendedRcode: 1));
        var m = DnsMessage.Parse(bytes);
        m.Header.Rcode.ShouldBe(0);
        m.Rcode.ShouldBe(16);
        m.Status.ShouldBe("BADVERS");
    }

    [Fact]
    public void ExtendedRcode_BadcookieIsHeaderSevenPlusOptOne_NotYxrrset()
    {
        var bytes = Messages.Response(7, 0x8187, "example.com.", 1, b => b.Opt(extendedRcode: 1));
        var m = DnsMessage.Parse(bytes);
        m.Header.Rcode.ShouldBe(7);
        m.Status.ShouldBe("BADCOOKIE");
    }

    [Fact]
    public void Ede_IsReadWithItsExtraText()
    {
        byte[] ede = [0, 9, .. Encoding.UTF8.GetBytes("no SEP matching the DS found for example.com.")];
        var bytes = Messages.Response(7, 0x8182, "example.com.", 1, b => b.Opt(options: [(15, ede), (3, Encoding.ASCII.GetBytes("ns1"))]));
        var m = DnsMessage.Parse(bytes);
        m.Status.ShouldBe("SERVFAIL");
        var error = m.ExtendedErrors.ShouldHaveSingleItem();
        error.InfoCode.ShouldBe((ushort)9);
        error.ExtraText.ShouldBe("no SEP matching the DS found for example.com.");
        m.Edns!.Nsid!.Display().ShouldBe("6E7331 (\"ns1\")");
    }

    [Fact]
    public void TwoOptRecords_AreMalformed()
    {
        var bytes = Messages.Response(7, 0x8180, "example.com.", 1, b => b.Opt().Opt());
        DnsMessage.TryParse(bytes, out _, out var error).ShouldBeFalse();
        error.ShouldBe(DnsParseError.DuplicateOpt);
    }

    [Fact]
    public void CountsLargerThanTheData_AreTruncation_NotAnAllocation()
    {
        var bytes = Messages.Response(7, 0x8180, "example.com.", 1, b => b.A("example.com.", "192.0.2.1"));
        bytes[6] = 0xFF; // ANCOUNT = 65281
        bytes[7] = 0x01;
        DnsMessage.TryParse(bytes, out _, out var error).ShouldBeFalse();
        error.ShouldBe(DnsParseError.Truncated);
        Should.Throw<DnsParseException>(() => DnsMessage.Parse(bytes));
    }

    [Fact]
    public void Records_HaveDigPresentation()
    {
        var bytes = Messages.Response(7, 0x8180, "example.com.", 1, b => b
            .A("example.com.", "192.0.2.1", 3600)
            .Record("example.com.", (ushort)DnsType.MX, [0, 10, 4, (byte)'m', (byte)'a', (byte)'i', (byte)'l', 0xC0, 12])
            .Record("example.com.", (ushort)DnsType.TXT, [11, .. Encoding.ASCII.GetBytes("v=spf1 \"-a"), 0, 3, (byte)'x', 0, (byte)'y'])
            .Record("example.com.", 65280, [0xDE, 0xAD]));
        var m = DnsMessage.Parse(bytes);
        m.Answers[0].ToString().ShouldBe("example.com.\t3600\tIN\tA\t192.0.2.1");
        m.Answers[1].Data.ToPresentation().ShouldBe("10 mail.example.com.");
        m.Answers[2].Data.ToPresentation().ShouldBe("\"v=spf1 \\\"-a\\000\" \"x\\000y\"");
        m.Answers[3].Data.ToPresentation().ShouldBe("\\# 2 DEAD");
        m.Answers[3].ToString().ShouldContain("TYPE65280");
    }

    [Fact]
    public void KnownTypeWithBadRdata_IsKeptAsRfc3597Bytes()
    {
        var bytes = Messages.Response(7, 0x8180, "example.com.", 1, b => b.Record("example.com.", (ushort)DnsType.DS, [0, 1]));
        var m = DnsMessage.Parse(bytes);
        m.Answers[0].Data.ShouldBeOfType<UnknownRdata>().ToPresentation().ShouldBe("\\# 2 0001");
    }

    [Fact]
    public void KeyTag_IsComputedPerRfc4034AppendixB()
    {
        // DNSKEY flags 257, protocol 3, algorithm 13 and a 64-byte key of 0x01..0x40.
        byte[] rdata = [1, 1, 3, 13, .. Enumerable.Range(1, 64).Select(i => (byte)i)];
        uint ac = 0;
        for (var i = 0; i < rdata.Length; i++)
        {
            ac += (i & 1) != 0 ? rdata[i] : (uint)rdata[i] << 8;
        }

        ac += ac >> 16 & 0xFFFF;
        Dnssec.KeyTag(rdata).ShouldBe((ushort)(ac & 0xFFFF));
    }

    [Fact]
    public void SignatureWindow_UsesSerialArithmetic()
    {
        var sig = new RrsigRdata(1, 13, 2, 300, Expiration: 2_000_000_000, Inception: 1_900_000_000, 1, "example.com.", []);
        Dnssec.Window(sig, DateTimeOffset.FromUnixTimeSeconds(1_950_000_000)).ShouldBe(0);
        Dnssec.Window(sig, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)).ShouldBe(-1);
        Dnssec.Window(sig, DateTimeOffset.FromUnixTimeSeconds(2_100_000_000)).ShouldBe(1);
        Dnssec.FormatTime(2_000_000_000).ShouldBe("20330518033320");
    }
}
