using Bot.Engine.Contracts;
using Bot.Engine.Localization;

namespace Bot.Adapters.Teams.Cards;

public sealed partial class TeamsCardRenderer
{
    /// <summary>Teams shows about five card actions in a row; more go behind "More actions".</summary>
    private const int MaxTopLevel = 5;
    private const int MaxFollowUps = 10;
    private const int LabelMax = 80;
    private const int MaxChoices = 25;
    private const int ChoiceMax = 100;
    private const int PlaceholderMax = 150;
    private const string RelatedKey = "related";
    private const string RcodePrefix = "dns:rcode:";

    /// <summary>
    /// Fix steps, refresh (live checks), the answer's follow-ups, the other languages, in that order of importance;
    /// past five the rest unfold from a "More actions" card.
    /// </summary>
    private List<CardAction>? Actions(Plan plan)
    {
        var answer = plan.Answer;
        var tag = answer.Locale.Tag();
        var command = plan.CommandButtons ? plan.Command : null;
        var view = plan.FocusFix ? TeamsActionData.ViewFix : null;
        var all = new List<CardAction>();
        if (command is not null && !plan.FocusFix && plan.Sections.Any(s => s.IsFix))
        {
            all.Add(Execute(_ui[UiKeys.ChatShowFix, answer.Locale], TeamsActionData.VerbFix, Data(command, tag, TeamsActionData.ViewFix), ActionStyle.Positive));
        }

        if (command is not null && answer.Intent == "dig")
        {
            all.Add(Execute(_ui[UiKeys.ChatRefresh, answer.Locale], TeamsActionData.VerbRefresh, Data(command, tag, view)));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in answer.Actions)
        {
            if (seen.Count == MaxFollowUps || action.Command.Trim().Length == 0 || action.Command.Length > CommandMax || !seen.Add(action.Command))
            {
                continue;
            }

            var label = TeamsText.Line(action.Label.Trim().Length > 0 ? action.Label : action.Command, LabelMax);
            all.Add(new SubmitAction { Title = label, Data = Data(action.Command, tag, null), AssociatedInputs = AssociatedInputs.None });
        }

        if (command is not null)
        {
            foreach (var locale in Locales.All.Where(l => l != answer.Locale))
            {
                all.Add(Execute(_ui[UiKeys.ChatLanguageSelf, locale], TeamsActionData.VerbLanguage, Data(command, locale.Tag(), view)));
            }
        }

        if (all.Count <= MaxTopLevel)
        {
            return all.Count == 0 ? null : all;
        }

        if (!plan.Overflow)
        {
            return all[..MaxTopLevel];
        }

        var more = new ShowCardAction
        {
            Title = _ui[UiKeys.ChatMoreActions, answer.Locale],
            Card = new AdaptiveCard { Schema = null, Version = null, Actions = all[(MaxTopLevel - 1)..] },
        };
        return [.. all[..(MaxTopLevel - 1)], more];
    }

    /// <summary>An Action.Execute with an Action.Submit fallback carrying the same data (for clients without Universal Actions).</summary>
    private static ExecuteAction Execute(string title, string verb, IReadOnlyDictionary<string, string> data, ActionStyle? style = null) => new()
    {
        Title = title,
        Verb = verb,
        Data = data,
        AssociatedInputs = AssociatedInputs.None,
        Style = style,
        Fallback = new SubmitAction { Title = title, Data = data, AssociatedInputs = AssociatedInputs.None, Style = style },
    };

    private static Dictionary<string, string> Data(string command, string locale, string? view)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TeamsActionData.BotCommand] = command,
            [TeamsActionData.BotLocale] = locale,
        };
        if (view is not null)
        {
            data[TeamsActionData.BotView] = view;
        }

        return data;
    }

    /// <summary>
    /// For an RCODE answer: a drop-down of its related codes and a "Compare" button; the handler runs
    /// <c>/compare {botCompareFrom} {botCompareWith}</c> (the same command the Discord select builds).
    /// </summary>
    private List<CardElement> CompareInput(Answer answer)
    {
        if (answer.Intent != "code" || answer.Codes.Count == 0 || !answer.Codes[0].StartsWith(RcodePrefix, StringComparison.Ordinal)
            || answer.Sections.FirstOrDefault(s => s.Key == RelatedKey) is not { Lines.Count: > 0 } related)
        {
            return [];
        }

        var choices = new List<InputChoice>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in related.Lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var label = TeamsText.Line((colon > 0 ? line[..colon] : line).Replace("`", "", StringComparison.Ordinal), ChoiceMax);
            if (choices.Count < MaxChoices && label.Length > 0 && seen.Add(label))
            {
                choices.Add(new InputChoice(label, label));
            }
        }

        if (choices.Count == 0)
        {
            return [];
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TeamsActionData.CompareFrom] = CodeName(answer),
            [TeamsActionData.BotLocale] = answer.Locale.Tag(),
        };
        return
        [
            new InputChoiceSet
            {
                Id = TeamsActionData.CompareWith,
                Choices = choices,
                Placeholder = TeamsText.Line(_ui[UiKeys.ChatComparePlaceholder, answer.Locale], PlaceholderMax),
                Style = ChoiceInputStyle.Compact,
                Spacing = Spacing.Medium,
            },
            new ActionSet { Actions = [new SubmitAction { Title = _ui[UiKeys.ChatCompare, answer.Locale], Data = data }], Spacing = Spacing.Small },
        ];
    }

    /// <summary>The code's name from the title ("SERVFAIL (RCODE 2) — Server failure" → SERVFAIL), else its value (as DiscordRenderer).</summary>
    private static string CodeName(Answer answer)
    {
        var title = answer.Title.Trim();
        var end = title.IndexOf(" (", StringComparison.Ordinal);
        var name = end > 0 ? title[..end] : title;
        return name.Length is > 0 and <= ChoiceMax && !name.Any(c => char.IsWhiteSpace(c) || c is '/' or '|')
            ? name
            : answer.Codes[0][RcodePrefix.Length..];
    }
}
