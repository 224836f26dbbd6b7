using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;

namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// Renders a platform-neutral <see cref="Answer"/> as a Teams Adaptive Card (version 1.5, full width): a header
/// coloured by severity with the title and summary, the facts, the sections, a compare input for RCODE answers, up to
/// three "Read more" links, the notices; follow-up buttons (≤5 on the card, the rest behind "More actions"). The
/// card's wire JSON (<see cref="TeamsCardJson"/>) stays within <see cref="MaxCardBytes"/>: sections are cut or dropped
/// from the end (a note says how many), then the notices, the compare input, the buttons behind "More actions" and
/// the facts go, and only then are the fix steps and the summary cut; the title, the fix steps and the links stay.
/// </summary>
/// <remarks>
/// <para>
/// Safety: every piece of answer or user text is a <see cref="TextRun"/> inside a <see cref="RichTextBlock"/>, never
/// <see cref="TextBlock"/> text. Teams parses TextBlock (and FactSet) text as Markdown, and backslash escapes are not
/// a way out: Teams on Android and iOS shows the backslashes while desktop hides them (MicrosoftDocs/msteams-docs#5793,
/// microsoft/AdaptiveCards#4677). TextRuns are drawn as they are (the web renderer assigns <c>innerText</c>), so
/// <c>[x](https://evil.example)</c>, <c>**bold**</c> and <c>&lt;at&gt;</c> show as typed; the answer's backtick code
/// spans become monospace runs. Tags are additionally broken with a zero-width space and control characters dropped
/// (<see cref="TeamsText"/>); the card never carries <c>msteams.entities</c>, so nothing can mention anyone. A FactSet
/// is used only when no fact has a character Markdown could act on; otherwise the facts are rich text too. Button and
/// choice titles are plain text in Teams.
/// </para>
/// <para>
/// Layout: each line is its own block (single line breaks inside Teams card text are unreliable across clients); code
/// sections are monospace lines in an emphasis container, with dig's columns kept by alternating no-break spaces.
/// </para>
/// </remarks>
public sealed partial class TeamsCardRenderer(UiStrings ui)
{
    /// <summary>
    /// The budget for the card's UTF-8 JSON. Teams rejects messages over about 80 KB of the 100 KB limit (UTF-16); 28 KB
    /// keeps a card readable, leaves room for the activity around it, and stays under 80 KB even if a later serializer
    /// escaped every non-ASCII character.
    /// </summary>
    public const int MaxCardBytes = 28_000;

    private const int TitleMax = 250;
    private const int SummaryMax = 2000;
    private const int MinSummary = 200;
    private const int SectionMax = 4000;
    private const int MinSection = 300;
    private const int CodeMax = 4000;
    private const int CodeMaxLines = 50;
    private const int CodeLineMax = 400;
    private const int HeadingMax = 200;
    private const int MaxSections = 20;
    private const int MaxFacts = 10;
    private const int FactLabelMax = 100;
    private const int FactValueMax = 500;
    private const int MaxNotices = 3;
    private const int NoticeMax = 300;
    private const int MaxLinks = 3;
    private const int LinkTitleMax = 100;
    private const int UrlMax = 2000;
    private const int PlainTextMax = 400;
    private const string FixKey = "fix";

    private readonly UiStrings _ui = ui;

    /// <summary>Renders <paramref name="answer"/> within <see cref="MaxCardBytes"/>.</summary>
    /// <param name="command">The command that produced the answer; enables the fix, language and refresh buttons.</param>
    /// <param name="focusFix">Only the title, the summary, the fix steps and the links (the "Show fix steps" view).</param>
    public AdaptiveCard Render(Answer answer, string? command, bool focusFix = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var plan = Plan.For(answer, command, focusFix);
        while (true)
        {
            var card = Build(plan);
            var over = TeamsCardJson.Size(card) - MaxCardBytes;
            if (over <= 0 || !plan.Shrink(over))
            {
                return card;
            }
        }
    }

    /// <summary>
    /// A short plain-text version (title and summary, at most 400 characters) for the activity's <c>text</c> or
    /// <c>summary</c>, which Teams shows in notifications. Send it with <c>textFormat: "plain"</c>.
    /// </summary>
    public static string PlainText(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var title = TeamsText.Plain(answer.Title);
        var summary = TeamsText.Plain(answer.Summary);
        var text = summary.Length == 0 ? title : title.Length == 0 ? summary : title + "\n" + summary;
        return TeamsText.Cut(text, PlainTextMax);
    }

    /// <summary>The card's wire JSON (compact; the bytes <see cref="MaxCardBytes"/> is measured on).</summary>
    public static string Json(AdaptiveCard card) => TeamsCardJson.Serialize(card);

    private AdaptiveCard Build(Plan plan) => new()
    {
        Body = Body(plan),
        Actions = Actions(plan),
        MsTeams = MsTeamsCardOptions.FullWidth,
        FallbackText = PlainText(plan.Answer),
    };

    private static ContainerStyle Style(Severity severity) => severity switch
    {
        Severity.Ok => ContainerStyle.Good,
        Severity.Warning => ContainerStyle.Warning,
        Severity.Error => ContainerStyle.Attention,
        _ => ContainerStyle.Accent,
    };

    private static bool IsWebUrl(string url) =>
        url.Length <= UrlMax && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
