using System.Net;
using System.Net.Sockets;

namespace Bot.Dns.Transport;

/// <summary>
/// Which addresses the bot may send queries to. Private, loopback, link-local, CGNAT, multicast, unspecified,
/// benchmarking and documentation ranges (IPv4 and IPv6) are refused unless a configured range allows them, so that
/// a zone whose NS points at 10.0.0.1 cannot make the bot probe an internal network.
/// </summary>
public sealed class TargetPolicy
{
    private static readonly IPNetwork[] Blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("ff00::/8"),
        IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("100::/64"), IPNetwork.Parse("2001::/23"), IPNetwork.Parse("fec0::/10"),
    ];

    private readonly IPNetwork[] _allowed;

    public TargetPolicy(IEnumerable<IPNetwork> allowed) => _allowed = [.. allowed];

    /// <summary>A policy that allows every address (for tools run by an operator, never for chat users).</summary>
    public static TargetPolicy AllowAll { get; } = new([IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0")]);

    public bool IsAllowed(IPAddress address)
    {
        // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses are judged by the IPv4 address inside.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && IPNetwork.Parse("64:ff9b::/96").Contains(address))
        {
            address = new IPAddress(address.GetAddressBytes()[12..]);
        }

        foreach (var range in _allowed)
        {
            if (range.BaseAddress.AddressFamily == address.AddressFamily && range.Contains(address))
            {
                return true;
            }
        }

        foreach (var range in Blocked)
        {
            if (range.BaseAddress.AddressFamily == address.AddressFamily && range.Contains(address))
            {
                return false;
            }
        }

        return true;
    }
}
