using Bot.Engine.Commands;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Engine.Rendering;

/// <summary>Turns knowledge entries into answers in one language. Knows no platform.</summary>
internal sealed partial class AnswerBuilder(KnowledgeBase kb, LinkBuilder links)
{
    private UiStrings Ui => kb.Ui;

    /// <summary>"SERVFAIL (RCODE 2)", "HTTP 503 Service Unavailable": how an entry is named in lists.</summary>
    public string Label(CodeEntry entry, Locale locale)
    {
        var shortName = Ui[UiKeys.Short(entry.Family), locale];
        return entry.Family switch
        {
            Families.DnsRcode or Families.DnsEde or Families.DnsOpcode => $"{entry.Name} ({shortName} {entry.Value})",
            Families.DnsFlag or Families.DnsPseudo => $"{entry.Name} ({shortName})",
            _ => $"{shortName} {entry.Value} {entry.Text[locale].Title}",
        };
    }

    public string Label(string id, Locale locale)
    {
        var hash = id.IndexOf('#', StringComparison.Ordinal);
        var bare = hash > 0 ? id[..hash] : id;
        if (kb.Codes.TryGetValue(bare, out var entry))
        {
            if (hash > 0 && entry.Meanings.FirstOrDefault(m => m.Key == id[(hash + 1)..]) is { } meaning)
            {
                return $"{meaning.Name} ({Ui[UiKeys.Short(entry.Family), locale]} {entry.Value}, {meaning.Text[locale].Title})";
            }

            return Label(entry, locale);
        }

        if (kb.Guides.TryGetValue(id, out var guide))
        {
            return guide.Text[locale].Title;
        }

        if (kb.Scenarios.TryGetValue(id, out var scenario))
        {
            return scenario.Text[locale].Title;
        }

        return kb.Glossary.TryGetValue(id, out var term) ? term.Text[locale].Title : id;
    }

    /// <summary>The title of a code answer: "SERVFAIL (RCODE 2) — Server failure", "HTTP 503 Service Unavailable".</summary>
    private string Title(CodeEntry entry, Locale locale)
    {
        var title = entry.Text[locale].Title;
        switch (entry.Family)
        {
            // EDE names are phrases that the title usually repeats: "EDE 22 — No Reachable Authority (...)".
            case Families.DnsEde:
                return $"{Ui[UiKeys.Short(entry.Family), locale]} {entry.Value} — {title}";
            case Families.DnsRcode or Families.DnsOpcode or Families.DnsFlag or Families.DnsPseudo:
                var label = Label(entry, locale);
                return string.Equals(title, entry.Name, StringComparison.OrdinalIgnoreCase) ? label : $"{label} — {title}";
            default:
                return Label(entry, locale);
        }
    }

    private IEnumerable<AnswerLink> GuideLinks(IEnumerable<string> guideIds, Locale locale) =>
        guideIds.Select(id => kb.Guides.GetValueOrDefault(id))
            .OfType<Guide>()
            .Select(g => new AnswerLink(g.Text[locale].Title, links.Guide(g, locale), LinkKind.Guide));

    private static IEnumerable<AnswerLink> RefLinks(IEnumerable<Reference> refs) =>
        refs.DistinctBy(r => r.Url).Select(r => new AnswerLink(r.Label, r.Url, LinkKind.Rfc));

    private AnswerAction Action(string labelKey, Locale locale, string command, params object[] args) =>
        new(Ui.Format(labelKey, locale, args), command);

    private AnswerAction GuideAction(string guideId, Locale locale) =>
        new(Ui.Format(UiKeys.ActionGuide, locale, Label(guideId, locale)), CommandText.For(kb, guideId));
}
