using Bot.Dns.Records;

namespace Bot.Dns.Wire;

/// <summary>Parses whole messages. Never throws on bad input: every failure is a <see cref="DnsParseError"/>.</summary>
internal static class DnsMessageParser
{
    public static bool TryParse(ReadOnlySpan<byte> message, out DnsMessage parsed, out DnsParseError error, out int offset)
    {
        parsed = null!;
        offset = 0;
        if (!DnsHeader.TryRead(message, out var header))
        {
            error = DnsParseError.TooShort;
            return false;
        }

        var reader = new DnsReader(message, DnsHeader.Size);

        // Counts larger than the data are caught as truncation while reading; capacities are bounded by what fits.
        var questions = new List<DnsQuestion>(Math.Min((int)header.QdCount, 4));
        for (var i = 0; i < header.QdCount; i++)
        {
            if (!reader.TryReadName(out var name) || !reader.TryReadU16(out var type) || !reader.TryReadU16(out var cls))
            {
                return Failed(ref reader, out error, out offset);
            }

            questions.Add(new DnsQuestion(name, type, cls));
        }

        Edns? edns = null;
        if (!TryReadSection(ref reader, header.AnCount, out var answers, ref edns, allowOpt: false)
            || !TryReadSection(ref reader, header.NsCount, out var authorities, ref edns, allowOpt: false)
            || !TryReadSection(ref reader, header.ArCount, out var additionals, ref edns, allowOpt: true))
        {
            return Failed(ref reader, out error, out offset);
        }

        parsed = new DnsMessage(header, questions, answers, authorities, additionals, edns, message.Length);
        error = DnsParseError.None;
        return true;
    }

    private static bool Failed(ref DnsReader reader, out DnsParseError error, out int offset)
    {
        error = reader.Error == DnsParseError.None ? DnsParseError.Truncated : reader.Error;
        offset = reader.Offset;
        return false;
    }

    private static bool TryReadSection(ref DnsReader reader, int count, out List<DnsRecord> records, ref Edns? edns, bool allowOpt)
    {
        // Each record needs at least 11 octets; a count beyond that cannot be real and must not size an allocation.
        records = new List<DnsRecord>(Math.Min(count, reader.Remaining / 11));
        for (var i = 0; i < count; i++)
        {
            if (!reader.TryReadName(out var name) || !reader.TryReadU16(out var type) || !reader.TryReadU16(out var cls)
                || !reader.TryReadU32(out var ttl) || !reader.TryReadU16(out var length))
            {
                return false;
            }

            if (type == (ushort)DnsType.OPT)
            {
                // RFC 6891 §6.1.1: one OPT, in the additional section, owned by the root.
                if (!allowOpt || edns is not null || name != DnsName.Root)
                {
                    return reader.Fail(DnsParseError.DuplicateOpt);
                }

                if (!TryReadOpt(ref reader, cls, ttl, length, out edns))
                {
                    return false;
                }

                continue;
            }

            if (!RdataReader.TryRead(ref reader, type, length, out var data))
            {
                return false;
            }

            records.Add(new DnsRecord(name, type, cls, ttl, data));
        }

        return true;
    }

    private static bool TryReadOpt(ref DnsReader reader, ushort udpSize, uint ttl, int length, out Edns? edns)
    {
        edns = null;
        var end = reader.Offset + length;
        if (length > reader.Remaining)
        {
            return reader.Fail(DnsParseError.Truncated);
        }

        var options = new List<EdnsOption>();
        while (reader.Offset < end)
        {
            if (!reader.TryReadU16(out var code) || !reader.TryReadU16(out var optionLength) || reader.Offset + optionLength > end
                || !reader.TryReadBytes(optionLength, out var data))
            {
                return reader.Fail(DnsParseError.BadRdata);
            }

            options.Add(code switch
            {
                (ushort)EdnsOptionCode.ExtendedError when data.Length >= 2 =>
                    new ExtendedError((ushort)((data[0] << 8) | data[1]), DnsReader.Utf8(data[2..]).TrimEnd('\0')),
                (ushort)EdnsOptionCode.Nsid => new NsidOption(data.ToArray()),
                (ushort)EdnsOptionCode.Cookie when data.Length >= 8 => new CookieOption(data[..8].ToArray(), data[8..].ToArray()),
                _ => new UnknownOption(code, data.ToArray()),
            });
        }

        edns = new Edns(udpSize, (byte)(ttl >> 24), (byte)(ttl >> 16), (ushort)ttl, options);
        return true;
    }
}
