namespace Bot.Engine.Knowledge;

/// <summary>The code families the engine knows, with the registry file each must cover completely.</summary>
public static class Families
{
    public const string DnsRcode = "dns:rcode";
    public const string DnsEde = "dns:ede";
    public const string DnsOpcode = "dns:opcode";
    public const string DnsFlag = "dns:flag";
    public const string DnsPseudo = "dns:pseudo";
    public const string HttpStatus = "http:status";
    public const string GrpcStatus = "grpc:status";
    public const string SmtpReply = "smtp:reply";
    public const string SmtpEnhanced = "smtp:enhanced";
    public const string SipResponse = "sip:response";

    public static readonly IReadOnlyList<string> All =
        [DnsRcode, DnsEde, DnsOpcode, DnsFlag, DnsPseudo, HttpStatus, GrpcStatus, SmtpReply, SmtpEnhanced, SipResponse];

    /// <summary>Registry CSV (under knowledge/registries/) that lists every value a family must answer.</summary>
    public static readonly IReadOnlyDictionary<string, string> Registries = new Dictionary<string, string>
    {
        [DnsRcode] = "dns-rcodes.csv",
        [DnsEde] = "dns-ede.csv",
        [DnsOpcode] = "dns-opcodes.csv",
        [HttpStatus] = "http-status.csv",
        [GrpcStatus] = "grpc-status.csv",
        [SmtpReply] = "smtp-reply.csv",
        [SmtpEnhanced] = "smtp-enhanced.csv",
        [SipResponse] = "sip-response.csv",
    };

    /// <summary>Families whose entries carry the full set of fields (meaning, when, fix, wire, equivalents).</summary>
    public static bool IsRich(string family) => family is DnsRcode or DnsEde;

    public static string Of(string id)
    {
        var second = id.IndexOf(':', id.IndexOf(':', StringComparison.Ordinal) + 1);
        return second < 0 ? id : id[..second];
    }
}
