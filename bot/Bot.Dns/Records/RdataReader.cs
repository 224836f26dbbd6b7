using System.Net;
using Bot.Dns.Wire;

namespace Bot.Dns.Records;

/// <summary>Parses RDATA by type. Names inside RDATA may be compressed for the types RFC 3597 §4 allows.</summary>
internal static class RdataReader
{
    public static bool TryRead(ref DnsReader reader, ushort type, int length, out Rdata data)
    {
        data = null!;
        var start = reader.Offset;
        var end = start + length;
        if (length > reader.Remaining)
        {
            return reader.Fail(DnsParseError.Truncated);
        }

        var ok = (DnsType)type switch
        {
            DnsType.A => Fixed(ref reader, 4, b => new ARdata(new IPAddress(b)), out data),
            DnsType.AAAA => Fixed(ref reader, 16, b => new AaaaRdata(new IPAddress(b)), out data),
            DnsType.NS or DnsType.CNAME or DnsType.PTR or DnsType.DNAME => ReadName(ref reader, out data),
            DnsType.SOA => ReadSoa(ref reader, out data),
            DnsType.MX => ReadMx(ref reader, out data),
            DnsType.TXT => ReadTxt(ref reader, end, out data),
            DnsType.SRV => ReadSrv(ref reader, out data),
            DnsType.CAA => ReadCaa(ref reader, end, out data),
            DnsType.DS => ReadDs(ref reader, end, out data),
            DnsType.DNSKEY => ReadDnskey(ref reader, end, out data),
            DnsType.RRSIG => ReadRrsig(ref reader, end, out data),
            DnsType.NSEC => ReadNsec(ref reader, end, out data),
            DnsType.NSEC3 => ReadNsec3(ref reader, end, out data),
            DnsType.NSEC3PARAM => ReadNsec3Param(ref reader, end, out data),
            DnsType.SVCB or DnsType.HTTPS => ReadSvcb(ref reader, end, out data),
            DnsType.TSIG => ReadTsig(ref reader, end, out data),
            _ => ReadUnknown(ref reader, length, out data),
        };
        if (!ok)
        {
            // A known type whose data does not parse is still a record: keep it as RFC 3597 bytes.
            if (reader.Error is DnsParseError.PointerNotBackwards or DnsParseError.TooManyPointers || start + length > reader.Message.Length)
            {
                return false;
            }

            reader = new DnsReader(reader.Message, start);
            return ReadUnknown(ref reader, length, out data);
        }

        if (reader.Offset != end)
        {
            return reader.Fail(DnsParseError.RdataLengthMismatch);
        }

        return true;
    }

    private static bool Fixed(ref DnsReader r, int size, Func<byte[], Rdata> make, out Rdata data)
    {
        data = null!;
        if (!r.TryReadBytes(size, out var bytes))
        {
            return false;
        }

        data = make(bytes.ToArray());
        return true;
    }

    private static bool ReadName(ref DnsReader r, out Rdata data)
    {
        data = null!;
        if (!r.TryReadName(out var name))
        {
            return false;
        }

        data = new NameRdata(name);
        return true;
    }

    private static bool ReadSoa(ref DnsReader r, out Rdata data)
    {
        data = null!;
        if (!r.TryReadName(out var mname) || !r.TryReadName(out var rname) || !r.TryReadU32(out var serial) || !r.TryReadU32(out var refresh)
            || !r.TryReadU32(out var retry) || !r.TryReadU32(out var expire) || !r.TryReadU32(out var minimum))
        {
            return false;
        }

        data = new SoaRdata(mname, rname, serial, refresh, retry, expire, minimum);
        return true;
    }

    private static bool ReadMx(ref DnsReader r, out Rdata data)
    {
        data = null!;
        if (!r.TryReadU16(out var preference) || !r.TryReadName(out var exchange))
        {
            return false;
        }

        data = new MxRdata(preference, exchange);
        return true;
    }

    private static bool ReadTxt(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        var strings = new List<byte[]>();
        while (r.Offset < end)
        {
            if (!r.TryReadCharacterString(out var s) || r.Offset > end)
            {
                return r.Fail(DnsParseError.BadRdata);
            }

            strings.Add(s.ToArray());
        }

        data = new TxtRdata(strings);
        return true;
    }

    private static bool ReadSrv(ref DnsReader r, out Rdata data)
    {
        data = null!;
        if (!r.TryReadU16(out var priority) || !r.TryReadU16(out var weight) || !r.TryReadU16(out var port) || !r.TryReadName(out var target))
        {
            return false;
        }

        data = new SrvRdata(priority, weight, port, target);
        return true;
    }

    private static bool ReadCaa(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        if (!r.TryReadU8(out var flags) || !r.TryReadCharacterString(out var tag) || r.Offset > end || !r.TryReadBytes(end - r.Offset, out var value))
        {
            return r.Fail(DnsParseError.BadRdata);
        }

        data = new CaaRdata(flags, DnsName.Ascii(tag), value.ToArray());
        return true;
    }

