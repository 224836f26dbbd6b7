using System.Net;
using System.Text.RegularExpressions;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Teams;

/// <summary>What the user asked, from a message activity's text, its mentions and its locale.</summary>
public static partial class TeamsText
{
    /// <summary>Command words the Teams command menu sends without a slash ("rcode 2").</summary>
    private static readonly string[] Commands = ["rcode", "ede", "compare", "dig", "guide", "glossary", "help", "code", "scenario"];

    /// <summary>
    /// Removes the bot's own mention (each mention entity of the recipient, by its text, else &lt;at&gt;name&lt;/at&gt;,
    /// case-insensitive), any leftover &lt;at&gt; tags, HTML entities and extra spaces; then turns a leading command word
    /// into its slash command.
    /// </summary>
    public static string Question(TeamsActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? "";
        foreach (var mention in activity.Mentions.Where(m => activity.Recipient is { } r && m.Id == r.Id))
        {
            var literal = mention.Text ?? (mention.Name is null ? null : $"<at>{mention.Name}</at>");
            if (!string.IsNullOrEmpty(literal))
            {
                text = text.Replace(literal, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        text = AtTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        text = text.Trim();
        var space = text.IndexOfAny([' ', '\n', '\t']);
        var first = space < 0 ? text : text[..space];
        return Commands.Contains(first, StringComparer.OrdinalIgnoreCase) ? "/" + first.ToLowerInvariant() + text[first.Length..] : text;
    }

    /// <summary>The activity's locale, then the clientInfo entity's (ja, de, en); else null and the engine detects it.</summary>
    public static Locale? Locale(TeamsActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Locales.Parse(activity.Locale) ?? Locales.Parse(activity.ClientLocale);
    }

    [GeneratedRegex("<at>[^<]{0,200}</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();
}
