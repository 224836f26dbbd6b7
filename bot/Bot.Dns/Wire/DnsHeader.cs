using System.Buffers.Binary;

namespace Bot.Dns.Wire;

/// <summary>
/// The 12-byte message header (RFC 1035 §4.1.1). Flags word:
/// <code>
///   0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
/// |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
/// </code>
/// </summary>
public readonly record struct DnsHeader(ushort Id, ushort Flags, ushort QdCount, ushort AnCount, ushort NsCount, ushort ArCount)
{
    public const int Size = 12;

    public bool Qr => (Flags & 0x8000) != 0;
    public int Opcode => (Flags >> 11) & 0xF;
    public bool Aa => (Flags & 0x0400) != 0;
    public bool Tc => (Flags & 0x0200) != 0;
    public bool Rd => (Flags & 0x0100) != 0;
    public bool Ra => (Flags & 0x0080) != 0;
    public bool Z => (Flags & 0x0040) != 0;
    public bool Ad => (Flags & 0x0020) != 0;
    public bool Cd => (Flags & 0x0010) != 0;

    /// <summary>The low 4 bits of the RCODE; with EDNS the OPT record holds 8 more (<see cref="DnsMessage.Rcode"/>).</summary>
    public int Rcode => Flags & 0xF;

    public static bool TryRead(ReadOnlySpan<byte> message, out DnsHeader header)
    {
        if (message.Length < Size)
        {
            header = default;
            return false;
        }

        header = new DnsHeader(
            BinaryPrimitives.ReadUInt16BigEndian(message),
            BinaryPrimitives.ReadUInt16BigEndian(message[2..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[6..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[10..]));
        return true;
    }

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, Id);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Flags);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], QdCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], AnCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], NsCount);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], ArCount);
    }

    /// <summary>The flag mnemonics dig prints, in dig's order.</summary>
    public IEnumerable<string> FlagNames()
    {
        if (Qr)
        {
            yield return "qr";
        }

        if (Aa)
        {
            yield return "aa";
        }

        if (Tc)
        {
            yield return "tc";
        }

        if (Rd)
        {
            yield return "rd";
        }

        if (Ra)
        {
            yield return "ra";
        }

        if (Ad)
        {
            yield return "ad";
        }

        if (Cd)
        {
            yield return "cd";
        }
    }
}
