using System.Globalization;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Engine.Rendering;

internal sealed partial class AnswerBuilder
{
    /// <summary>The full answer for one code.</summary>
    /// <param name="meaning">For RCODE 9/16: the registration the user named (BADSIG), shown first.</param>
    /// <param name="focusFamily">For "what's the HTTP equivalent of SERVFAIL": the family to lead with.</param>
    public Answer Code(CodeEntry entry, Locale locale, string? meaning = null, string? focusFamily = null,
        IReadOnlyList<CodeEntry>? alsoIn = null, IReadOnlyList<CodeEntry>? parts = null, string? concrete = null)
    {
        var text = entry.Text[locale];
        var sections = new List<AnswerSection>();
        var codes = new List<string> { entry.Id };
        if (concrete is not null)
        {
            codes.Insert(0, $"{entry.Family}:{concrete}");
        }

        var summary = text.Summary;

        var chosen = meaning is null ? null : entry.Meanings.FirstOrDefault(m => m.Key == meaning);
        if (chosen is not null)
        {
            summary = $"{chosen.Name}: {chosen.Text[locale].Summary}";
        }

        if (focusFamily is not null)
        {
            var focused = entry.Equivalents.Where(e => InFocus(e.Id, focusFamily)).ToList();
            if (focused.Count > 0)
            {
                summary = Ui.Format(UiKeys.EquivalentLead, locale, entry.Name, string.Join(", ", focused.Select(e => Label(e.Id, locale))), focused[0].Why[locale]);
                codes.AddRange(focused.Select(e => e.Id));
            }
            else
            {
                summary = Ui.Format(UiKeys.EquivalentNone, locale, entry.Name, Ui[UiKeys.Family(focusFamily), locale]) + " " + summary;
            }
        }

        if (entry.IsRich)
        {
            sections.Add(new AnswerSection("meaning", Ui[UiKeys.SectionMeaning, locale], SectionKind.Paragraph, [text.Meaning]));
        }
        else if (text.Body.Length > 0)
        {
            sections.Add(new AnswerSection("meaning", Ui[UiKeys.SectionMeaning, locale], SectionKind.Paragraph, [text.Body]));
        }

        if (entry.Meanings.Count > 0)
        {
            var ordered = chosen is null ? entry.Meanings : [chosen, .. entry.Meanings.Where(m => m != chosen)];
            sections.Add(new AnswerSection("meanings", Ui[UiKeys.SectionMeanings, locale], SectionKind.Bullets,
                [.. ordered.Select(m => $"`{m.Name}` ({string.Join(", ", m.Refs.Select(r => r.Label))}): {m.Text[locale].Title}. {m.Text[locale].Summary}")]));
        }

        if (parts is { Count: > 0 })
        {
            sections.Add(new AnswerSection("parts", Ui[UiKeys.SectionParts, locale], SectionKind.Bullets,
                [$"{Label(entry, locale)}: {text.Summary}", .. parts.Select(p => $"{Label(p, locale)}: {p.Text[locale].Summary}")]));
            codes.AddRange(parts.Select(p => p.Id));
        }

        if (text.When.Count > 0)
        {
            sections.Add(new AnswerSection("when", Ui[UiKeys.SectionWhen, locale], SectionKind.Bullets, text.When));
        }

        if (text.Fix.Count > 0)
        {
            var heading = entry.Family == Families.DnsEde ? UiKeys.SectionOperator : UiKeys.SectionFix;
            sections.Add(new AnswerSection("fix", Ui[heading, locale], SectionKind.Steps, text.Fix));
        }

        if (text.Wire.Length > 0)
        {
            sections.Add(new AnswerSection("wire", Ui[UiKeys.SectionWire, locale], SectionKind.Paragraph, [text.Wire]));
        }

        if (entry.Rcodes.Count > 0)
        {
            sections.Add(new AnswerSection("rcodes", Ui[UiKeys.SectionRcodes, locale], SectionKind.Bullets,
                [.. entry.Rcodes.Select(id => Label(id, locale))]));
        }

        if (entry.Equivalents.Count > 0)
        {
            var ordered = focusFamily is null ? entry.Equivalents : entry.Equivalents.OrderBy(e => InFocus(e.Id, focusFamily) ? 0 : 1).ToList();
            sections.Add(new AnswerSection("equivalents", Ui[UiKeys.SectionEquivalents, locale], SectionKind.Bullets,
                [.. ordered.Select(e => $"{Label(e.Id, locale)}: {e.Why[locale]}")]));
        }

        if (entry.Related.Count > 0)
        {
            sections.Add(new AnswerSection("related", Ui[UiKeys.SectionRelated, locale], SectionKind.Bullets,
                [.. entry.Related.Select(id => RelatedLine(id, locale))]));
        }

        if (alsoIn is { Count: > 0 })
        {
            sections.Add(new AnswerSection("also", Ui[UiKeys.SectionAlso, locale], SectionKind.Bullets,
                [.. alsoIn.Select(e => $"{Label(e, locale)}: {e.Text[locale].Summary}")]));
        }

        if (entry.Provisional)
        {
            sections.Insert(0, new AnswerSection("provisional", Ui[UiKeys.SectionNote, locale], SectionKind.Paragraph, [Ui[UiKeys.ProvisionalNote, locale]]));
        }

        return new Answer
        {
            Intent = "code",
            Locale = locale,
            Title = concrete is null ? Title(entry, locale) : $"{Ui[UiKeys.Short(entry.Family), locale]} {concrete} {text.Title}",
            Summary = summary,
            Severity = entry.Severity,
            Sections = sections,
            Facts = CodeFacts(entry, locale),
            Links = [.. GuideLinks(entry.Guides, locale), .. RefLinks(entry.Refs.Concat(entry.Meanings.SelectMany(m => m.Refs)))],
            Actions = CodeActions(entry, locale, alsoIn),
            Codes = codes,
        };
    }

