using System.Text.RegularExpressions;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Engine.Rendering;

internal sealed partial class AnswerBuilder
{
    public Answer Guide(Guide guide, Locale locale)
    {
        var text = guide.Text[locale];
        var headings = Heading().Matches(guide.Markdown[locale]).Select(m => m.Groups[1].Value.Trim()).ToList();
        var url = links.Guide(guide, locale);
        return new Answer
        {
            Intent = "guide",
            Locale = locale,
            Title = text.Title,
            Summary = text.Summary,
            Severity = Severity.Info,
            Sections = headings.Count > 0 ? [new AnswerSection("contents", Ui[UiKeys.SectionContents, locale], SectionKind.Bullets, headings)] : [],
            Links = [new AnswerLink(text.Title, url, LinkKind.Guide)],
            Actions = [.. guide.Related.Take(4).Select(id => new AnswerAction(Label(id, locale), Commands.CommandText.For(kb, id)))],
            Codes = [.. guide.Related.Where(kb.Codes.ContainsKey)],
        };
    }

    public Answer GuideList(Locale locale) => new()
    {
        Intent = "guide",
        Locale = locale,
        Title = Ui[UiKeys.GuidesTitle, locale],
        Summary = Ui[UiKeys.GuidesSummary, locale],
        Sections = [new AnswerSection("guides", Ui[UiKeys.SectionGuides, locale], SectionKind.Bullets,
            [.. kb.Guides.Values.Select(g => $"{g.Text[locale].Title}: {g.Text[locale].Summary}")])],
        Links = [.. kb.Guides.Values.Select(g => new AnswerLink(g.Text[locale].Title, links.Guide(g, locale), LinkKind.Guide))],
        Actions = [.. kb.Guides.Values.Take(5).Select(g => new AnswerAction(g.Text[locale].Title, Commands.CommandText.For(kb, g.Id)))],
    };

    public Answer Glossary(GlossaryTerm term, Locale locale)
    {
        var text = term.Text[locale];
        var sections = new List<AnswerSection>();
        if (text.Body.Length > 0)
        {
            sections.Add(new AnswerSection("meaning", Ui[UiKeys.SectionDetails, locale], SectionKind.Paragraph, [text.Body]));
        }

        if (term.Related.Count > 0)
        {
            sections.Add(new AnswerSection("related", Ui[UiKeys.SectionRelated, locale], SectionKind.Bullets, [.. term.Related.Select(id => Label(id, locale))]));
        }

        return new Answer
        {
            Intent = "glossary",
            Locale = locale,
            Title = text.Title,
            Summary = text.Summary,
            Severity = Severity.Info,
            Sections = sections,
            Facts = [new Fact(Ui[UiKeys.FactAlsoCalled, locale], string.Join(", ", term.Terms[locale]))],
            Links = [.. GuideLinks(term.Related.Where(id => id.StartsWith("guide:", StringComparison.Ordinal)), locale)],
            Actions = [.. term.Related.Take(4).Select(id => new AnswerAction(Label(id, locale), Commands.CommandText.For(kb, id)))],
            Codes = [.. term.Related.Where(kb.Codes.ContainsKey)],
        };
    }

    public Answer GlossaryList(Locale locale) => new()
    {
        Intent = "glossary",
        Locale = locale,
        Title = Ui[UiKeys.GlossaryTitle, locale],
        Summary = Ui[UiKeys.GlossarySummary, locale],
        Sections = [new AnswerSection("terms", Ui[UiKeys.SectionTerms, locale], SectionKind.Bullets,
            [string.Join(", ", kb.Glossary.Values.Select(g => g.Terms[locale][0]).Order(StringComparer.CurrentCultureIgnoreCase))])],
    };

    public Answer Scenario(Scenario scenario, Locale locale)
    {
        var text = scenario.Text[locale];
        return new Answer
        {
            Intent = "scenario",
            Locale = locale,
            Title = text.Title,
            Summary = text.Cause,
            Severity = scenario.Codes.Select(id => kb.Codes.GetValueOrDefault(id)?.Severity ?? Severity.Info).DefaultIfEmpty(Severity.Warning).Max(),
            Sections =
            [
                new AnswerSection("symptoms", Ui[UiKeys.SectionSymptoms, locale], SectionKind.Bullets, text.Symptoms),
                new AnswerSection("confirm", Ui[UiKeys.SectionConfirm, locale], SectionKind.Steps, text.Confirm),
                new AnswerSection("fix", Ui[UiKeys.SectionFix, locale], SectionKind.Steps, text.Fix),
            ],
            Facts = [.. scenario.Codes.Select(id => new Fact(Ui[UiKeys.FactCode, locale], Label(id, locale)))],
            Links = [.. GuideLinks(scenario.Guides, locale)],
            Actions = [.. scenario.Codes.Select(id => new AnswerAction(Label(id, locale), Commands.CommandText.For(kb, id))), .. scenario.Guides.Take(1).Select(g => GuideAction(g, locale))],
            Codes = [.. scenario.Codes],
        };
    }

    public Answer ScenarioList(Locale locale) => new()
    {
        Intent = "scenario",
        Locale = locale,
        Title = Ui[UiKeys.ScenariosTitle, locale],
        Summary = Ui[UiKeys.ScenariosSummary, locale],
        Sections = [new AnswerSection("scenarios", Ui[UiKeys.SectionScenarios, locale], SectionKind.Bullets,
            [.. kb.Scenarios.Values.Select(s => $"`/scenario {s.Slug}`: {s.Text[locale].Title}")])],
        Actions = [.. kb.Scenarios.Values.Take(5).Select(s => new AnswerAction(s.Text[locale].Title, Commands.CommandText.For(kb, s.Id)))],
    };

    [GeneratedRegex(@"^##\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
