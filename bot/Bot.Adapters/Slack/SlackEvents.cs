using Bot.Engine;
using Bot.Engine.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Slack;

/// <summary>
/// What the bot does with a message event, off the request: an <c>app_mention</c> or a direct message is answered
/// with a threaded reply; a message in a triage channel only when the paste recognisers understood it (or, in
/// reaction mode, gets a reaction). Never its own or another bot's messages, never edits or deletions; at most one
/// answer per message (Slack sends both <c>app_mention</c> and <c>message.channels</c> for a mention); answers per
/// channel are rate-limited. The language is the one the text shows, else the user's Slack language
/// (<see cref="SlackUserLanguages"/>), else Slack:DefaultLocale. A live check is announced with a threaded "Checking …"
/// that the result then replaces (chat.update; a new reply when that fails).
/// </summary>
public sealed partial class SlackEvents : IDisposable
{
    private static readonly TimeSpan MessageMemory = TimeSpan.FromHours(1);

    /// <summary>Events are answered off the request, so users.info may take longer than for a command; not much longer.</summary>
    private static readonly TimeSpan LanguageWait = TimeSpan.FromSeconds(2);

    /// <summary>Message subtypes that are still a person writing something new; every other subtype (edits, deletions, joins, bot posts) is ignored.</summary>
    private static readonly HashSet<string?> AnsweredSubtypes = [null, "file_share", "thread_broadcast"];

    private readonly IOptions<SlackOptions> _options;
    private readonly IEngineProvider _engines;
    private readonly SlackWebClient _slack;
    private readonly SlackUserLanguages _languages;
    private readonly DeliveryLedger<bool> _claims;
    private readonly ILogger<SlackEvents> _log;
    private readonly ChannelAnswerLimit _perChannel;
    private readonly SemaphoreSlim _authTest = new(1, 1);
    private string? _botUserId;

    public SlackEvents(IOptions<SlackOptions> options, IEngineProvider engines, SlackWebClient slack, SlackUserLanguages languages, TimeProvider time, ILogger<SlackEvents> log)
    {
        _languages = languages;
        _options = options;
        _engines = engines;
        _slack = slack;
        _claims = new DeliveryLedger<bool>(MessageMemory, time);
        _log = log;
        _botUserId = string.IsNullOrWhiteSpace(options.Value.BotUserId) ? null : options.Value.BotUserId;
        _perChannel = new ChannelAnswerLimit(options.Value.ChannelAnswersPerMinute);
    }

    /// <summary>The cheap checks made before an event is queued: a message of a person, in a conversation, with text.</summary>
    public static bool IsCandidate(SlackEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.EventType is "app_mention" or "message"
            && e.BotId is null && AnsweredSubtypes.Contains(e.Subtype)
            && e.User is not null && e.Channel is not null && e.Ts is not null && !string.IsNullOrWhiteSpace(e.Text);
    }

    public async Task HandleAsync(SlackEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var options = _options.Value;
        var kind = e.EventType == "app_mention" ? Kind.Mention
            : e.ChannelType == "im" ? Kind.Direct
            : e.ChannelType is "channel" or "group" && options.TriageChannels.Contains(e.Channel!, StringComparer.Ordinal) ? Kind.Triage
            : Kind.None;
        if (kind == Kind.None || !IsCandidate(e))
        {
            return;
        }

        var bot = await BotUserIdAsync(cancellationToken).ConfigureAwait(false);
        if (e.User == bot)
        {
            return;
        }

        if (kind == Kind.Triage && bot is not null && e.Text!.Contains("<@" + bot, StringComparison.Ordinal))
        {
            // A mention in a triage channel: the app_mention event answers it.
            return;
        }

        var text = SlackInput.Question(e.Text, bot);
        var user = $"{e.TeamId}:{e.User}";
        var engine = await _engines.GetAsync(cancellationToken).ConfigureAwait(false);

        // Without a locale: the language the text shows, if any (messages have no language words).
        var answer = engine.Answer(new ChatRequest(text, null, "slack", user));
        if (kind == Kind.Triage && answer.Recognizer is null)
        {
            return;
        }

        if (!ClaimMessage(e))
        {
            Duplicate(_log, e.EventType!);
            return;
        }

        if (!_perChannel.TryAcquire(e.Channel!))
        {
            Throttled(_log, e.Channel!);
            return;
        }

        if (kind == Kind.Triage && options.TriageReply == SlackTriageReply.Reaction)
        {
            await _slack.AddReactionAsync(e.Channel!, e.Ts!, options.TriageReaction, cancellationToken).ConfigureAwait(false);
            return;
        }

        answer = await SlackAnswers.InUserLanguageAsync(engine, text, answer, () => _languages.GetAsync(e.User, LanguageWait, cancellationToken), user).ConfigureAwait(false);

        // In channels the answer goes in the message's thread; in a DM only when the question was in a thread.
        var thread = kind == Kind.Direct ? e.ThreadTs : e.ThreadTs ?? e.Ts;
        string? working = null;
        if (answer.WantsLiveCheck && engine.LiveChecksEnabled)
        {
            // A check takes seconds: say so first, then replace that message with the result.
            var ack = await _slack.PostMessageAsync(SlackAnswers.Working(engine, text, answer.Locale) with { Channel = e.Channel, ThreadTs = thread }, cancellationToken).ConfigureAwait(false);
            working = ack.Ok && ack.Body is { } body ? Json.Str(body, "ts") : null;
            answer = await SlackAnswers.CheckAsync(engine, text, answer, user, cancellationToken).ConfigureAwait(false);
        }

        var message = SlackAnswers.Render(engine, answer, text) with { Channel = e.Channel, ThreadTs = thread };
        if (working is not null)
        {
            var updated = await _slack.UpdateMessageAsync(e.Channel!, working, message, cancellationToken).ConfigureAwait(false);
            if (updated.Ok)
            {
                return;
            }

            UpdateFailed(_log, updated.Error ?? "?");
        }

        var result = await _slack.PostMessageAsync(message, cancellationToken).ConfigureAwait(false);
        if (!result.Ok)
        {
            ReplyFailed(_log, e.EventType!, result.Error ?? "?");
        }
    }

    public void Dispose()
    {
        _perChannel.Dispose();
        _authTest.Dispose();
    }

    /// <summary>The configured bot user id, else auth.test's (asked once; asked again later if it failed).</summary>
    private async Task<string?> BotUserIdAsync(CancellationToken cancellationToken)
    {
        if (_botUserId is { } known)
        {
            return known;
        }

        await _authTest.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _botUserId ??= await _slack.AuthTestAsync(cancellationToken).ConfigureAwait(false);
            return _botUserId;
        }
        finally
        {
            _authTest.Release();
        }
    }

    /// <summary>One answer per message: by channel and ts, and by client_msg_id (atomic).</summary>
    private bool ClaimMessage(SlackEvent e) =>
        e.ClientMsgId is { Length: > 0 } id
            ? _claims.TryClaim(true, $"slack:message:{e.Channel}:{e.Ts}", "slack:client-msg:" + id)
            : _claims.TryClaim(true, $"slack:message:{e.Channel}:{e.Ts}");

    private enum Kind
    {
        None,
        Mention,
        Direct,
        Triage,
    }
}
