using Bot.Engine.Contracts;
using Bot.Engine.Localization;

namespace Bot.Adapters.Slack;

/// <summary>The buttons and the compare select under an answer; each carries its state in a <see cref="SlackActionValue"/>.</summary>
public sealed partial class SlackRenderer
{
    private const int ButtonTextMax = 75;
    private const int OptionTextMax = 75;
    private const int OptionValueMax = 150;
    private const int PlaceholderMax = 150;
    private const int MaxActions = 5;
    private const int MaxOptions = 10;

    /// <summary>
    /// Commands longer than this get no button: Slack would take 2000, but four buttons carry the same command and
    /// every character counts against the message's aggregate size.
    /// </summary>
    private const int CommandMax = 300;

    private const string RelatedKey = "related";
    private const string RcodePrefix = "dns:rcode:";

    /// <summary>
    /// A divider, then up to two actions blocks: the answer's follow-ups (and the compare select), then the view
    /// controls (fix steps, the other two languages, and "check again" for a live check).
    /// </summary>
    private List<SlackBlock> Controls(Answer answer, string? command, bool focusFix)
    {
        var followUps = new List<SlackElement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in answer.Actions)
        {
            var value = new SlackActionValue(SlackActionKind.Action, answer.Locale, action.Command);
            if (followUps.Count == MaxActions || action.Command.Length > CommandMax || !value.Fits || !seen.Add(action.Command))
            {
                continue;
            }

            var label = action.Label.Trim().Length > 0 ? action.Label : action.Command;
            followUps.Add(Button(SlackActionIds.Action(followUps.Count), SlackMrkdwn.Plain(label, ButtonTextMax), value));
        }

        if (CompareSelect(answer) is { } select)
        {
            followUps.Add(select);
        }

        var view = new List<SlackElement>();
        if (command is not null && command.Length <= CommandMax)
        {
            var fix = new SlackActionValue(SlackActionKind.Fix, answer.Locale, command);
            if (!focusFix && fix.Fits && answer.Sections.Any(s => s.Key == FixKey && s.Lines.Count > 0))
            {
                view.Add(Button(SlackActionIds.Fix, _ui[UiKeys.ChatShowFix, answer.Locale], fix, SlackButton.Primary));
            }

            foreach (var locale in Locales.All.Where(l => l != answer.Locale))
            {
                var language = new SlackActionValue(SlackActionKind.Language, locale, command);
                if (language.Fits)
                {
                    view.Add(Button(SlackActionIds.Language(locale), _ui[UiKeys.ChatLanguageSelf, locale], language));
                }
            }

            var refresh = new SlackActionValue(SlackActionKind.Refresh, answer.Locale, command);
            if (answer.Intent == "dig" && refresh.Fits)
            {
                view.Add(Button(SlackActionIds.Refresh, _ui[UiKeys.ChatRefresh, answer.Locale], refresh));
            }
        }

        var blocks = new List<SlackBlock>();
        if (followUps.Count > 0 || view.Count > 0)
        {
            blocks.Add(new SlackDividerBlock());
        }

        if (followUps.Count > 0)
        {
            blocks.Add(new SlackActionsBlock(followUps));
        }

        if (view.Count > 0)
        {
            blocks.Add(new SlackActionsBlock(view));
        }

        return blocks;
    }

    private static SlackButton Button(string actionId, string text, SlackActionValue value, string? style = null) => new()
    {
        ActionId = actionId,
        Text = SlackText.Plain(SlackMrkdwn.Cut(text, ButtonTextMax)),
        Value = value.Encode(),
        Style = style,
    };

    /// <summary>For an RCODE answer: a select of its related codes; each option's value is the whole /compare command.</summary>
    private SlackStaticSelect? CompareSelect(Answer answer)
    {
        if (answer.Intent != "code" || answer.Codes.Count == 0 || !answer.Codes[0].StartsWith(RcodePrefix, StringComparison.Ordinal)
            || answer.Sections.FirstOrDefault(s => s.Key == RelatedKey) is not { Lines.Count: > 0 } related)
        {
            return null;
        }

        var name = CodeName(answer);
        var options = new List<SlackOption>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in related.Lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var other = SlackMrkdwn.FlattenCode(colon > 0 ? line[..colon] : line).ReplaceLineEndings(" ").Trim();
            var value = new SlackActionValue(SlackActionKind.Compare, answer.Locale, $"/compare {name} {other}");
            var text = SlackMrkdwn.Plain(other, OptionTextMax);
            if (options.Count < MaxOptions && text.Length > 0 && value.Fits && value.Encode().Length <= OptionValueMax && seen.Add(value.Encode()))
            {
                options.Add(new SlackOption(SlackText.Plain(text), value.Encode()));
            }
        }

        return options.Count == 0
            ? null
            : new SlackStaticSelect
            {
                ActionId = SlackActionIds.Compare,
                Placeholder = SlackText.Plain(SlackMrkdwn.Cut(_ui[UiKeys.ChatComparePlaceholder, answer.Locale], PlaceholderMax)),
                Options = options,
            };
    }

    /// <summary>The code's name from the title ("SERVFAIL (RCODE 2) — Server failure" → SERVFAIL), else its value.</summary>
    private static string CodeName(Answer answer)
    {
        var title = answer.Title.Trim();
        var end = title.IndexOf(" (", StringComparison.Ordinal);
        var name = end > 0 ? title[..end] : title;
        return name.Length > 0 && name.Length <= 32 && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '|' or '`')
            ? name
            : answer.Codes[0][RcodePrefix.Length..];
    }
}
