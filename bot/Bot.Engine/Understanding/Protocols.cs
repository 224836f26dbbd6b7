using Bot.Engine.Knowledge;

namespace Bot.Engine.Understanding;

/// <summary>The words that name a protocol or code family, in the languages we answer in.</summary>
internal static class Protocols
{
    private static readonly Dictionary<string, string> HintWords = new(StringComparer.Ordinal)
    {
        ["http"] = "http", ["https"] = "http", ["web"] = "http",
        ["smtp"] = "smtp", ["esmtp"] = "smtp", ["mail"] = "smtp", ["email"] = "smtp", ["e-mail"] = "smtp", ["bounce"] = "smtp",
        ["sip"] = "sip", ["voip"] = "sip",
        ["grpc"] = "grpc",
        ["ede"] = "ede", ["extended"] = "ede", ["erweitert"] = "ede", ["erweiterte"] = "ede", ["erweiterter"] = "ede",
        ["opcode"] = "opcode", ["opcodes"] = "opcode",
        ["flag"] = "flag", ["flags"] = "flag", ["bit"] = "flag",
        ["rcode"] = "rcode", ["rcodes"] = "rcode", ["dns"] = "dns",
    };

    private static readonly (string Phrase, string Hint)[] CjkHints =
    [
        ("メール", "smtp"), ("拡張", "ede"), ("フラグ", "flag"), ("オペコード", "opcode"),
    ];

    /// <summary>The hint a family's names need before a bare name in free text counts as a mention.</summary>
    public static string? HintOf(string family) => family switch
    {
        Families.HttpStatus => "http",
        Families.GrpcStatus => "grpc",
        Families.SmtpReply or Families.SmtpEnhanced => "smtp",
        Families.SipResponse => "sip",
        Families.DnsEde => "ede",
        Families.DnsOpcode => "opcode",
        Families.DnsFlag => "flag",
        _ => "rcode",
    };

    public static HashSet<string> Hints(string text, IReadOnlyList<Token> tokens)
    {
        var hints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tokens)
        {
            if (HintWords.TryGetValue(t.Text, out var hint))
            {
                hints.Add(hint);
            }
            else if (t.Text.Contains('-', StringComparison.Ordinal))
            {
                // "gRPC-Status", "HTTP-Statuscode": German compounds name the protocol in their first part.
                foreach (var part in t.Text.Split('-'))
                {
                    if (HintWords.TryGetValue(part, out var partHint))
                    {
                        hints.Add(partHint);
                    }
                }
            }
        }

        foreach (var (phrase, hint) in CjkHints)
        {
            if (text.Contains(phrase, StringComparison.Ordinal))
            {
                hints.Add(hint);
            }
        }

        return hints;
    }

    public static bool IsHintWord(string word) => HintWords.ContainsKey(word);

    /// <summary>The families a protocol word in <c>/code &lt;protocol&gt; &lt;value&gt;</c> selects.</summary>
    public static IReadOnlyList<string>? FamiliesFor(string word) => word.ToLowerInvariant() switch
    {
        "http" or "https" => [Families.HttpStatus],
        "smtp" or "esmtp" or "mail" => [Families.SmtpReply, Families.SmtpEnhanced],
        "sip" => [Families.SipResponse],
        "grpc" => [Families.GrpcStatus],
        "dns" or "rcode" => [Families.DnsRcode],
        "ede" => [Families.DnsEde],
        "opcode" => [Families.DnsOpcode],
        "flag" => [Families.DnsFlag],
        _ => null,
    };

    /// <summary>The family a hint word prefers for a bare number.</summary>
    public static string? FamilyOfHint(string hint) => hint switch
    {
        "http" => Families.HttpStatus,
        "smtp" => Families.SmtpReply,
        "sip" => Families.SipResponse,
        "grpc" => Families.GrpcStatus,
        "ede" => Families.DnsEde,
        "opcode" => Families.DnsOpcode,
        "rcode" or "dns" => Families.DnsRcode,
        _ => null,
    };
}
