using System.Globalization;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;

namespace Bot.Adapters.Discord;

/// <summary>Up to 25 choices for the option being typed: codes with their names, guides, glossary terms, resolvers.</summary>
internal static class DiscordAutocomplete
{
    private const int Max = 25;

    public static IReadOnlyList<(string Name, string Value)> Choices(BotEngine engine, string command, string option, string typed, Locale locale)
    {
        var kb = engine.Knowledge;
        typed = typed.Trim();
        IEnumerable<(string Name, string Value, string Match)> candidates = (command, option) switch
        {
            ("rcode", _) => Codes(kb, Families.DnsRcode, locale).Concat(Codes(kb, Families.DnsPseudo, locale)),
            ("ede", _) => Codes(kb, Families.DnsEde, locale),
            ("compare", _) => Codes(kb, Families.DnsRcode, locale).Concat(Codes(kb, Families.DnsPseudo, locale)).Concat(Codes(kb, Families.DnsEde, locale)),
            ("guide", _) => kb.Guides.Values.Select(g => (g.Text[locale].Title, g.Slug, g.Slug + " " + g.Text[locale].Title)),
            ("glossary", _) => kb.Glossary.Values.Select(g => (g.Text[locale].Title, g.Id["glossary:".Length..], string.Join(' ', g.Terms.All().SelectMany(t => t)))),
            ("dig", "resolver") => engine.LiveCheckResolvers.Select(r => (r, r, r)),
            _ => [],
        };

        return [.. candidates
            .Where(c => typed.Length == 0 || c.Match.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => typed.Length > 0 && c.Match.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Take(Max)
            .Select(c => (Cut(c.Name, 100), Cut(c.Value, 100)))];
    }

    private static IEnumerable<(string, string, string)> Codes(KnowledgeBase kb, string family, Locale locale) =>
        kb.InFamily(family)
            .OrderBy(e => int.TryParse(e.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
            .Select(e =>
            {
                var names = string.Join(" / ", e.Names.Concat(e.Meanings.Select(m => m.Name)).Distinct());
                var name = family == Families.DnsPseudo ? $"{names} — {e.Text[locale].Title}" : $"{e.Value} — {names} ({e.Text[locale].Title})";
                return (name, family == Families.DnsPseudo ? e.Name : e.Value, $"{e.Value} {names} {string.Join(' ', e.Aliases)} {e.Text[locale].Title}");
            });

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
