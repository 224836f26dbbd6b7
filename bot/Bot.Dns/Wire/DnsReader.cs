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

    [ThreadStatic]
    private static char[]? Scratch;

    private readonly ReadOnlySpan<byte> _message;
    private NameCache _names;

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
        var buffer = Scratch ??= new char[MaxNameLength * 4 + 2]; // worst case: every octet escaped as \DDD
        var length = 0;
        var wireLength = 1; // the root label
        var start = Offset;
        var position = Offset;
        var end = -1;       // where reading continues after the name (set at the first pointer)
        var jumps = 0;
        while (true)
        {
            if (position >= _message.Length)
            {
                return Fail(DnsParseError.Truncated);
            }

            // A name (or the rest of one) decoded before at this offset: responses repeat the same few names, mostly
            // as pointers to the first occurrence, so most owner and target names cost a lookup instead of a decode.
            if (_names.TryGet(position, out var known, out var knownWire))
            {
                if (wireLength - 1 + knownWire > MaxNameLength)
                {
                    Offset = position;
                    return Fail(DnsParseError.NameTooLong);
                }

                Offset = end < 0 ? position + WireLength(position) : end;
                if (length == 0)
                {
                    name = known;
                }
                else
                {
                    name = known == "." ? new string(buffer, 0, length) : string.Concat(buffer.AsSpan(0, length), known);
                    _names.Add(start, name, wireLength - 1 + knownWire);
                }

                return true;
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

            var label = _message.Slice(position + 1, labelLength);
            if (label.IndexOfAnyExcept(DnsName.PlainOctets) < 0)
            {
                // The usual label (letters, digits, hyphen, underscore ...): widened as a whole, nothing to escape.
                System.Text.Encoding.Latin1.GetChars(label, buffer.AsSpan(length));
                length += labelLength;
            }
            else
            {
                foreach (var b in label)
                {
                    length += DnsName.AppendEscaped(buffer.AsSpan(length), b);
                }
            }

            buffer[length++] = '.';
            position += 1 + labelLength;
        }

        Offset = end < 0 ? position : end;
        name = length == 0 ? "." : new string(buffer, 0, length);
        _names.Add(start, name, wireLength);
        return true;
    }

    /// <summary>The octets a name occupies where it starts (up to and including its terminator or first pointer).</summary>
    private readonly int WireLength(int position)
    {
        var p = position;
        while (p < _message.Length)
        {
            var l = _message[p];
            if (l == 0)
            {
                return p + 1 - position;
            }

            if ((l & 0xC0) == 0xC0)
            {
                return p + 2 - position;
            }

            p += 1 + l;
        }

        return _message.Length - position;
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

/// <summary>
/// The last few names a <see cref="DnsReader"/> decoded, by the offset where each starts, with their length in wire
/// octets (so a cached suffix still counts toward the 255-octet limit). Inline in the reader: nothing to allocate.
/// </summary>
internal struct NameCache
{
    private const int Size = 8;
    private Slots _offsets;
    private Names _names;
    private Slots _wire;
    private int _count;

    public readonly bool TryGet(int offset, out string name, out int wireLength)
    {
        var n = Math.Min(_count, Size);
        for (var i = 0; i < n; i++)
        {
            if (_offsets[i] == offset)
            {
                name = _names[i];
                wireLength = _wire[i];
                return true;
            }
        }

        name = "";
        wireLength = 0;
        return false;
    }

    public void Add(int offset, string name, int wireLength)
    {
        var slot = _count++ % Size;
        _offsets[slot] = offset;
        _names[slot] = name;
        _wire[slot] = wireLength;
    }

    [System.Runtime.CompilerServices.InlineArray(Size)]
    private struct Slots
    {
        private int _first;
    }

    [System.Runtime.CompilerServices.InlineArray(Size)]
    private struct Names
    {
        private string _first;
    }
}
