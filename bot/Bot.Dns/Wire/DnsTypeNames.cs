using System.Globalization;

namespace Bot.Dns.Wire;

/// <summary>Mnemonics of types, classes, opcodes and RCODEs as dig prints them, with RFC 3597 forms for the rest.</summary>
public static class DnsTypeNames
{
    public static string Type(ushort type) => Enum.IsDefined((DnsType)type) ? ((DnsType)type).ToString() : "TYPE" + type.ToString(CultureInfo.InvariantCulture);

    public static string Class(ushort cls) => cls switch
    {
        1 => "IN",
        3 => "CH",
        4 => "HS",
        254 => "NONE",
        255 => "ANY",
        _ => "CLASS" + cls.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>As dig prints the opcode: QUERY, IQUERY, STATUS, RESERVED3, NOTIFY, UPDATE, RESERVED6 ...</summary>
    public static string Opcode(int opcode) => opcode switch
    {
        0 => "QUERY",
        1 => "IQUERY",
        2 => "STATUS",
        4 => "NOTIFY",
        5 => "UPDATE",
        _ => "RESERVED" + opcode.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>As dig prints the status: NOERROR ... BADCOOKIE, RESERVEDnn for unassigned values.</summary>
    public static string Rcode(int rcode) => rcode switch
    {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        6 => "YXDOMAIN",
        7 => "YXRRSET",
        8 => "NXRRSET",
        9 => "NOTAUTH",
        10 => "NOTZONE",
        11 => "DSOTYPENI",
        16 => "BADVERS",
        17 => "BADKEY",
        18 => "BADTIME",
        19 => "BADMODE",
        20 => "BADNAME",
        21 => "BADALG",
        22 => "BADTRUNC",
        23 => "BADCOOKIE",
        _ => "RESERVED" + rcode.ToString(CultureInfo.InvariantCulture),
    };

    public static bool TryParseType(string text, out ushort type)
    {
        if (Enum.TryParse<DnsType>(text, ignoreCase: true, out var known) && !int.TryParse(text, out _))
        {
            type = (ushort)known;
            return true;
        }

        if (text.StartsWith("TYPE", StringComparison.OrdinalIgnoreCase) && ushort.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out type))
        {
            return true;
        }

        type = 0;
        return false;
    }
}
