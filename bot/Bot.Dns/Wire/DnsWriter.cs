using System.Buffers.Binary;

namespace Bot.Dns.Wire;

/// <summary>
/// Writes wire format into a caller's buffer without allocating. Names are compressed against the names already
/// written (RFC 1035 §4.1.4) when asked to; pointers only ever point backwards, to offsets below 0x4000.
/// </summary>
public ref struct DnsWriter
{
    private const int MaxTargets = 32;
    private readonly Span<byte> _buffer;
    private Span<int> _targets; // offsets of label sequences written so far, candidates for pointers
    private int _targetCount;

    /// <param name="buffer">The whole message: compression pointers are offsets from its start.</param>
    /// <param name="compressionTargets">Room to remember where names were written (pointer candidates).</param>
    /// <param name="offset">Where writing starts (12, after the header, when the header is written apart).</param>
    public DnsWriter(Span<byte> buffer, Span<int> compressionTargets, int offset = 0)
    {
        _buffer = buffer;
        _targets = compressionTargets;
        _targetCount = 0;
        Offset = offset;
    }

    public DnsWriter(Span<byte> buffer)
        : this(buffer, [])
    {
    }

    public int Offset { get; private set; }

    public readonly Span<byte> Written => _buffer[..Offset];

    public void WriteU8(byte value) => _buffer[Offset++] = value;

    public void WriteU16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[Offset..], value);
        Offset += 2;
    }

    public void WriteU32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[Offset..], value);
        Offset += 4;
    }

    public void WriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[Offset..]);
        Offset += bytes.Length;
    }

    public void PatchU16(int at, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(_buffer[at..], value);

    /// <summary>Writes a presentation-form name ("www.example.com.", escapes allowed), compressed if possible.</summary>
    public void WriteName(string name, bool compress = true)
    {
        Span<byte> wire = stackalloc byte[256];
        var length = Encode(name, wire);
        var labels = wire[..length];
        var position = 0;
        while (labels[position] != 0)
        {
            if (compress && FindSuffix(labels[position..]) is var target and >= 0)
            {
                WriteU16((ushort)(0xC000 | target));
                return;
            }

            if (compress && _targetCount < _targets.Length && Offset < 0x4000)
            {
                _targets[_targetCount++] = Offset;
            }

            var len = labels[position];
            WriteBytes(labels.Slice(position, len + 1));
            position += len + 1;
        }

        WriteU8(0);
    }

    /// <summary>Encodes a presentation name into uncompressed wire form; returns its length.</summary>
    public static int Encode(string name, Span<byte> destination)
    {
        var n = 0;
        var labelStart = 0;
        var labelLength = 0;
        destination[n++] = 0; // placeholder for the first label length
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '.')
            {
                if (labelLength == 0)
                {
                    continue;
                }

                destination[labelStart] = (byte)labelLength;
                labelStart = n;
                destination[n++] = 0;
                labelLength = 0;
                continue;
            }

            byte b;
            if (c == '\\' && i + 1 < name.Length)
            {
                if (i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]) && char.IsAsciiDigit(name[i + 2]) && char.IsAsciiDigit(name[i + 3]))
                {
                    b = (byte)(((name[i + 1] - '0') * 100) + ((name[i + 2] - '0') * 10) + (name[i + 3] - '0'));
                    i += 3;
                }
                else
                {
                    b = (byte)name[++i];
                }
            }
            else
            {
                b = (byte)c;
            }

            if (labelLength == 63 || n >= 255)
            {
                throw new ArgumentException($"The name '{name}' has a label over 63 octets or is over 255 octets.", nameof(name));
            }

            destination[n++] = b;
            labelLength++;
        }

        if (labelLength > 0)
        {
            destination[labelStart] = (byte)labelLength;
            destination[n++] = 0;
        }

        return n;
    }

    private readonly int FindSuffix(scoped ReadOnlySpan<byte> suffix)
    {
        for (var t = 0; t < _targetCount; t++)
        {
            if (SuffixEquals(_targets[t], suffix))
            {
                return _targets[t];
            }
        }

        return -1;
    }

    /// <summary>Compares the (possibly compressed) name at <paramref name="at"/> with an uncompressed one, ignoring ASCII case.</summary>
    private readonly bool SuffixEquals(int at, scoped ReadOnlySpan<byte> wire)
    {
        var i = 0;
        for (var hops = 0; hops < 64; hops++)
        {
            var len = _buffer[at];
            if ((len & 0xC0) == 0xC0)
            {
                at = ((len & 0x3F) << 8) | _buffer[at + 1];
                continue;
            }

            if (len != wire[i])
            {
                return false;
            }

            if (len == 0)
            {
                return true;
            }

            for (var k = 1; k <= len; k++)
            {
                if (char.ToLowerInvariant((char)_buffer[at + k]) != char.ToLowerInvariant((char)wire[i + k]))
                {
                    return false;
                }
            }

            at += len + 1;
            i += len + 1;
        }

        return false;
    }
}
