using Bot.Engine.Knowledge;

namespace Bot.Engine.Commands;

/// <summary>The command that shows an entry, for follow-up actions and links ("/rcode 2", "/code http 503").</summary>
public static class CommandText
{
    public static string For(CodeEntry entry, string? meaning = null)
    {
        var name = meaning is null ? null : entry.Meanings.FirstOrDefault(m => m.Key == meaning)?.Name;
        return entry.Family switch
        {
            Families.DnsRcode => $"/rcode {name ?? entry.Value}",
            Families.DnsPseudo => $"/rcode {entry.Value}",
            Families.DnsEde => $"/ede {entry.Value}",
            Families.DnsOpcode => $"/code opcode {entry.Value}",
            Families.DnsFlag => $"/code flag {entry.Value}",
            Families.HttpStatus => $"/code http {entry.Value}",
            Families.GrpcStatus => $"/code grpc {entry.Value}",
            Families.SmtpReply or Families.SmtpEnhanced => $"/code smtp {entry.Value}",
            Families.SipResponse => $"/code sip {entry.Value}",
            _ => $"/code {entry.Id}",
        };
    }

    public static string For(KnowledgeBase kb, string id)
    {
        var hash = id.IndexOf('#', StringComparison.Ordinal);
        var bare = hash > 0 ? id[..hash] : id;
        if (kb.Codes.TryGetValue(bare, out var entry))
        {
            return For(entry, hash > 0 ? id[(hash + 1)..] : null);
        }

        if (id.StartsWith("guide:", StringComparison.Ordinal))
        {
            return "/guide " + id["guide:".Length..];
        }

        if (id.StartsWith("scenario:", StringComparison.Ordinal))
        {
            return "/scenario " + id["scenario:".Length..];
        }

        return id.StartsWith("glossary:", StringComparison.Ordinal) ? "/glossary " + id["glossary:".Length..] : id;
    }
}
