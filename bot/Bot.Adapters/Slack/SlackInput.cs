using System.Net;
using System.Text.RegularExpressions;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Slack;

/// <summary>
/// What the user wrote, from Slack's message text and slash-command arguments. Slack message text is itself markup:
/// <c>&amp;</c> <c>&lt;</c> <c>&gt;</c> arrive escaped, and names, links and mentions arrive wrapped
/// (<c>&lt;http://example.com|example.com&gt;</c>, <c>&lt;@U123&gt;</c>, <c>&lt;!here&gt;</c>). The engine needs the text
/// the user saw, so a pasted <c>&lt;&lt;&gt;&gt; DiG</c> banner or a domain name Slack auto-linked reads as typed.
/// </summary>
public static partial class SlackInput
{
    /// <summary>Words that set the language when they end a command's arguments ("/rcode 2 ja").</summary>
    private static readonly Dictionary<string, Locale> LanguageWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = Locale.En, ["english"] = Locale.En, ["英語"] = Locale.En, ["englisch"] = Locale.En,
        ["ja"] = Locale.Ja, ["japanese"] = Locale.Ja, ["日本語"] = Locale.Ja, ["japanisch"] = Locale.Ja,
        ["de"] = Locale.De, ["german"] = Locale.De, ["deutsch"] = Locale.De, ["ドイツ語"] = Locale.De,
    };

    /// <summary>Words that make a command's answer visible to the channel ("/rcode 2 share").</summary>
    private static readonly HashSet<string> ShareWords = new(StringComparer.OrdinalIgnoreCase) { "share", "public", "共有", "teilen" };

    /// <summary>
    /// A slash command's arguments without the trailing option words: a language (en/ja/de, english, 日本語, deutsch …)
    /// and "share" (answer in the channel; ephemeral otherwise). Option words count only after at least one other
    /// argument, so "/glossary share" still looks up the term; "/dnshelp share" shares the help.
    /// </summary>
    public static (string Arguments, Locale? Locale, bool Share) CommandOptions(string? text, bool takesArguments)
    {
        var words = (text ?? "").Split([' ', '\t', '\n', '\u3000'], StringSplitOptions.RemoveEmptyEntries).ToList();
        Locale? locale = null;
        var share = false;
        var minimum = takesArguments ? 1 : 0;
        for (var i = 0; i < 2 && words.Count > minimum; i++)
        {
            var last = words[^1];
            if (locale is null && LanguageWords.TryGetValue(last, out var l))
            {
                locale = l;
            }
            else if (!share && ShareWords.Contains(last))
            {
                share = true;
            }
            else
            {
                break;
            }

            words.RemoveAt(words.Count - 1);
        }

        return (string.Join(' ', words), locale, share);
    }

    /// <summary>
    /// The question in a message: the bot's own mentions removed (and a leading mention of anyone when the bot's id is
    /// unknown), Slack's link and mention markup turned back into the text shown, entities decoded, trimmed.
    /// </summary>
    public static string Question(string? text, string? botUserId)
    {
        var s = text ?? "";
        s = botUserId is { Length: > 0 }
            ? Regex.Replace(s, "<@" + Regex.Escape(botUserId) + @"(\|[^<>]{0,100})?>", " ", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : LeadingMention().Replace(s, " ");
        return Plain(s).Trim();
    }

    /// <summary>Slack's message markup as the text the user saw: links by their label, mentions as @id, entities decoded.</summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = Markup().Replace(text, m =>
        {
            var inner = m.Groups[1].Value;
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var target = bar < 0 ? inner : inner[..bar];
            var label = bar < 0 ? null : inner[(bar + 1)..];
            return target switch
            {
                ['@', ..] => "@" + (label ?? target[1..]),
                ['#', ..] => "#" + (label ?? target[1..]),
                ['!', ..] => "@" + (label ?? target[1..].Split('^')[0]),
                _ when label is not null => label,
                _ when target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) => target[7..],
                _ => target,
            };
        });
        return WebUtility.HtmlDecode(s);
    }

    /// <summary>What a live check looks at, for "Checking {0}…": the name after /dig, else the first word with a dot.</summary>
    public static string CheckTarget(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = command.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var target = words is [{ } first, { } second, ..] && first.Equals("/dig", StringComparison.OrdinalIgnoreCase)
            ? second
            : words.FirstOrDefault(w => w.Contains('.', StringComparison.Ordinal) && w[0] is not ('@' or '+' or '/') && w.Trim('.', '?', '!').Length > 0)?.Trim('?', '!', '？');
        return target is null ? "…" : target.Length > 100 ? target[..100] : target;
    }

    [GeneratedRegex(@"^\s*<@[A-Z0-9]{2,30}(\|[^>]{0,100})?>", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMention();

    [GeneratedRegex("<([^<>\n]{1,3000})>", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
