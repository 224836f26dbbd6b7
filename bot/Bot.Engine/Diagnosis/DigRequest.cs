using Bot.Dns.Wire;

namespace Bot.Engine.Diagnosis;

/// <summary>A live check as the user asked for it: <c>/dig name [type] [@resolver] [+dnssec] [+cd] [+tcp] [+norecurse] [+nsid] [+trace]</c>.</summary>
public sealed record DigRequest(string Name, ushort Type)
{
    public string? Resolver { get; init; }
    public bool Dnssec { get; init; }
    public bool CheckingDisabled { get; init; }
    public bool Tcp { get; init; }
    public bool NoRecurse { get; init; }
    public bool Nsid { get; init; }
    public bool Trace { get; init; }

    /// <summary>The command that repeats this check, for follow-up buttons.</summary>
    public string Command(bool? trace = null, bool? cd = null, bool withResolver = true)
    {
        var parts = new List<string> { "/dig", Name.TrimEnd('.'), DnsTypeNames.Type(Type) };
        if (withResolver && Resolver is not null)
        {
            parts.Add("@" + Resolver);
        }

        if (Dnssec)
        {
            parts.Add("+dnssec");
        }

        if (cd ?? CheckingDisabled)
        {
            parts.Add("+cd");
        }

        if (Tcp)
        {
            parts.Add("+tcp");
        }

        if (NoRecurse)
        {
            parts.Add("+norecurse");
        }

        if (Nsid)
        {
            parts.Add("+nsid");
        }

        if (trace ?? Trace)
        {
            parts.Add("+trace");
        }

        return string.Join(' ', parts);
    }

    /// <summary>Parses the arguments of /dig; on failure <paramref name="error"/> says what is wrong (English, shown with a localized lead).</summary>
    public static bool TryParse(string args, out DigRequest request, out string error)
    {
        request = null!;
        error = "";
        string? name = null;
        ushort type = (ushort)DnsType.A;
        string? resolver = null;
        bool dnssec = false, cd = false, tcp = false, norec = false, nsid = false, trace = false;
        foreach (var word in args.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.StartsWith('@'))
            {
                resolver = word[1..];
                continue;
            }

            if (word.StartsWith('+'))
            {
                switch (word.ToLowerInvariant())
                {
                    case "+dnssec": dnssec = true; break;
                    case "+cd" or "+cdflag": cd = true; break;
                    case "+tcp" or "+vc": tcp = true; break;
                    case "+norecurse" or "+norec": norec = true; break;
                    case "+nsid": nsid = true; break;
                    case "+trace": trace = true; break;
                    default:
                        error = $"unknown option {word} (use +dnssec +cd +tcp +norecurse +nsid +trace)";
                        return false;
                }

                continue;
            }

            if (name is not null && DnsTypeNames.TryParseType(word, out var t))
            {
                type = t;
                continue;
            }

            if (name is null)
            {
                if (!DnsName.TryNormalize(word, out var normalized, out var why))
                {
                    error = why;
                    return false;
                }

                name = normalized;
                continue;
            }

            error = $"unexpected '{word}'";
            return false;
        }

        if (name is null)
        {
            error = "name a domain to check, e.g. /dig example.com MX";
            return false;
        }

        request = new DigRequest(name, type) { Resolver = resolver, Dnssec = dnssec, CheckingDisabled = cd, Tcp = tcp, NoRecurse = norec, Nsid = nsid, Trace = trace };
        return true;
    }
}