    /// <summary>SMTP has two code families; "the SMTP equivalent" may be either.</summary>
    private static bool InFocus(string id, string focusFamily)
    {
        var family = Families.Of(id);
        return family == focusFamily || (focusFamily == Families.SmtpReply && family == Families.SmtpEnhanced);
    }

    private string RelatedLine(string id, Locale locale)
    {
        var hash = id.IndexOf('#', StringComparison.Ordinal);
        var bare = hash > 0 ? id[..hash] : id;
        return kb.Codes.TryGetValue(bare, out var related)
            ? $"{Label(id, locale)}: {related.Text[locale].Summary}"
            : Label(id, locale);
    }

    private List<Fact> CodeFacts(CodeEntry entry, Locale locale)
    {
        var facts = new List<Fact>
        {
            new(Ui[UiKeys.FactName, locale], string.Join(" / ", entry.Names.Concat(entry.Meanings.Select(m => m.Name)).Distinct(StringComparer.OrdinalIgnoreCase))),
            new(Ui[UiKeys.FactCode, locale], entry.Value),
            new(Ui[UiKeys.FactRegistry, locale], Ui[UiKeys.Family(entry.Family), locale]),
        };
        var wires = entry.Meanings.Select(m => m.Wire).Prepend(entry.Wire).OfType<string>().Distinct().ToList();
        if (wires.Count > 0)
        {
            facts.Add(new Fact(Ui[UiKeys.FactWire, locale], string.Join(" / ", wires.Select(w => Ui[UiKeys.Wire(w), locale]))));
        }

        var refs = entry.Refs.Concat(entry.Meanings.SelectMany(m => m.Refs)).Select(r => r.Label).Distinct().ToList();
        if (refs.Count > 0)
        {
            facts.Add(new Fact(Ui[UiKeys.FactRefs, locale], string.Join(", ", refs)));
        }

        return facts;
    }

    private List<AnswerAction> CodeActions(CodeEntry entry, Locale locale, IReadOnlyList<CodeEntry>? alsoIn)
    {
        var actions = new List<AnswerAction>();
        foreach (var id in entry.Related.Where(id => Families.Of(id) == entry.Family || Families.Of(id) == Families.DnsPseudo).Take(2))
        {
            var other = Label(id, locale);
            var otherName = kb.Codes.TryGetValue(id.Split('#')[0], out var o) ? o.Name : id;
            actions.Add(Action(UiKeys.ActionCompare, locale, $"/compare {entry.Name} {otherName}", other));
        }

        foreach (var id in entry.Rcodes.Take(1))
        {
            actions.Add(new AnswerAction(Label(id, locale), Commands.CommandText.For(kb, id)));
        }

        if (entry.Guides.Count > 0)
        {
            actions.Add(GuideAction(entry.Guides[0], locale));
        }

        if (entry.Scenarios.Count > 0 && kb.Scenarios.TryGetValue(entry.Scenarios[0], out var scenario))
        {
            actions.Add(Action(UiKeys.ActionScenario, locale, Commands.CommandText.For(kb, scenario.Id), scenario.Text[locale].Title));
        }

        foreach (var other in alsoIn ?? [])
        {
            actions.Add(new AnswerAction(Label(other, locale), Commands.CommandText.For(other)));
        }

        return actions;
    }

    /// <summary>An answer for a value with no entry of its own (unassigned, private use, reserved).</summary>
    public Answer Range(CodeRange range, int value, Locale locale)
    {
        var text = range.Text[locale];
        var span = range.From == range.To
            ? range.From.ToString(CultureInfo.InvariantCulture)
            : $"{range.From.ToString(CultureInfo.InvariantCulture)}–{range.To.ToString(CultureInfo.InvariantCulture)}";
        return new Answer
        {
            Intent = "code",
            Locale = locale,
            Title = $"{Ui[UiKeys.Short(range.Family), locale]} {value.ToString(CultureInfo.InvariantCulture)} — {text.Title}",
            Summary = text.Summary,
            Severity = Severity.Info,
            Sections = text.Body.Length > 0 ? [new AnswerSection("meaning", Ui[UiKeys.SectionMeaning, locale], SectionKind.Paragraph, [text.Body])] : [],
            Facts =
            [
                new Fact(Ui[UiKeys.FactCode, locale], value.ToString(CultureInfo.InvariantCulture)),
                new Fact(Ui[UiKeys.FactRange, locale], span),
                new Fact(Ui[UiKeys.FactRegistry, locale], Ui[UiKeys.Family(range.Family), locale]),
            ],
            Links = [.. RefLinks(range.Refs)],
            Actions = [GuideAction(range.Family == Families.DnsEde ? "guide:extended-errors" : "guide:rcodes", locale)],
            Codes = [$"{range.Family}:{value.ToString(CultureInfo.InvariantCulture)}"],
        };
    }
}
