using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Slack;

/// <summary>
/// Slash commands. Answers are ephemeral (only the user sees them), as Slack apps conventionally answer commands,
/// unless the arguments end with "share"; a trailing language word (ja, de, en, 日本語, deutsch …) picks the language,
/// else the text's (Japanese script), else the user's Slack language (users.info, waited for briefly), else the default.
/// Knowledge answers are the HTTP response; a live check is acknowledged with "Checking …" and its result posted to
/// the command's response_url.
/// </summary>
public sealed partial class SlackEndpoint
{
    /// <summary>How long a command waits for users.info: the answer is the HTTP response, due within 3 s.</summary>
    private static readonly TimeSpan InlineLanguageWait = TimeSpan.FromMilliseconds(500);

    public async Task HandleCommandsAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = await ReadVerifiedAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var form = Form(body);
        var command = Field(form, "command");
        if (command is null || command.Length is 0 or > 64 || command[0] != '/')
        {
            Malformed(log, http.Request.Path, "no command field");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Slack does not retry slash commands, but a proxy might: the same trigger_id gets the same answer, once.
        var trigger = Field(form, "trigger_id");
        var key = "slack:command:" + trigger;
        if (trigger is not null && _commandAnswers.TryGet(key, out var earlier))
        {
            Duplicate(log, "command", trigger);
            await WriteJsonAsync(http, earlier).ConfigureAwait(false);
            return;
        }

        var engine = await engines.GetAsync(http.RequestAborted).ConfigureAwait(false);
        var from = new SlackCommandSource(Field(form, "team_id"), Field(form, "user_id"), Field(form, "channel_id"), Field(form, "response_url"));
        var response = await CommandAsync(engine, command.Trim().ToLowerInvariant(), SlackInput.Plain(Field(form, "text") ?? ""), from, http.RequestAborted).ConfigureAwait(false);
        if (trigger is not null)
        {
            _commandAnswers.Set(key, response);
        }

        await WriteJsonAsync(http, response).ConfigureAwait(false);
    }

    private async Task<string> CommandAsync(BotEngine engine, string command, string text, SlackCommandSource from, CancellationToken cancellationToken)
    {
        var (args, locale, share) = SlackInput.CommandOptions(text, takesArguments: command != "/dnshelp");
        if (!SlackCommands.TryEngineText(command, args, out var engineText))
        {
            engineText = (command + " " + args).TrimEnd();
        }

        var type = share ? SlackResponseType.InChannel : SlackResponseType.Ephemeral;
        var user = from.User;
        var responseUrl = from.ResponseUrl;
        var fallback = await FallbackLocaleAsync(engine, engineText, locale, from.UserId, user, cancellationToken).ConfigureAwait(false);
        var cacheKey = $"c|{type}|{locale}|{fallback}|{engineText}";
        if (_rendered.TryGet(engine, cacheKey) is { } known)
        {
            return known;
        }

        var answer = SlackAnswers.Answer(engine, engineText, locale, fallback, user);
        if (!answer.WantsLiveCheck || !engine.LiveChecksEnabled)
        {
            return _rendered.Add(engine, cacheKey, SlackAnswers.Serialize(SlackAnswers.Render(engine, answer, engineText) with { ResponseType = type }));
        }

        if (!slack.IsAllowedResponseUrl(responseUrl))
        {
            // The result could only go back through this URL; without it the check is not run at all.
            ResponseUrlRefused(log);
            return Ephemeral(engine, engine.Error(UiKeys.ChatReplyRefused, answer.Locale));
        }

        var accepted = queue.TryEnqueue(async stopping =>
        {
            var result = await SlackAnswers.CheckAsync(engine, engineText, answer, user, stopping).ConfigureAwait(false);
            var target = new SlackReplyTarget(responseUrl!, from.ChannelId, from.UserId, Ephemeral: !share);
            await slack.ReplyAsync(target, SlackAnswers.Render(engine, result, engineText) with { ResponseType = type }, stopping).ConfigureAwait(false);
        });
        if (!accepted)
        {
            QueueFull(log, "command");
            return Ephemeral(engine, engine.Error(UiKeys.DigQueueFull, answer.Locale));
        }

        return SlackAnswers.Serialize(SlackAnswers.Working(engine, engineText, answer.Locale) with { ResponseType = type });
    }

    /// <summary>
    /// The language for a command without a language word whose text shows none: the user's Slack language when
    /// users.info answers within <see cref="InlineLanguageWait"/> (the whole answer must be back within Slack's 3 s),
    /// else Slack:DefaultLocale. With a language word, or Japanese text, nothing is asked.
    /// </summary>
    private async ValueTask<Locale> FallbackLocaleAsync(BotEngine engine, string engineText, Locale? locale, string? userId, string user, CancellationToken cancellationToken)
    {
        var fallback = options.Value.EffectiveDefaultLocale;
        if (locale is not null)
        {
            return fallback;
        }

        if (languages.TryGetKnown(userId, out var known))
        {
            return known;
        }

        var detected = engine.Answer(new ChatRequest(engineText, null, "slack", user));
        return detected.Locale != Locale.En ? fallback : await languages.GetAsync(userId, InlineLanguageWait, cancellationToken).ConfigureAwait(false);
    }

    private static string Ephemeral(BotEngine engine, Answer answer) =>
        SlackAnswers.Serialize(SlackAnswers.Render(engine, answer, null) with { ResponseType = SlackResponseType.Ephemeral });

    [LoggerMessage(EventId = 614, Level = LogLevel.Warning, Message = "A Slack request's response_url is not https on a host in Slack:ResponseUrlHosts; nothing is posted to it")]
    private static partial void ResponseUrlRefused(ILogger log);
}

/// <summary>Who sent a slash command, where, and the response_url for its later answer.</summary>
internal sealed record SlackCommandSource(string? TeamId, string? UserId, string? ChannelId, string? ResponseUrl)
{
    /// <summary>The user as the engine knows them (team:user).</summary>
    public string User => $"{TeamId}:{UserId}";
}
