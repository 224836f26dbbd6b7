using System.Globalization;
using System.Text;

namespace Bot.Dns.Wire;

/// <summary>
/// The OPT pseudo-record (RFC 6891 §6.1): requestor's UDP payload size (CLASS), extended RCODE bits, version and
/// the DO flag (TTL), and the options (RDATA). Unknown options are kept as bytes.
/// </summary>
public sealed record Edns(ushort UdpPayloadSize, byte ExtendedRcode, byte Version, ushort Flags, IReadOnlyList<EdnsOption> Options)
{
    /// <summary>DNSSEC OK (RFC 3225).</summary>
    public bool DnssecOk => (Flags & 0x8000) != 0;

    public IEnumerable<ExtendedError> Errors => Options.OfType<ExtendedError>();

    public NsidOption? Nsid => Options.OfType<NsidOption>().FirstOrDefault();

    public CookieOption? Cookie => Options.OfType<CookieOption>().FirstOrDefault();
}

public abstract record EdnsOption(ushort Code);

/// <summary>Extended DNS Error (RFC 8914): INFO-CODE and optional UTF-8 EXTRA-TEXT.</summary>
public sealed record ExtendedError(ushort InfoCode, string ExtraText) : EdnsOption((ushort)EdnsOptionCode.ExtendedError);

/// <summary>Name server identifier (RFC 5001). Empty in queries.</summary>
public sealed record NsidOption(byte[] Data) : EdnsOption((ushort)EdnsOptionCode.Nsid)
{
    /// <summary>dig's rendering: hex, and the text in quotes when it is printable.</summary>
    public string Display()
    {
        var hex = Convert.ToHexString(Data);
        var printable = Data.All(b => b is >= 0x20 and < 0x7F);
        return printable && Data.Length > 0 ? $"{hex} (\"{Encoding.ASCII.GetString(Data)}\")" : hex;
    }
}

/// <summary>DNS cookie (RFC 7873): 8-byte client cookie and, in responses, an 8–32-byte server cookie.</summary>
public sealed record CookieOption(byte[] Client, byte[] Server) : EdnsOption((ushort)EdnsOptionCode.Cookie)
{
    public string Display() => Convert.ToHexString(Client).ToLowerInvariant() + Convert.ToHexString(Server).ToLowerInvariant();
}

public sealed record UnknownOption(ushort OptionCode, byte[] Data) : EdnsOption(OptionCode)
{
    public string Display() => $"OPT={OptionCode.ToString(CultureInfo.InvariantCulture)}: {Convert.ToHexString(Data)}";
}
