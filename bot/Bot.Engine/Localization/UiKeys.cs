using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;

namespace Bot.Engine.Localization;

/// <summary>
/// The keys of every fixed UI string (knowledge/ui/strings.yaml). The loader checks that each one exists in every
/// language, so a missing translation fails at start, not in front of a user.
/// </summary>
public static class UiKeys
{
    public const string SectionMeaning = "section.meaning";
    public const string SectionMeanings = "section.meanings";
    public const string SectionParts = "section.parts";
    public const string SectionWhen = "section.when";
    public const string SectionFix = "section.fix";
    public const string SectionOperator = "section.operator";
    public const string SectionWire = "section.wire";
    public const string SectionRcodes = "section.rcodes";
    public const string SectionEquivalents = "section.equivalents";
    public const string SectionRelated = "section.related";
    public const string SectionAlso = "section.also";
    public const string SectionNote = "section.note";
    public const string SectionDifferences = "section.differences";
    public const string SectionTell = "section.tell";
    public const string SectionContents = "section.contents";
    public const string SectionGuides = "section.guides";
    public const string SectionDetails = "section.details";
    public const string SectionTerms = "section.terms";
    public const string SectionSymptoms = "section.symptoms";
    public const string SectionConfirm = "section.confirm";
    public const string SectionScenarios = "section.scenarios";
    public const string SectionCommands = "section.commands";
    public const string SectionExamples = "section.examples";
    public const string SectionSuggestions = "section.suggestions";
    public const string SectionManual = "section.manual";
    public const string SectionShows = "section.shows";
    public const string SectionNext = "section.next";
    public const string SectionInput = "section.input";
    public const string SectionLinks = "section.links";
    public const string SectionActions = "section.actions";

    public const string FactName = "fact.name";
    public const string FactCode = "fact.code";
    public const string FactRegistry = "fact.registry";
    public const string FactWire = "fact.wire";
    public const string FactRefs = "fact.refs";
    public const string FactRange = "fact.range";
    public const string FactAlsoCalled = "fact.also_called";
    public const string FactStatus = "fact.status";
    public const string FactFlags = "fact.flags";
    public const string FactServer = "fact.server";
    public const string FactQuestion = "fact.question";
    public const string FactSource = "fact.source";
    public const string FactEde = "fact.ede";

    public const string ActionCompare = "action.compare";
    public const string ActionGuide = "action.guide";
    public const string ActionScenario = "action.scenario";

    public const string EquivalentLead = "equivalent.lead";
    public const string EquivalentNone = "equivalent.none";
    public const string ProvisionalNote = "note.provisional";

    public const string CompareTitle = "compare.title";
    public const string CompareGeneric = "compare.generic";
    public const string DiffFamily = "compare.diff.family";
    public const string DiffWire = "compare.diff.wire";
    public const string DiffSeverity = "compare.diff.severity";
    public const string DiffRelated = "compare.diff.related";
    public const string DiffNoCurated = "compare.diff.none";

    public const string GuidesTitle = "guides.title";
    public const string GuidesSummary = "guides.summary";
    public const string GlossaryTitle = "glossary.title";
    public const string GlossarySummary = "glossary.summary";
    public const string ScenariosTitle = "scenarios.title";
    public const string ScenariosSummary = "scenarios.summary";

    public const string HelpTitle = "help.title";
    public const string HelpSummary = "help.summary";
    public const string UnknownTitle = "unknown.title";
    public const string UnknownSummary = "unknown.summary";
    public const string ErrorTitle = "error.title";
    public const string ErrUnknownCommand = "error.unknown_command";
    public const string ErrUsageCompare = "error.usage.compare";
    public const string ErrUsageCode = "error.usage.code";
    public const string ErrUsageRcode = "error.usage.rcode";
    public const string ErrNoSuchCode = "error.no_such_code";
    public const string ErrNoSuchTopic = "error.no_such_topic";
    public const string ErrEmpty = "error.empty";
    public const string ErrInternal = "error.internal";
    public const string AnyCode = "family.any";
    public const string DigDisabledTitle = "dig.disabled.title";
    public const string DigDisabledSummary = "dig.disabled.summary";

