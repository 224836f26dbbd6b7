using Bot.Dns.Records;

namespace Bot.Dns.Wire;

/// <summary>A parsed DNS message. The OPT record is lifted out into <see cref="Edns"/>.</summary>
public sealed record DnsMessage(
    DnsHeader Header,
    IReadOnlyList<DnsQuestion> Questions,
    IReadOnlyList<DnsRecord> Answers,
    IReadOnlyList<DnsRecord> Authorities,
    IReadOnlyList<DnsRecord> Additionals,
    Edns? Edns,
    int Size)
{
    /// <summary>The full RCODE: 4 header bits, plus 8 bits from OPT when present (RFC 6891 §6.1.3).</summary>
    public int Rcode => (Edns is null ? 0 : Edns.ExtendedRcode << 4) | Header.Rcode;

    /// <summary>dig's status mnemonic (NOERROR, SERVFAIL, BADVERS, BADCOOKIE ...).</summary>
    public string Status => DnsTypeNames.Rcode(Rcode);

    /// <summary>The TSIG record of a signed response (always last in additional), if any.</summary>
    public TsigRdata? Tsig => Additionals.Count > 0 && Additionals[^1].Data is TsigRdata tsig ? tsig : null;

    public IEnumerable<ExtendedError> ExtendedErrors => Edns?.Errors ?? [];

    public static DnsMessage Parse(ReadOnlySpan<byte> message) =>
        DnsMessageParser.TryParse(message, out var parsed, out var error, out var offset) ? parsed : throw new DnsParseException(error, offset);

    public static bool TryParse(ReadOnlySpan<byte> message, out DnsMessage parsed, out DnsParseError error) =>
        DnsMessageParser.TryParse(message, out parsed, out error, out _);
}
