using System.Globalization;
using System.Security.Cryptography;
using Bot.Dns.Wire;

namespace Bot.Dns.Records;

/// <summary>DNSSEC arithmetic the diagnosis needs: key tags, DS digests, signature validity windows.</summary>
public static class Dnssec
{
    /// <summary>RFC 4034 Appendix B: the key tag over the DNSKEY RDATA (algorithm 1 is not supported, as is usual).</summary>
    public static ushort KeyTag(ReadOnlySpan<byte> dnskeyRdata)
    {
        uint ac = 0;
        for (var i = 0; i < dnskeyRdata.Length; i++)
        {
            ac += (i & 1) != 0 ? dnskeyRdata[i] : (uint)(dnskeyRdata[i] << 8);
        }

        ac += (ac >> 16) & 0xFFFF;
        return (ushort)(ac & 0xFFFF);
    }

    /// <summary>
    /// The DS digest of a DNSKEY (RFC 4034 §5.1.4): hash of the owner name in canonical wire form followed by the
    /// DNSKEY RDATA. Digest type 2 is SHA-256 (RFC 4509), 4 is SHA-384 (RFC 6605), 1 is SHA-1; null for others.
    /// </summary>
    public static byte[]? DsDigest(string owner, ReadOnlySpan<byte> dnskeyRdata, byte digestType)
    {
        var name = DnsName.CanonicalWire(owner);
        var input = new byte[name.Length + dnskeyRdata.Length];
        name.CopyTo(input, 0);
        dnskeyRdata.CopyTo(input.AsSpan(name.Length));
        return digestType switch
        {
            1 => SHA1.HashData(input),
            2 => SHA256.HashData(input),
            4 => SHA384.HashData(input),
            _ => null,
        };
    }

    /// <summary>Does this DS match this DNSKEY (key tag, algorithm and recomputed digest)?</summary>
    public static bool Matches(DsRdata ds, string owner, DnskeyRdata key) =>
        ds.KeyTag == key.KeyTag && ds.Algorithm == key.Algorithm
        && DsDigest(owner, key.RawRdata, ds.DigestType) is { } digest && digest.AsSpan().SequenceEqual(ds.Digest);

    /// <summary>RRSIG times as dig prints them: YYYYMMDDHHmmSS in UTC.</summary>
    public static string FormatTime(uint seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Where <paramref name="now"/> stands against a signature's window, in serial-number arithmetic (RFC 1982) as
    /// RFC 4034 §3.1.5 requires: negative before inception, positive after expiration, zero inside.
    /// </summary>
    public static int Window(RrsigRdata sig, DateTimeOffset now)
    {
        var t = (uint)now.ToUnixTimeSeconds();
        if ((int)(t - sig.Inception) < 0)
        {
            return -1;
        }

        return (int)(t - sig.Expiration) > 0 ? 1 : 0;
    }
}
