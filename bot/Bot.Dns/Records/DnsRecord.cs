using System.Globalization;
using Bot.Dns.Wire;

namespace Bot.Dns.Records;

/// <summary>A resource record (RFC 1035 §4.1.3) with its data parsed.</summary>
public sealed record DnsRecord(string Name, ushort Type, ushort Class, uint Ttl, Rdata Data)
{
    public DnsType KnownType => (DnsType)Type;

    /// <summary>One line of zone-file presentation, as dig prints it (tab-separated).</summary>
    public override string ToString() =>
        $"{Name}\t{Ttl.ToString(CultureInfo.InvariantCulture)}\t{DnsTypeNames.Class(Class)}\t{DnsTypeNames.Type(Type)}\t{Data.ToPresentation()}";
}

/// <summary>A question (RFC 1035 §4.1.2).</summary>
public sealed record DnsQuestion(string Name, ushort Type, ushort Class = (ushort)DnsClass.IN)
{
    public override string ToString() => $"{Name}\t\t{DnsTypeNames.Class(Class)}\t{DnsTypeNames.Type(Type)}";
}
