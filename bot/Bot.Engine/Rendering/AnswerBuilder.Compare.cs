using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Engine.Rendering;

internal sealed partial class AnswerBuilder
{
    /// <summary>One side of a comparison: an entry, or one registration of a doubly assigned value.</summary>
    internal sealed record Side(CodeEntry Entry, Meaning? Meaning)
    {
        public string Id => Meaning is null ? Entry.Id : $"{Entry.Id}#{Meaning.Key}";
        public string Name => Meaning?.Name ?? Entry.Name;
        public string? Wire => Meaning?.Wire ?? Entry.Wire;
    }

    public Answer Compare(Side a, Side b, Locale locale)
    {
        var curated = kb.FindComparison(a.Id, b.Id)
            ?? (a.Meaning is null && b.Meaning is null ? null : kb.FindComparison(a.Entry.Id, b.Entry.Id));
        var ta = a.Entry.Text[locale];
        var tb = b.Entry.Text[locale];
        var sa = a.Meaning?.Text[locale].Summary ?? ta.Summary;
        var sb = b.Meaning?.Text[locale].Summary ?? tb.Summary;
        var la = a.Meaning is null ? Label(a.Entry, locale) : Label(a.Id, locale);
        var lb = b.Meaning is null ? Label(b.Entry, locale) : Label(b.Id, locale);

        var sections = new List<AnswerSection>();
        if (curated is not null)
        {
            var ct = curated.Text[locale];
            sections.Add(new AnswerSection("differences", Ui[UiKeys.SectionDifferences, locale], SectionKind.Bullets, ct.Points));
            if (ct.Tell.Length > 0)
            {
                sections.Add(new AnswerSection("tell", Ui[UiKeys.SectionTell, locale], SectionKind.Paragraph, [ct.Tell]));
            }
        }
        else
        {
            sections.Add(new AnswerSection("differences", Ui[UiKeys.SectionDifferences, locale], SectionKind.Bullets, DerivedDifferences(a, b, la, lb, locale)));
        }

        var sameEntry = a.Entry == b.Entry;
        sections.Add(new AnswerSection("meaning", Ui[UiKeys.SectionMeaning, locale], SectionKind.Bullets,
            sameEntry ? [$"{a.Name}: {sa}", $"{b.Name}: {sb}"] : [$"{a.Name}: {Prefer(ta.Meaning, sa)}", $"{b.Name}: {Prefer(tb.Meaning, sb)}"]));
        if (!sameEntry)
        {
            AddSideBySide(sections, "when", UiKeys.SectionWhen, a.Name, ta.When, b.Name, tb.When, locale);
            AddSideBySide(sections, "fix", UiKeys.SectionFix, a.Name, ta.Fix, b.Name, tb.Fix, locale);
        }

        return new Answer
        {
            Intent = "compare",
            Locale = locale,
            Title = Ui.Format(UiKeys.CompareTitle, locale, a.Name, b.Name),
            Summary = curated?.Text[locale].Summary ?? Ui.Format(UiKeys.CompareGeneric, locale, a.Name, sa, b.Name, sb),
            Severity = (Severity)Math.Max((int)a.Entry.Severity, (int)b.Entry.Severity),
            Sections = sections,
            Facts = [new Fact("A", la), new Fact("B", lb)],
            Links = [.. GuideLinks(a.Entry.Guides.Concat(b.Entry.Guides).Distinct(), locale).Take(3), .. RefLinks(a.Entry.Refs.Concat(b.Entry.Refs)).Take(4)],
            Actions =
            [
                new AnswerAction(la, Commands.CommandText.For(a.Entry, a.Meaning?.Key)),
                new AnswerAction(lb, Commands.CommandText.For(b.Entry, b.Meaning?.Key)),
            ],
            Codes = [a.Entry.Id, .. sameEntry ? Array.Empty<string>() : [b.Entry.Id]],
        };
    }

    private static string Prefer(string rich, string summary) => rich.Length > 0 ? rich : summary;

    private void AddSideBySide(List<AnswerSection> sections, string key, string headingKey, string nameA, IReadOnlyList<string> a, string nameB, IReadOnlyList<string> b, Locale locale)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return;
        }

        var lines = a.Take(3).Select(l => $"{nameA}: {l}").Concat(b.Take(3).Select(l => $"{nameB}: {l}")).ToList();
        sections.Add(new AnswerSection(key, Ui[headingKey, locale], SectionKind.Bullets, lines));
    }

    /// <summary>Differences that follow from the data when no curated note exists for the pair.</summary>
    private List<string> DerivedDifferences(Side a, Side b, string la, string lb, Locale locale)
    {
        var points = new List<string>();
        if (a.Entry.Family != b.Entry.Family)
        {
            points.Add(Ui.Format(UiKeys.DiffFamily, locale, la, Ui[UiKeys.Family(a.Entry.Family), locale], lb, Ui[UiKeys.Family(b.Entry.Family), locale]));
        }

        if (a.Wire is not null && b.Wire is not null && a.Wire != b.Wire)
        {
            points.Add(Ui.Format(UiKeys.DiffWire, locale, a.Name, Ui[UiKeys.Wire(a.Wire), locale], b.Name, Ui[UiKeys.Wire(b.Wire), locale]));
        }

        if (a.Entry.Severity != b.Entry.Severity)
        {
            points.Add(Ui.Format(UiKeys.DiffSeverity, locale, a.Name, Ui[UiKeys.SeverityName(a.Entry.Severity), locale], b.Name, Ui[UiKeys.SeverityName(b.Entry.Severity), locale]));
        }

        if (a.Entry.Related.Contains(b.Entry.Id) || b.Entry.Related.Contains(a.Entry.Id))
        {
            points.Add(Ui.Format(UiKeys.DiffRelated, locale, a.Name, b.Name));
        }

        points.Add(Ui.Format(UiKeys.DiffNoCurated, locale));
        return points;
    }
}
