using Bot.Engine.Contracts;
using Bot.Engine.Localization;

namespace Bot.Engine.Rendering;

internal sealed partial class AnswerBuilder
{
    public Answer Help(Locale locale) => new()
    {
        Intent = "help",
        Locale = locale,
        Title = Ui[UiKeys.HelpTitle, locale],
        Summary = Ui[UiKeys.HelpSummary, locale],
        Sections =
        [
            new AnswerSection("commands", Ui[UiKeys.SectionCommands, locale], SectionKind.Bullets, [.. UiKeys.HelpCommands.Select(k => Ui[k, locale])]),
            new AnswerSection("examples", Ui[UiKeys.SectionExamples, locale], SectionKind.Bullets, [.. UiKeys.HelpExamples.Select(k => Ui[k, locale])]),
        ],
        Actions =
        [
            new AnswerAction("/rcode 2", "/rcode 2"),
            new AnswerAction("SERVFAIL vs REFUSED", "/compare SERVFAIL REFUSED"),
            new AnswerAction(Ui[UiKeys.GuidesTitle, locale], "/guide"),
        ],
    };

    /// <summary>Nothing matched: say so, offer the closest things we know, and how to ask.</summary>
    public Answer Unknown(string input, IReadOnlyList<(string Label, string Command)> suggestions, Locale locale) => new()
    {
        Intent = "unknown",
        Locale = locale,
        Title = Ui[UiKeys.UnknownTitle, locale],
        Summary = Ui.Format(UiKeys.UnknownSummary, locale, Shorten(input)),
        Severity = Severity.Info,
        Sections = suggestions.Count > 0
            ? [new AnswerSection("suggestions", Ui[UiKeys.SectionSuggestions, locale], SectionKind.Bullets, [.. suggestions.Select(s => $"{s.Label}: `{s.Command}`")])]
            : [new AnswerSection("examples", Ui[UiKeys.SectionExamples, locale], SectionKind.Bullets, [.. UiKeys.HelpExamples.Select(k => Ui[k, locale])])],
        Actions = [.. suggestions.Take(4).Select(s => new AnswerAction(s.Label, s.Command)), new AnswerAction(Ui[UiKeys.HelpTitle, locale], "/help")],
    };

    /// <summary>A usage problem with a command ("/compare" with one code, "/code foo 1").</summary>
    public Answer Error(string messageKey, Locale locale, params object[] args) => new()
    {
        Intent = "error",
        Locale = locale,
        Title = Ui[UiKeys.ErrorTitle, locale],
        Summary = Ui.Format(messageKey, locale, args),
        Severity = Severity.Warning,
        Sections = [new AnswerSection("commands", Ui[UiKeys.SectionCommands, locale], SectionKind.Bullets, [.. UiKeys.HelpCommands.Select(k => Ui[k, locale])])],
        Actions = [new AnswerAction(Ui[UiKeys.HelpTitle, locale], "/help")],
    };

    /// <summary>Live checks come with their own issue; until then say so plainly.</summary>
    public Answer DigDisabled(string? name, Locale locale) => new()
    {
        Intent = "dig",
        Locale = locale,
        Title = Ui[UiKeys.DigDisabledTitle, locale],
        Summary = Ui.Format(UiKeys.DigDisabledSummary, locale, name ?? "example.com"),
        Severity = Severity.Info,
        Sections = [new AnswerSection("commands", Ui[UiKeys.SectionManual, locale], SectionKind.Code,
            [$"dig {name ?? "example.com"} A", $"dig +cd {name ?? "example.com"} A", $"dig +trace {name ?? "example.com"} A"])],
        Actions = [new AnswerAction(Ui[UiKeys.GuidesTitle, locale], "/guide troubleshooting")],
    };

    private static string Shorten(string input)
    {
        var oneLine = input.ReplaceLineEndings(" ");
        return oneLine.Length <= 80 ? oneLine : oneLine[..80] + "…";
    }
}
