using System.Globalization;
using Bot.Dns.Wire;

namespace Bot.Dns.Records;

/// <summary>DS (RFC 4034 §5): a digest of a child zone's DNSKEY, published in the parent.</summary>
public sealed record DsRdata(ushort KeyTag, byte Algorithm, byte DigestType, byte[] Digest) : Rdata
{
    public override string ToPresentation() =>
        string.Create(CultureInfo.InvariantCulture, $"{KeyTag} {Algorithm} {DigestType} {Chunked(Convert.ToHexString(Digest))}");
}

/// <summary>DNSKEY (RFC 4034 §2). <see cref="RawRdata"/> is the wire RDATA, input to key tags and DS digests.</summary>
public sealed record DnskeyRdata(ushort Flags, byte Protocol, byte Algorithm, byte[] PublicKey, byte[] RawRdata) : Rdata
{
    /// <summary>Zone Key flag (bit 7).</summary>
    public bool IsZoneKey => (Flags & 0x0100) != 0;

    /// <summary>Secure Entry Point flag (bit 15): conventionally the KSK.</summary>
    public bool IsSep => (Flags & 0x0001) != 0;

    /// <summary>The key tag (RFC 4034 Appendix B).</summary>
    public ushort KeyTag => Dnssec.KeyTag(RawRdata);

    public override string ToPresentation() =>
        string.Create(CultureInfo.InvariantCulture, $"{Flags} {Protocol} {Algorithm} {Chunked(Convert.ToBase64String(PublicKey))}");
}

/// <summary>RRSIG (RFC 4034 §3). Times are 32-bit serial-arithmetic seconds since the epoch (RFC 4034 §3.1.5).</summary>
public sealed record RrsigRdata(ushort TypeCovered, byte Algorithm, byte Labels, uint OriginalTtl, uint Expiration, uint Inception, ushort KeyTag, string SignerName, byte[] Signature) : Rdata
{
    public override string ToPresentation() => string.Create(CultureInfo.InvariantCulture,
        $"{DnsTypeNames.Type(TypeCovered)} {Algorithm} {Labels} {OriginalTtl} {Dnssec.FormatTime(Expiration)} {Dnssec.FormatTime(Inception)} {KeyTag} {SignerName} {Chunked(Convert.ToBase64String(Signature))}");
}

/// <summary>NSEC (RFC 4034 §4).</summary>
public sealed record NsecRdata(string NextName, IReadOnlyList<ushort> Types) : Rdata
{
    public override string ToPresentation() => Types.Count == 0 ? NextName : $"{NextName} {TypeBitmap.Format(Types)}";
}

/// <summary>NSEC3 (RFC 5155 §3).</summary>
public sealed record Nsec3Rdata(byte HashAlgorithm, byte Flags, ushort Iterations, byte[] Salt, byte[] NextHashedOwner, IReadOnlyList<ushort> Types) : Rdata
{
    public override string ToPresentation()
    {
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{HashAlgorithm} {Flags} {Iterations} {(Salt.Length == 0 ? "-" : Convert.ToHexString(Salt))} {Base32Hex.Encode(NextHashedOwner)}");
        return Types.Count == 0 ? head : $"{head} {TypeBitmap.Format(Types)}";
    }
}

/// <summary>NSEC3PARAM (RFC 5155 §4).</summary>
public sealed record Nsec3ParamRdata(byte HashAlgorithm, byte Flags, ushort Iterations, byte[] Salt) : Rdata
{
    public override string ToPresentation() => string.Create(CultureInfo.InvariantCulture,
        $"{HashAlgorithm} {Flags} {Iterations} {(Salt.Length == 0 ? "-" : Convert.ToHexString(Salt))}");
}

/// <summary>TSIG (RFC 8945 §4.2): what a response says about its signature, the error field above all.</summary>
public sealed record TsigRdata(string Algorithm, ulong TimeSigned, ushort Fudge, byte[] Mac, ushort OriginalId, ushort Error, byte[] OtherData) : Rdata
{
    public override string ToPresentation() => string.Create(CultureInfo.InvariantCulture,
        $"{Algorithm} {TimeSigned} {Fudge} {Mac.Length} {(Mac.Length == 0 ? "" : Chunked(Convert.ToBase64String(Mac)) + " ")}{OriginalId} {ErrorName(Error)} {OtherData.Length}");

    /// <summary>The TSIG error field's mnemonic: 16 is BADSIG here (RFC 8945), not BADVERS.</summary>
    public static string ErrorName(ushort error) => error == 16 ? "BADSIG" : DnsTypeNames.Rcode(error);
}

/// <summary>NSEC/NSEC3 type bitmaps (RFC 4034 §4.1.2): windows of up to 32 octets.</summary>
internal static class TypeBitmap
{
    public static bool TryRead(ReadOnlySpan<byte> data, out List<ushort> types)
    {
        types = [];
        var previousWindow = -1;
        while (data.Length > 0)
        {
            if (data.Length < 2)
            {
                return false;
            }

            int window = data[0];
            int length = data[1];
            if (window <= previousWindow || length is 0 or > 32 || data.Length < 2 + length)
            {
                return false;
            }

            for (var i = 0; i < length; i++)
            {
                var octet = data[2 + i];
                for (var bit = 0; bit < 8; bit++)
                {
                    if ((octet & (0x80 >> bit)) != 0)
                    {
                        types.Add((ushort)((window << 8) | (i * 8) + bit));
                    }
                }
            }

            previousWindow = window;
            data = data[(2 + length)..];
        }

        return true;
    }

    public static string Format(IEnumerable<ushort> types) => string.Join(' ', types.Select(DnsTypeNames.Type));
}

/// <summary>Base32 with the extended hex alphabet (RFC 4648 §7), as NSEC3 uses it, without padding.</summary>
internal static class Base32Hex
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length * 8 + 4) / 5];
        var bits = 0;
        var value = 0;
        var n = 0;
        foreach (var b in data)
        {
            value = (value << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[n++] = Alphabet[(value >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[n++] = Alphabet[(value << (5 - bits)) & 31];
        }

        return new string(chars, 0, n);
    }
}
