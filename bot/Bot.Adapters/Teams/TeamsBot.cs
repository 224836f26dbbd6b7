using Bot.Adapters.Teams.Cards;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Localization;
using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Teams;

/// <summary>
/// What the bot does with an authenticated activity: answer a message (a typed question or an Action.Submit) with
/// an Adaptive Card reply in its thread, keep a typing indicator up while a live check runs, welcome the
/// conversation when the bot is added, and answer an Action.Execute invoke with the card that replaces the clicked one.
/// </summary>
public sealed partial class TeamsBot(IEngineProvider engines, TeamsConnector connector, ILogger<TeamsBot> log)
{
    /// <summary>Teams shows typing for about 3 s; sending every 2.5 s keeps it up without gaps (§2.5).</summary>
    private static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(2.5);

    /// <summary>Invokes are answered in the HTTP response, which Teams waits about 15 s for.</summary>
    private static readonly TimeSpan InvokeBudget = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan CheckBudget = TimeSpan.FromMinutes(2);

    public async Task HandleAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var engine = await engines.GetAsync(cancellationToken).ConfigureAwait(false);
        switch (activity.Type)
        {
            case "message" when TeamsRequest.FromMessage(activity) is { } request:
                var answer = await AnswerAsync(engine, activity, request, CheckBudget, typing: true, cancellationToken).ConfigureAwait(false);
                await ReplyAsync(engine, activity, answer, request, cancellationToken).ConfigureAwait(false);
                break;
            case "conversationUpdate" when activity.Recipient is { } bot && activity.MembersAdded.Any(m => m.Id == bot.Id):
            case "installationUpdate" when activity.Action == "add":
                await ReplyAsync(engine, activity, Welcome(engine, TeamsText.Locale(activity) ?? Locale.En), null, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The invoke response body for an <c>adaptiveCard/action</c> (Action.Execute).</summary>
    public async Task<byte[]> InvokeAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (TeamsRequest.FromInvoke(activity) is not { } request)
        {
            return ActivityJson.ErrorInvokeResponse(400, "BadRequest", "The card action carries no command.");
        }

        var engine = await engines.GetAsync(cancellationToken).ConfigureAwait(false);
        var answer = await AnswerAsync(engine, activity, request, InvokeBudget, typing: false, cancellationToken).ConfigureAwait(false);
        var card = new TeamsCardRenderer(engine.Knowledge.Ui).Render(answer, request.Command, request.FocusFix);
        return ActivityJson.CardInvokeResponse(TeamsCardJson.SerializeToUtf8Bytes(card));
    }

    private async Task<Answer> AnswerAsync(BotEngine engine, TeamsActivity activity, TeamsRequest request, TimeSpan budget, bool typing, CancellationToken cancellationToken)
    {
        var chat = new ChatRequest(request.Command, request.Locale, "teams", activity.From?.Id ?? "unknown");
        var answer = engine.Answer(chat);
        if (!answer.WantsLiveCheck || !engine.LiveChecksEnabled)
        {
            return answer;
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typingLoop = Task.CompletedTask;
        if (typing)
        {
            // The first indicator goes out before the check starts, so the user sees it at once; then every 2.5 s.
            var indicator = ActivityJson.Typing(activity);
            await connector.SendAsync(activity.ServiceUrl, activity.ConversationId, null, indicator, cancellationToken).ConfigureAwait(false);
            typingLoop = TypingAsync(activity, indicator, done.Token);
        }

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(budget);
            return await engine.AnswerAsync(chat, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return engine.Error(UiKeys.DigTimeout, answer.Locale);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await typingLoop.ConfigureAwait(false);
        }
    }

    private async Task TypingAsync(TeamsActivity activity, byte[] typing, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TypingEvery, cancellationToken).ConfigureAwait(false);
                await connector.SendAsync(activity.ServiceUrl, activity.ConversationId, null, typing, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The check ended.
        }
    }

    private async Task ReplyAsync(BotEngine engine, TeamsActivity activity, Answer answer, TeamsRequest? request, CancellationToken cancellationToken)
    {
        var card = new TeamsCardRenderer(engine.Knowledge.Ui).Render(answer, request?.Command, request?.FocusFix ?? false);
        var message = ActivityJson.Message(activity, TeamsCardRenderer.PlainText(answer), answer.Locale.Tag(), TeamsCardJson.SerializeToUtf8Bytes(card));
        var replyTo = activity.Type == "message" ? activity.Id : null;
        if (!await connector.SendAsync(activity.ServiceUrl, activity.ConversationId, replyTo, message, cancellationToken).ConfigureAwait(false))
        {
            ReplyFailed(log, activity.Type);
        }
    }

    private static Answer Welcome(BotEngine engine, Locale locale)
    {
        var ui = engine.Knowledge.Ui;
        return engine.Answer(new ChatRequest("/help", locale, "teams")) with
        {
            Intent = "welcome",
            Title = ui[UiKeys.ChatWelcomeTitle, locale],
            Summary = ui[UiKeys.ChatWelcomeSummary, locale],
        };
    }

    [LoggerMessage(EventId = 540, Level = LogLevel.Warning, Message = "The reply to a Teams {Type} activity was not delivered")]
    private static partial void ReplyFailed(ILogger log, string type);
}
