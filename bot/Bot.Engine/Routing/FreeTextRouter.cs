using Bot.Engine.Commands;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Understanding;

namespace Bot.Engine.Routing;

/// <summary>Answers a question in words: "SERVFAIL vs REFUSED?", "NXDOMAINとは", "HTTP equivalent of SERVFAIL".</summary>
internal static class FreeTextRouter
{
    public static Answer Answer(EngineContext ctx, string text, IReadOnlyList<Token> tokens, Locale locale)
    {
        var u = ctx.Understander.Read(text, tokens);

        // "why does api.example.com fail?", "check example.com MX", "dig example.com": a live check.
        if (u.DomainName is not null && (u.WantsCheck || (tokens.Count > 0 && tokens[0].Text == "dig")))
        {
            return LiveCheck(ctx, u.DomainName, tokens, locale);
        }

        var distinct = u.Codes.DistinctBy(c => (c.Entry.Id, c.Meaning)).ToList();
        if (u.WantsEquivalent && distinct.Count >= 1)
        {
            var focus = u.Hints.Select(Protocols.FamilyOfHint).FirstOrDefault(f => f is not null && !f.StartsWith("dns:", StringComparison.Ordinal));
            var subject = distinct.FirstOrDefault(c => c.Entry.Family.StartsWith("dns:", StringComparison.Ordinal)) ?? distinct[0];
            return ctx.Answers.Code(subject.Entry, locale, subject.Meaning, focus);
        }

        var sameFamily = distinct.Count >= 2 && distinct[0].Entry.Family == distinct[1].Entry.Family;
        if ((u.WantsComparison && distinct.Count >= 1) || sameFamily)
        {
            if (CompareCommand.Compare(ctx, u with { Codes = distinct }, locale) is { } comparison)
            {
                return comparison;
            }
        }

        if (distinct.Count >= 1)
        {
            // An RCODE outranks an EDE or a term mentioned beside it ("SERVFAIL with EDE 9" is about SERVFAIL).
            var best = distinct.OrderByDescending(c => Weight(c.Entry.Family)).First();
            return ctx.Answers.Code(best.Entry, locale, best.Meaning, alsoIn: best.AlsoIn, concrete: best.Concrete);
        }

        var topic = u.Topics
            .OrderByDescending(t => t.Kind switch { TargetKind.Glossary => 3, TargetKind.Scenario => 2, _ => 1 })
            .FirstOrDefault();
        switch (topic?.Kind)
        {
            case TargetKind.Glossary:
                return ctx.Answers.Glossary(ctx.Kb.Glossary[topic.Id], locale);
            case TargetKind.Scenario:
                return ctx.Answers.Scenario(ctx.Kb.Scenarios[topic.Id], locale);
            case TargetKind.Guide:
                return ctx.Answers.Guide(ctx.Kb.Guides[topic.Id], locale);
        }

        if (u.DomainName is not null)
        {
            return LiveCheck(ctx, u.DomainName, tokens, locale);
        }

        return ctx.Answers.Unknown(text, Suggestions.For(ctx, text, locale), locale);
    }

    private static Answer LiveCheck(EngineContext ctx, string name, IReadOnlyList<Token> tokens, Locale locale)
    {
        // A record type named in the text ("check example.com MX") is the type to ask for.
        var type = tokens.Select(t => Bot.Dns.Wire.DnsTypeNames.TryParseType(t.Text.ToUpperInvariant(), out var ty) && t.Text.Length <= 10 && t.Text != name ? ty : (ushort)0)
            .FirstOrDefault(t => t != 0 && t != (ushort)Bot.Dns.Wire.DnsType.ANY);
        if (!Diagnosis.DigRequest.TryParse(type == 0 ? name : $"{name} {Bot.Dns.Wire.DnsTypeNames.Type(type)}", out var request, out _))
        {
            return ctx.Answers.DigDisabled(name, locale);
        }

        return ctx.Answers.DigDisabled(name.TrimEnd('.'), locale) with { PendingCheck = request };
    }

    private static int Weight(string family) => family switch
    {
        Families.DnsRcode => 5,
        Families.DnsPseudo => 6, // "NOERROR with an empty answer" is about NODATA
        Families.DnsEde => 3,
        Families.SmtpEnhanced => 2,
        _ => 1,
    };
}
