using System.Globalization;
using System.Text;

namespace Bot.Dns.Wire;

/// <summary>
/// Domain names in presentation form ("www.example.com.", absolute, escaped like dig: <c>\.</c>, <c>\\</c>,
/// <c>\DDD</c>). Helpers to validate user input (with IDNA for Unicode names), compare and walk labels.
/// </summary>
public static class DnsName
{
    public const string Root = ".";

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>Octets a label shows as themselves (everything else is escaped by <see cref="AppendEscaped"/>).</summary>
    internal static readonly System.Buffers.SearchValues<byte> PlainOctets = System.Buffers.SearchValues.Create(
        Enumerable.Range(0x21, 0x7E - 0x21 + 1).Select(b => (byte)b).Where(b => b is not ((byte)'.' or (byte)'\\' or (byte)'"' or (byte)'(' or (byte)')' or (byte)';' or (byte)'@' or (byte)'$')).ToArray());

    /// <summary>Writes one name octet in dig's escaping; returns the number of chars written.</summary>
    internal static int AppendEscaped(Span<char> destination, byte b)
    {
        switch (b)
        {
            case (byte)'.' or (byte)'\\' or (byte)'"' or (byte)'(' or (byte)')' or (byte)';' or (byte)'@' or (byte)'$':
                destination[0] = '\\';
                destination[1] = (char)b;
                return 2;
            case < 0x21 or > 0x7E:
                destination[0] = '\\';
                destination[1] = (char)('0' + (b / 100));
                destination[2] = (char)('0' + (b / 10 % 10));
                destination[3] = (char)('0' + (b % 10));
                return 4;
            default:
                destination[0] = (char)b;
                return 1;
        }
    }

    /// <summary>
    /// Validates a name a user typed and returns it absolute and in ASCII (IDNA for Unicode, RFC 5891), or an error
    /// message. Accepts letters, digits, hyphen and underscore (SRV/DKIM owners), and "*" as a whole first label.
    /// </summary>
    public static bool TryNormalize(string? input, out string name, out string error)
    {
        name = Root;
        error = "";
        var text = (input ?? "").Trim();
        if (text.Length == 0)
        {
            error = "the name is empty";
            return false;
        }

        if (text == ".")
        {
            return true;
        }

        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        if (text.Any(c => c > 0x7F))
        {
            try
            {
                text = Idn.GetAscii(text);
            }
            catch (ArgumentException)
            {
                error = "the name is not a valid internationalised domain name";
                return false;
            }
        }

        var labels = text.Split('.');
        var wire = 1;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length == 0)
            {
                error = "the name has an empty label (two dots in a row)";
                return false;
            }

            if (label.Length > 63)
            {
                error = $"the label '{label[..20]}…' is longer than 63 characters";
                return false;
            }

            if (!(label == "*" && i == 0) && !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                error = $"the label '{label}' has characters a host name cannot have";
                return false;
            }

            wire += label.Length + 1;
        }

        if (wire > 255)
        {
            error = "the name is longer than 255 octets";
            return false;
        }

        name = text.ToLowerInvariant() + ".";
        return true;
    }

    /// <summary>Case-insensitive comparison of presentation names (RFC 4343), trailing dot optional.</summary>
    public static bool Equal(string a, string b) =>
        string.Equals(a.TrimEnd('.'), b.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);

    /// <summary>True if <paramref name="name"/> is <paramref name="zone"/> or below it.</summary>
    public static bool IsAtOrBelow(string name, string zone)
    {
        var n = name.TrimEnd('.');
        var z = zone.TrimEnd('.');
        return z.Length == 0 || string.Equals(n, z, StringComparison.OrdinalIgnoreCase)
            || n.EndsWith("." + z, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The parent of a name ("www.example.com." → "example.com."; the root's parent is the root).</summary>
    public static string Parent(string name)
    {
        if (name == Root)
        {
            return Root;
        }

        var i = 0;
        while (i < name.Length)
        {
            if (name[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (name[i] == '.')
            {
                var rest = name[(i + 1)..];
                return rest.Length == 0 ? Root : rest;
            }

            i++;
        }

        return Root;
    }

    /// <summary>The number of labels (the root has none).</summary>
    public static int LabelCount(string name)
    {
        var count = 0;
        for (var n = name; n != Root; n = Parent(n))
        {
            count++;
        }

        return count;
    }

    /// <summary>Writes a presentation name in uncompressed wire form (unescaping \X and \DDD).</summary>
    public static byte[] ToWire(string name)
    {
        var bytes = new List<byte>(name.Length + 2);
        var label = new List<byte>(63);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '\\' && i + 1 < name.Length)
            {
                if (i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]) && char.IsAsciiDigit(name[i + 2]) && char.IsAsciiDigit(name[i + 3]))
                {
                    label.Add((byte)int.Parse(name.AsSpan(i + 1, 3), CultureInfo.InvariantCulture));
                    i += 3;
                }
                else
                {
                    label.Add((byte)name[++i]);
                }
            }
            else if (c == '.')
            {
                if (label.Count > 0)
                {
                    bytes.Add((byte)label.Count);
                    bytes.AddRange(label);
                    label.Clear();
                }
            }
            else
            {
                label.Add((byte)c);
            }
        }

        if (label.Count > 0)
        {
            bytes.Add((byte)label.Count);
            bytes.AddRange(label);
        }

        bytes.Add(0);
        return [.. bytes];
    }

    /// <summary>The canonical (lower-case, uncompressed) wire form used by DNSSEC digests (RFC 4034 §6.2).</summary>
    public static byte[] CanonicalWire(string name)
    {
        var wire = ToWire(name);
        for (var i = 0; i < wire.Length;)
        {
            var len = wire[i];
            for (var k = i + 1; k <= i + len; k++)
            {
                if (wire[k] is >= (byte)'A' and <= (byte)'Z')
                {
                    wire[k] = (byte)(wire[k] + 32);
                }
            }

            i += len + 1;
            if (len == 0)
            {
                break;
            }
        }

        return wire;
    }

    internal static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);
}