    public const string DigNotRunTitle = "dig.notrun.title";
    public const string DigRateLimited = "dig.rate_limited";
    public const string DigBusy = "dig.busy";
    public const string DigTimeout = "dig.timeout";
    public const string DigQueueFull = "dig.queue_full";
    public const string DigResolverNotAllowed = "dig.resolver_not_allowed";
    public const string DigBadRequest = "dig.bad_request";
    public const string SectionResolvers = "section.resolvers";
    public const string SectionEvidence = "section.evidence";
    public const string SectionRuledOut = "section.ruled_out";
    public const string SectionCodesSeen = "section.codes_seen";
    public const string SectionTrace = "section.trace";
    public const string FactZone = "fact.zone";
    public const string FactQueries = "fact.queries";
    public const string ActionTrace = "action.trace";
    public const string ActionCd = "action.cd";
    public const string ActionCompareResolvers = "action.compare_resolvers";

    public const string NoticeTruncated = "notice.truncated";
    public const string NoticeControl = "notice.control";

    public const string PasteTitle = "paste.title";
    public const string PasteSummary = "paste.summary";
    public const string PasteNoStatus = "paste.no_status";
    public const string PasteTimeout = "paste.timeout";
    public const string PasteEde = "paste.ede";
    public const string PasteAnswers = "paste.answers";
    public const string PasteNoAnswer = "paste.no_answer";
    public const string PasteNoRa = "paste.no_ra";
    public const string PasteAa = "paste.aa";
    public const string PasteNotAa = "paste.not_aa";
    public const string PasteTc = "paste.tc";
    public const string PasteAd = "paste.ad";
    public const string PasteCd = "paste.cd";
    public const string PasteServer = "paste.server";
    public const string PasteLogLine = "paste.log_line";
    public const string PasteErrorTitle = "paste.error_title";

    /// <summary>Words the chat adapters add around an answer (buttons, placeholders, cut-off notes).</summary>
    public const string ChatShowFix = "chat.show_fix";
    public const string ChatComparePlaceholder = "chat.compare_placeholder";
    public const string ChatReadMore = "chat.read_more";
    public const string ChatMore = "chat.more";
    public const string ChatOmitted = "chat.omitted";
    public const string ChatLanguageSelf = "chat.language_self";
    public const string ChatRefresh = "chat.refresh";
    public const string ChatCompare = "chat.compare";
    public const string ChatMoreActions = "chat.more_actions";
    public const string ChatWorking = "chat.working";
    public const string ChatReplyRefused = "chat.reply_refused";
    public const string ChatWelcomeTitle = "chat.welcome.title";
    public const string ChatWelcomeSummary = "chat.welcome.summary";

    /// <summary>The strings of the web chat page itself.</summary>
    public static readonly IReadOnlyList<string> WebChat =
        ["webchat.send", "webchat.language", "webchat.guides", "webchat.tagline", "webchat.error", "webchat.placeholder"];

    /// <summary>What the diagnosis checked and found in order, by the keys it reports in RuledOut.</summary>
    public static readonly IReadOnlyList<string> RuledOut =
        ["ruled.resolver-unreachable", "ruled.resolution", "ruled.nameservers", "ruled.nameservers-unchecked", "ruled.serials", "ruled.delegation", "ruled.dnssec"];

    public static readonly IReadOnlyList<string> HelpCommands =
        ["help.cmd.rcode", "help.cmd.ede", "help.cmd.code", "help.cmd.compare", "help.cmd.guide", "help.cmd.glossary", "help.cmd.scenario", "help.cmd.dig", "help.cmd.paste"];

    public static readonly IReadOnlyList<string> HelpExamples = ["help.ex.1", "help.ex.2", "help.ex.3", "help.ex.4", "help.ex.5"];

    private static readonly string[] WireKinds = ["header", "extended", "tsig", "tkey", "option"];

    public static string Short(string family) => "short." + family;

    public static string Family(string family) => "family." + family;

    public static string Wire(string wire) => "wire." + wire;

    public static string SeverityName(Severity severity) => "severity." + severity.ToString().ToLowerInvariant();

    /// <summary>The next command to run for a code seen in a paste ({0} = name, {1} = server).</summary>
    public static string Next(string codeId) => "next." + codeId;

    public static IEnumerable<string> All =>
        typeof(UiKeys).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(HelpCommands)
            .Concat(HelpExamples)
            .Concat(WebChat)
            .Concat(RuledOut)
            .Concat(Knowledge.Families.All.SelectMany(f => new[] { Short(f), Family(f) }))
            .Concat(WireKinds.Select(Wire))
            .Concat(Enum.GetValues<Severity>().Select(SeverityName));
}
