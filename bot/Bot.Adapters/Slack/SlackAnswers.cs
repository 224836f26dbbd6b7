using System.Text.Json;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Localization;

namespace Bot.Adapters.Slack;

/// <summary>The engine calls the three Slack endpoints share: the language rule, live checks with a bound, rendering.</summary>
internal static class SlackAnswers
{
    /// <summary>A check's own deadline is seconds; this only bounds a stuck one well inside response_url's 30 minutes.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Answers with the language the user named; else the one the engine detects in the text (Japanese script, German
    /// words); else <paramref name="fallback"/>. The engine never detects English, so an English answer to a request
    /// without a locale means "nothing detected".
    /// </summary>
    public static Answer Answer(BotEngine engine, string text, Locale? locale, Locale fallback, string userId)
    {
        var request = new ChatRequest(text, locale, "slack", userId);
        var answer = engine.Answer(request);
        return locale is null && answer.Locale == Locale.En && fallback != Locale.En
            ? engine.Answer(request with { Locale = fallback })
            : answer;
    }

    /// <summary>
    /// The answer in the language the user named or the text showed (<paramref name="detected"/>, answered without a
    /// locale fallback); only when neither told is <paramref name="userLanguage"/> asked, and the answer given again in
    /// it. Same rule as <see cref="Answer"/>, with the fallback looked up lazily.
    /// </summary>
    public static async ValueTask<Answer> InUserLanguageAsync(BotEngine engine, string text, Answer detected, Func<ValueTask<Locale>> userLanguage, string userId)
    {
        if (detected.Locale != Locale.En)
        {
            return detected;
        }

        var locale = await userLanguage().ConfigureAwait(false);
        return locale == Locale.En ? detected : engine.Answer(new ChatRequest(text, locale, "slack", userId));
    }

    /// <summary>Runs the live check behind <paramref name="pending"/>; a check that does not end in time becomes the timeout answer.</summary>
    public static async Task<Answer> CheckAsync(BotEngine engine, string text, Answer pending, string userId, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            return await engine.AnswerAsync(new ChatRequest(text, pending.Locale, "slack", userId), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return engine.Error(UiKeys.DigTimeout, pending.Locale) with { Intent = "dig" };
        }
    }

    /// <summary>The short "Checking example.com…" message that acknowledges a live check.</summary>
    public static SlackMessage Working(BotEngine engine, string text, Locale locale) =>
        new() { Text = SlackMrkdwn.Flat(engine.Knowledge.Ui.Format(UiKeys.ChatWorking, locale, SlackInput.CheckTarget(text)), 300) };

    public static SlackMessage Render(BotEngine engine, Answer answer, string? command, bool focusFix = false) =>
        new SlackRenderer(engine.Knowledge.Ui).Render(answer, command, focusFix);

    public static string Serialize(SlackMessage message) => JsonSerializer.Serialize(message, SlackWireJson.Context.SlackMessage);
}
