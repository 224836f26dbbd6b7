using Bot.Engine.Contracts;

namespace Bot.Adapters.Slack;

/// <summary>How the bot answers a recognised paste in a triage channel.</summary>
public enum SlackTriageReply
{
    /// <summary>A threaded reply with the explanation.</summary>
    Reply,

    /// <summary>Only a reaction on the message (<see cref="SlackOptions.TriageReaction"/>); mentions and DMs still get replies.</summary>
    Reaction,
}

/// <summary>Settings of the Slack adapter (section "Slack"). Without a signing secret the endpoints are off (404).</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The app's signing secret (Basic Information → App Credentials); every request is checked with it. Never logged.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (xoxb-…) for chat.postMessage, reactions.add and auth.test. Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>The bot's own user id (U…); when empty it is asked from auth.test once.</summary>
    public string? BotUserId { get; set; }

    /// <summary>Slack's Web API; tests point it at a loopback fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Requests whose X-Slack-Request-Timestamp is further from now than this are rejected (replay defence).</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Channel ids (C…, G…) where a pasted dig output, log line or error gets an answer without a mention.</summary>
    public List<string> TriageChannels { get; set; } = [];

    public SlackTriageReply TriageReply { get; set; } = SlackTriageReply.Reply;

    /// <summary>The emoji name added in <see cref="SlackTriageReply.Reaction"/> mode.</summary>
    public string TriageReaction { get; set; } = "mag";

    /// <summary>Answers posted into one channel (mentions, DMs, triage) per minute; more are dropped and logged.</summary>
    public int ChannelAnswersPerMinute { get; set; } = 10;

    /// <summary>
    /// Hosts a response_url may point at (a leading "*." matches subdomains); https only, http only for a loopback
    /// host on the list. Empty: hooks.slack.com.
    /// </summary>
    public List<string> ResponseUrlHosts { get; set; } = [];

    /// <summary>The language when the user names none and the text does not tell (Slack sends no locale): en, ja or de.</summary>
    public string DefaultLocale { get; set; } = "en";

    public bool Enabled => !string.IsNullOrWhiteSpace(SigningSecret);

    public static readonly IReadOnlyList<string> DefaultResponseUrlHosts = ["hooks.slack.com"];

    public IReadOnlyList<string> EffectiveResponseUrlHosts => ResponseUrlHosts.Count > 0 ? ResponseUrlHosts : DefaultResponseUrlHosts;

    public Locale EffectiveDefaultLocale => Locales.Parse(DefaultLocale) ?? Locale.En;
}