    private static bool ReadDs(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        if (!r.TryReadU16(out var tag) || !r.TryReadU8(out var alg) || !r.TryReadU8(out var digestType) || r.Offset > end || !r.TryReadBytes(end - r.Offset, out var digest))
        {
            return r.Fail(DnsParseError.BadRdata);
        }

        data = new DsRdata(tag, alg, digestType, digest.ToArray());
        return true;
    }

    private static bool ReadDnskey(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        var start = r.Offset;
        if (!r.TryReadU16(out var flags) || !r.TryReadU8(out var protocol) || !r.TryReadU8(out var alg) || r.Offset > end || !r.TryReadBytes(end - r.Offset, out var key))
        {
            return r.Fail(DnsParseError.BadRdata);
        }

        data = new DnskeyRdata(flags, protocol, alg, key.ToArray(), r.Message[start..end].ToArray());
        return true;
    }

    private static bool ReadRrsig(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        if (!r.TryReadU16(out var covered) || !r.TryReadU8(out var alg) || !r.TryReadU8(out var labels) || !r.TryReadU32(out var ttl)
            || !r.TryReadU32(out var expiration) || !r.TryReadU32(out var inception) || !r.TryReadU16(out var tag)
            || !r.TryReadName(out var signer) || r.Offset > end || !r.TryReadBytes(end - r.Offset, out var signature))
        {
            return r.Fail(DnsParseError.BadRdata);
        }

        data = new RrsigRdata(covered, alg, labels, ttl, expiration, inception, tag, signer, signature.ToArray());
        return true;
    }

    private static bool ReadNsec(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        if (!r.TryReadName(out var next) || r.Offset > end || !r.TryReadBytes(end - r.Offset, out var bitmap) || !TypeBitmap.TryRead(bitmap, out var types))
        {
            return r.Fail(DnsParseError.BadRdata);
        }

        data = new NsecRdata(next, types);
        return true;
    }

    private static bool ReadNsec3(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        if (!r.TryReadU8(out var alg) || !r.TryReadU8(out var flags) || !r.TryReadU16(out var iterations) || !r.TryReadCharacterString(out var salt)
            || !r.TryReadCharacterString(out var next) || r.Offset > end || !r.TryReadBytes(end - r.Offset, out var bitmap) || !TypeBitmap.TryRead(bitmap, out var types))
        {
            return r.Fail(DnsParseError.BadRdata);
        }

        data = new Nsec3Rdata(alg, flags, iterations, salt.ToArray(), next.ToArray(), types);
        return true;
    }

    private static bool ReadNsec3Param(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        if (!r.TryReadU8(out var alg) || !r.TryReadU8(out var flags) || !r.TryReadU16(out var iterations) || !r.TryReadCharacterString(out var salt) || r.Offset > end)
        {
            return r.Fail(DnsParseError.BadRdata);
        }

        data = new Nsec3ParamRdata(alg, flags, iterations, salt.ToArray());
        return true;
    }

    private static bool ReadSvcb(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        if (!r.TryReadU16(out var priority) || !r.TryReadName(out var target))
        {
            return false;
        }

        var parameters = new List<(ushort, byte[])>();
        while (r.Offset < end)
        {
            if (!r.TryReadU16(out var key) || !r.TryReadU16(out var len) || r.Offset + len > end || !r.TryReadBytes(len, out var value))
            {
                return r.Fail(DnsParseError.BadRdata);
            }

            parameters.Add((key, value.ToArray()));
        }

        data = new SvcbRdata(priority, target, parameters);
        return true;
    }

    private static bool ReadTsig(ref DnsReader r, int end, out Rdata data)
    {
        data = null!;
        if (!r.TryReadName(out var algorithm) || !r.TryReadU16(out var timeHigh) || !r.TryReadU32(out var timeLow) || !r.TryReadU16(out var fudge)
            || !r.TryReadU16(out var macSize) || !r.TryReadBytes(macSize, out var mac) || !r.TryReadU16(out var originalId)
            || !r.TryReadU16(out var error) || !r.TryReadU16(out var otherLength) || !r.TryReadBytes(otherLength, out var other) || r.Offset > end)
        {
            return r.Fail(DnsParseError.BadRdata);
        }

        data = new TsigRdata(algorithm, ((ulong)timeHigh << 32) | timeLow, fudge, mac.ToArray(), originalId, error, other.ToArray());
        return true;
    }

    private static bool ReadUnknown(ref DnsReader r, int length, out Rdata data)
    {
        data = null!;
        if (!r.TryReadBytes(length, out var bytes))
        {
            return false;
        }

        data = new UnknownRdata(bytes.ToArray());
        return true;
    }
}
