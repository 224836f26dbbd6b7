using System.Globalization;
using System.Net;
using System.Text;

namespace Bot.Dns.Records;

/// <summary>SVCB and HTTPS (RFC 9460): priority, target, and SvcParams kept as (key, value bytes).</summary>
public sealed record SvcbRdata(ushort Priority, string Target, IReadOnlyList<(ushort Key, byte[] Value)> Parameters) : Rdata
{
    public override string ToPresentation()
    {
        var sb = new StringBuilder();
        sb.Append(Priority.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Target);
        foreach (var (key, value) in Parameters)
        {
            sb.Append(' ').Append(Format(key, value));
        }

        return sb.ToString();
    }

    private static string Format(ushort key, byte[] value)
    {
        switch (key)
        {
            case 0 when value.Length % 2 == 0: // mandatory
                return "mandatory=" + string.Join(',', Enumerable.Range(0, value.Length / 2).Select(i => KeyName((ushort)((value[2 * i] << 8) | value[(2 * i) + 1]))));
            case 1: // alpn: a list of length-prefixed ids
                var ids = new List<string>();
                for (var i = 0; i < value.Length;)
                {
                    var len = value[i];
                    if (i + 1 + len > value.Length)
                    {
                        return Generic(key, value);
                    }

                    ids.Add(Encoding.ASCII.GetString(value, i + 1, len).Replace(",", "\\\\,", StringComparison.Ordinal));
                    i += 1 + len;
                }

                return $"alpn=\"{string.Join(',', ids)}\"";
            case 2 when value.Length == 0:
                return "no-default-alpn";
            case 3 when value.Length == 2:
                return "port=" + ((value[0] << 8) | value[1]).ToString(CultureInfo.InvariantCulture);
            case 4 when value.Length % 4 == 0:
                return "ipv4hint=" + string.Join(',', value.Chunk(4).Select(a => new IPAddress(a).ToString()));
            case 5:
                return "ech=" + Convert.ToBase64String(value);
            case 6 when value.Length % 16 == 0:
                return "ipv6hint=" + string.Join(',', value.Chunk(16).Select(a => new IPAddress(a).ToString()));
            default:
                return Generic(key, value);
        }
    }

    private static string KeyName(ushort key) => key switch
    {
        0 => "mandatory",
        1 => "alpn",
        2 => "no-default-alpn",
        3 => "port",
        4 => "ipv4hint",
        5 => "ech",
        6 => "ipv6hint",
        _ => "key" + key.ToString(CultureInfo.InvariantCulture),
    };

    private static string Generic(ushort key, byte[] value) => value.Length == 0 ? KeyName(key) : $"{KeyName(key)}={Quote(value)}";
}
