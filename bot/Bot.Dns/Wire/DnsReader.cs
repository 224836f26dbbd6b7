using System.Buffers.Binary;
using System.Text;

namespace Bot.Dns.Wire;

/// <summary>
/// Reads wire-format data from a whole message (names may point anywhere before themselves). Bounds-checked
/// <c>TryRead*</c> methods; a failure leaves <see cref="Error"/> set and the reader unusable.
/// </summary>
public ref struct DnsReader
{
    private const int MaxNameLength = 255; // RFC 1035 §3.1, in wire octets
    private const int MaxPointers = 126;   // more than any legitimate name needs; a backstop against loops

    private readonly ReadOnlySpan<byte> _message;

    public DnsReader(ReadOnlySpan<byte> message, int offset = 0)
    {
        _message = message;
        Offset = offset;
    }

    public int Offset { get; private set; }

    public DnsParseError Error { get; private set; }

    public readonly int Remaining => _message.Length - Offset;

    public readonly ReadOnlySpan<byte> Message => _message;

    public bool Fail(DnsParseError error)
    {
        Error = error;
        return false;
    }

    public bool TryReadU8(out byte value)
    {
        if (Remaining < 1)
        {
            value = 0;
            return Fail(DnsParseError.Truncated);
        }

        value = _message[Offset++];
        return true;
    }

    public bool TryReadU16(out ushort value)
    {
        if (Remaining < 2)
        {
            value = 0;
            return Fail(DnsParseError.Truncated);
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_message[Offset..]);
        Offset += 2;
        return true;
    }

    public bool TryReadU32(out uint value)
    {
        if (Remaining < 4)
        {
            value = 0;
            return Fail(DnsParseError.Truncated);
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(_message[Offset..]);
        Offset += 4;
        return true;
    }

    public bool TryReadBytes(int length, out ReadOnlySpan<byte> bytes)
    {
        if (length < 0 || Remaining < length)
        {
            bytes = default;
            return Fail(DnsParseError.Truncated);
        }

        bytes = _message.Slice(Offset, length);
        Offset += length;
        return true;
    }

    /// <summary>
    /// Reads a possibly compressed name (RFC 1035 §4.1.4) in presentation form ("www.example.com."). Every pointer
    /// must point before itself, the name must stay within 255 octets, and at most <see cref="MaxPointers"/> jumps
    /// are followed, so a crafted loop ends in <see cref="DnsParseError.PointerNotBackwards"/> or a length error.
    /// </summary>
    public bool TryReadName(out string name)
    {
        name = ".";
        Span<char> buffer = stackalloc char[MaxNameLength * 4 + 2]; // worst case: every octet escaped as \DDD
        var length = 0;
        var wireLength = 1; // the root label
        var position = Offset;
        var end = -1;       // where reading continues after the name (set at the first pointer)
        var jumps = 0;
        while (true)
        {
            if (position >= _message.Length)
            {
                return Fail(DnsParseError.Truncated);
            }

            var labelLength = _message[position];
            if (labelLength == 0)
            {
                position++;
                break;
            }

            switch (labelLength & 0xC0)
            {
                case 0xC0:
                    if (position + 1 >= _message.Length)
                    {
                        return Fail(DnsParseError.Truncated);
                    }

                    var target = ((labelLength & 0x3F) << 8) | _message[position + 1];
                    if (target >= position)
                    {
                        Offset = position;
                        return Fail(DnsParseError.PointerNotBackwards);
                    }

                    if (++jumps > MaxPointers)
                    {
                        return Fail(DnsParseError.TooManyPointers);
                    }

                    if (end < 0)
                    {
                        end = position + 2;
                    }

                    position = target;
                    continue;
                case 0x00:
                    break;
                default:
                    // 0x40 and 0x80 are the obsolete/unassigned extended label types (RFC 6891 §5).
                    Offset = position;
                    return Fail(DnsParseError.BadLabelType);
            }

            wireLength += labelLength + 1;
            if (wireLength > MaxNameLength)
            {
                Offset = position;
                return Fail(DnsParseError.NameTooLong);
            }

            if (position + 1 + labelLength > _message.Length)
            {
                return Fail(DnsParseError.Truncated);
            }

            foreach (var b in _message.Slice(position + 1, labelLength))
            {
                length += DnsName.AppendEscaped(buffer[length..], b);
            }

            buffer[length++] = '.';
            position += 1 + labelLength;
        }

        Offset = end < 0 ? position : end;
        name = length == 0 ? "." : new string(buffer[..length]);
        return true;
    }

    /// <summary>Reads a &lt;character-string&gt; (RFC 1035 §3.3): one length octet and up to 255 octets.</summary>
    public bool TryReadCharacterString(out ReadOnlySpan<byte> text)
    {
        text = default;
        return TryReadU8(out var length) && TryReadBytes(length, out text);
    }

    /// <summary>Decodes bytes as UTF-8, replacing invalid sequences (EDE EXTRA-TEXT, NSID text).</summary>
    public static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
