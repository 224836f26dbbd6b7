namespace Bot.Dns.Wire;

/// <summary>What to ask: the question, the header flags and the EDNS parameters of a query.</summary>
public sealed record DnsQuery(string Name, ushort Type, ushort Class = (ushort)DnsClass.IN)
{
    public bool RecursionDesired { get; init; } = true;
    public bool CheckingDisabled { get; init; }

    /// <summary>AD in a query asks for the AD bit in the answer (RFC 6840 §5.7); dig sets it by default.</summary>
    public bool AuthenticData { get; init; } = true;

    public int Opcode { get; init; }

    /// <summary>Send an OPT record (EDNS(0)); on by default, as every modern client does.</summary>
    public bool Edns { get; init; } = true;

    /// <summary>RFC 9715 / DNS flag day 2020 recommendation.</summary>
    public ushort UdpPayloadSize { get; init; } = 1232;

    public byte EdnsVersion { get; init; }
    public bool DnssecOk { get; init; }
    public bool RequestNsid { get; init; }

    /// <summary>Send a COOKIE option with this 8-byte client cookie (and the server cookie learnt earlier, if any).</summary>
    public byte[]? ClientCookie { get; init; }

    public byte[]? ServerCookie { get; init; }

    /// <summary>Writes the query into <paramref name="buffer"/> (512 bytes is always enough) and returns its length. No allocation.</summary>
    public int Write(Span<byte> buffer, ushort id)
    {
        var flags = (ushort)(((Opcode & 0xF) << 11) | (RecursionDesired ? 0x0100 : 0) | (AuthenticData ? 0x0020 : 0) | (CheckingDisabled ? 0x0010 : 0));
        new DnsHeader(id, flags, 1, 0, 0, (ushort)(Edns ? 1 : 0)).Write(buffer);
        var writer = new DnsWriter(buffer[DnsHeader.Size..]);
        writer.WriteName(Name, compress: false);
        writer.WriteU16(Type);
        writer.WriteU16(Class);
        if (Edns)
        {
            writer.WriteU8(0); // root owner
            writer.WriteU16((ushort)DnsType.OPT);
            writer.WriteU16(UdpPayloadSize);
            writer.WriteU8(0); // extended RCODE bits
            writer.WriteU8(EdnsVersion);
            writer.WriteU16((ushort)(DnssecOk ? 0x8000 : 0));
            var lengthAt = writer.Offset;
            writer.WriteU16(0);
            var start = writer.Offset;
            if (RequestNsid)
            {
                writer.WriteU16((ushort)EdnsOptionCode.Nsid);
                writer.WriteU16(0);
            }

            if (ClientCookie is { Length: 8 })
            {
                writer.WriteU16((ushort)EdnsOptionCode.Cookie);
                writer.WriteU16((ushort)(8 + (ServerCookie?.Length ?? 0)));
                writer.WriteBytes(ClientCookie);
                if (ServerCookie is not null)
                {
                    writer.WriteBytes(ServerCookie);
                }
            }

            writer.PatchU16(lengthAt, (ushort)(writer.Offset - start));
        }

        return DnsHeader.Size + writer.Offset;
    }
}
