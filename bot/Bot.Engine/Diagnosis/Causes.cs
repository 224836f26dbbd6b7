namespace Bot.Engine.Diagnosis;

/// <summary>The stable ids a diagnosis concludes with (the `diagnosis.cause` of the JSON answer).</summary>
public static class Causes
{
    public static readonly IReadOnlyList<string> All =
    [
        "ok", "nodata", "nxdomain", "lame-delegation", "nameservers-unreachable", "nameservers-timeout",
        "dnssec-signature-expired", "dnssec-signature-not-yet-valid", "dnssec-ds-mismatch", "dnssec-unsigned-with-ds",
        "dnssec-bogus", "soa-serial-mismatch", "partially-unreachable", "refused", "resolver-unreachable", "inconclusive",
    ];
}
