namespace Bot.Adapters.Teams.Cards;

/// <summary>
/// The keys and verbs the card's buttons send back, for the inbound handler to route on. Every value is a string.
/// <list type="bullet">
/// <item><description>Action.Submit (a <c>message</c> activity, empty <c>text</c>, <c>value</c> = data):
/// <c>{"botCommand": "/compare SERVFAIL REFUSED", "botLocale": "ja"}</c> runs the command in that language;
/// with <c>"botView": "fix"</c> it shows only the fix steps of the command's answer.</description></item>
/// <item><description>Action.Execute (an <c>invoke</c> named <c>adaptiveCard/action</c>, <c>value.action.verb</c> and
/// <c>value.action.data</c>): <see cref="VerbFix"/>, <see cref="VerbLanguage"/> (data carries the target
/// <see cref="BotLocale"/>) and <see cref="VerbRefresh"/> carry the same data as their Action.Submit fallbacks, so one
/// reader serves both; the handler may answer the invoke with the new card to replace the old one.</description></item>
/// <item><description>Compare: <c>{"botCompareFrom": "SERVFAIL", "botLocale": "en", "botCompareWith": "REFUSED (RCODE 5)"}</c>
/// means <c>/compare SERVFAIL REFUSED (RCODE 5)</c>; <see cref="CompareWith"/> is missing when nothing was chosen
/// (ignore the submit then).</description></item>
/// </list>
/// </summary>
public static class TeamsActionData
{
    /// <summary>The command to run (a follow-up action, or the command that produced the card).</summary>
    public const string BotCommand = "botCommand";

    /// <summary>The language to answer in: <c>en</c>, <c>ja</c> or <c>de</c> (<see cref="Bot.Engine.Contracts.Locales.Tag"/>).</summary>
    public const string BotLocale = "botLocale";

    /// <summary>Which view of the answer to show; only <see cref="ViewFix"/> so far (absent = the full answer).</summary>
    public const string BotView = "botView";

    /// <summary>The value of <see cref="BotView"/> for the fix steps.</summary>
    public const string ViewFix = "fix";

    /// <summary>The code the compare input starts from (the answer's own code).</summary>
    public const string CompareFrom = "botCompareFrom";

    /// <summary>The id of the compare input: the chosen code's value is submitted under this key.</summary>
    public const string CompareWith = "botCompareWith";

    /// <summary>Show the fix steps of <see cref="BotCommand"/>'s answer.</summary>
    public const string VerbFix = "bot.fix";

    /// <summary>Show <see cref="BotCommand"/>'s answer in <see cref="BotLocale"/>.</summary>
    public const string VerbLanguage = "bot.language";

    /// <summary>Run the live check of <see cref="BotCommand"/> again.</summary>
    public const string VerbRefresh = "bot.refresh";

    /// <summary>Run <see cref="BotCommand"/> (reserved for an Action.Execute form of the follow-up actions).</summary>
    public const string VerbRun = "bot.run";
}
