using System.Globalization;
using System.Net;
using System.Text;
using Bot.Dns.Wire;

namespace Bot.Dns.Records;

/// <summary>Record data. Each type knows its presentation form; unknown types keep their bytes (RFC 3597).</summary>
public abstract record Rdata
{
    /// <summary>The RDATA in zone-file presentation format, as dig prints it.</summary>
    public abstract string ToPresentation();

    public sealed override string ToString() => ToPresentation();

    /// <summary>dig breaks long base64/hex fields into chunks of 56 characters separated by a space.</summary>
    internal static string Chunked(string text, int width = 56)
    {
        if (text.Length <= width)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + (text.Length / width));
        for (var i = 0; i < text.Length; i += width)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(text.AsSpan(i, Math.Min(width, text.Length - i)));
        }

        return sb.ToString();
    }

    internal static string Quote(ReadOnlySpan<byte> text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var b in text)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                sb.Append('\\').Append((char)b);
            }
            else if (b is < 0x20 or > 0x7E)
            {
                sb.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return sb.Append('"').ToString();
    }
}

public sealed record ARdata(IPAddress Address) : Rdata
{
    public override string ToPresentation() => Address.ToString();
}

public sealed record AaaaRdata(IPAddress Address) : Rdata
{
    public override string ToPresentation() => Address.ToString();
}

/// <summary>NS, CNAME, DNAME and PTR: a single domain name.</summary>
public sealed record NameRdata(string Target) : Rdata
{
    public override string ToPresentation() => Target;
}

public sealed record SoaRdata(string MName, string RName, uint Serial, uint Refresh, uint Retry, uint Expire, uint Minimum) : Rdata
{
    public override string ToPresentation() =>
        string.Create(CultureInfo.InvariantCulture, $"{MName} {RName} {Serial} {Refresh} {Retry} {Expire} {Minimum}");
}

public sealed record MxRdata(ushort Preference, string Exchange) : Rdata
{
    public override string ToPresentation() => string.Create(CultureInfo.InvariantCulture, $"{Preference} {Exchange}");
}

/// <summary>TXT (and SPF): one or more character-strings, kept as bytes.</summary>
public sealed record TxtRdata(IReadOnlyList<byte[]> Strings) : Rdata
{
    public override string ToPresentation() => string.Join(' ', Strings.Select(s => Quote(s)));

    /// <summary>The strings joined, decoded as UTF-8 (how SPF/DKIM readers see them).</summary>
    public string Text => string.Concat(Strings.Select(s => Encoding.UTF8.GetString(s)));
}

public sealed record SrvRdata(ushort Priority, ushort Weight, ushort Port, string Target) : Rdata
{
    public override string ToPresentation() => string.Create(CultureInfo.InvariantCulture, $"{Priority} {Weight} {Port} {Target}");
}

public sealed record CaaRdata(byte Flags, string Tag, byte[] Value) : Rdata
{
    public override string ToPresentation() => string.Create(CultureInfo.InvariantCulture, $"{Flags} {Tag} {Quote(Value)}");
}

/// <summary>Any type this library does not parse, in RFC 3597 form: <c>\# length hex</c>.</summary>
public sealed record UnknownRdata(byte[] Bytes) : Rdata
{
    public override string ToPresentation() =>
        Bytes.Length == 0 ? @"\# 0" : $@"\# {Bytes.Length.ToString(CultureInfo.InvariantCulture)} {Chunked(Convert.ToHexString(Bytes))}";
}
