using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bot.Adapters.Slack;

/// <summary>
/// Block Kit <c>block_actions</c> from our buttons and the compare select. The press is acknowledged with an empty
/// 200 at once; the new answer (another language, the fix steps, a comparison, a follow-up, a live check run again)
/// replaces the message through the payload's response_url. The element's value is untrusted input: it is decoded
/// strictly and its command run as if the user had typed it. Its language is the value's (the button says it), so
/// users.info is never asked here. After Slack's five posts to one response_url the answer is posted instead
/// (<see cref="SlackWebClient.ReplyAsync"/>).
/// </summary>
public sealed partial class SlackEndpoint
{
    public async Task HandleInteractivityAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = await ReadVerifiedAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        SlackInteraction? interaction = null;
        try
        {
            if (Field(Form(body), "payload") is { } payload)
            {
                interaction = SlackInteraction.Parse(payload);
            }
        }
        catch (JsonException)
        {
        }

        if (interaction is null)
        {
            Malformed(log, http.Request.Path, "no payload JSON");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (interaction.Type != "block_actions" || !SlackActionIds.IsOurs(interaction.ActionId))
        {
            // Shortcuts, modals and other apps' elements: acknowledged, nothing to do.
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (!SlackActionValue.TryDecode(interaction.Value, out var value))
        {
            Malformed(log, http.Request.Path, "an action value we did not produce");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        if (!slack.IsAllowedResponseUrl(interaction.ResponseUrl))
        {
            ResponseUrlRefused(log);
            return;
        }

        var id = interaction.TriggerId ?? $"{interaction.UserId}:{interaction.ActionTs}";
        var key = "slack:action:" + id;
        if (!_deliveries.TryClaim(true, key))
        {
            Duplicate(log, "action", id);
            return;
        }

        var user = $"{interaction.TeamId}:{interaction.UserId}";
        var fallback = options.Value.EffectiveDefaultLocale;
        if (!queue.TryEnqueue(async stopping =>
            {
                var engine = await engines.GetAsync(stopping).ConfigureAwait(false);
                var answer = SlackAnswers.Answer(engine, value.Command, value.Locale, fallback, user);
                if (answer.WantsLiveCheck && engine.LiveChecksEnabled)
                {
                    answer = await SlackAnswers.CheckAsync(engine, value.Command, answer, user, stopping).ConfigureAwait(false);
                }

                var message = SlackAnswers.Render(engine, answer, value.Command, focusFix: value.Kind == SlackActionKind.Fix) with { ReplaceOriginal = true };
                var target = new SlackReplyTarget(interaction.ResponseUrl!, interaction.ChannelId, interaction.UserId, interaction.IsEphemeral);
                await slack.ReplyAsync(target, message, stopping).ConfigureAwait(false);
            }))
        {
            _deliveries.Forget(key);
            QueueFull(log, "action");
        }
    }
}
