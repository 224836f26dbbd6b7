using System.Text.Json;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>
/// Which MESSAGE_CREATE gets an answer, and the answer: mentions of the bot (the mention stripped) and DMs are
/// questions; in <c>Discord:TriageChannels</c> pastes the recognisers are confident about are answered unasked.
/// Never the bot's own messages, other bots' or webhooks'. One answer per message id, also when a RESUME replays
/// it; at most <c>Discord:ChannelAnswersPerMinute</c> per channel. The answer (and any live check) is produced in
/// the background queue, so the gateway's receive loop never waits on the engine or on REST.
/// </summary>
public sealed partial class GatewayMessageHandler(
    IOptions<DiscordOptions> options,
    IEngineProvider engines,
    DiscordRestClient rest,
    BackgroundQueue queue,
    TimeProvider time,
    ILogger<GatewayMessageHandler> log) : IDisposable
{
    public const string TriageReaction = "🔍";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(2);
    /// <summary>received → claimed, once per message id, for longer than any RESUME replay window (a session that old
    /// cannot be resumed anyway): a replayed dispatch finds the claim and stops.</summary>
    private readonly DeliveryLedger<bool> _claims = new(TimeSpan.FromHours(2), time);
    private readonly ChannelAnswerLimit _perChannel = new(options.Value.ChannelAnswersPerMinute);

    /// <summary>Decides at once (in the order the gateway delivers) and queues the answer. Never throws on bad input.</summary>
    internal void OnMessageCreate(JsonElement data, string? selfId)
    {
        if (GatewayMessage.TryParse(data) is not { } message)
        {
            Malformed(log);
            return;
        }

        var trigger = Classify(message, selfId, options.Value, out var reason);
        if (trigger == MessageTrigger.None)
        {
            Ignored(log, message.Id, message.ChannelId, reason);
            return;
        }

        if (!_claims.TryClaim(true, message.Id))
        {
            Duplicate(log, message.Id);
            return;
        }

        if (!queue.TryEnqueue(ct => AnswerAsync(message, trigger, selfId!, ct)))
        {
            QueueFull(log, message.Id);
        }
    }

    internal static MessageTrigger Classify(GatewayMessage message, string? selfId, DiscordOptions o, out string reason)
    {
        (var trigger, reason) = message switch
        {
            _ when selfId is null => (MessageTrigger.None, "not READY yet"),
            { AuthorId: var a } when a == selfId => (MessageTrigger.None, "our own message"),
            { AuthorIsBot: true } or { FromWebhook: true } => (MessageTrigger.None, "a bot or webhook message"),
            { IsUserText: false } => (MessageTrigger.None, "a system message"),
            _ when Mentions(message, selfId) => (MessageTrigger.Mention, "mention"),
            { IsDirect: true } => (MessageTrigger.Direct, "direct message"),
            _ when o.TriageChannels.Contains(message.ChannelId) => (MessageTrigger.TriageChannel, "triage channel"),
            _ => (MessageTrigger.None, "not addressed to the bot"),
        };
        return trigger;
    }

    private static bool Mentions(GatewayMessage m, string self) =>
        m.Mentions.Contains(self) || m.Content.Contains($"<@{self}>", StringComparison.Ordinal) || m.Content.Contains($"<@!{self}>", StringComparison.Ordinal);

    internal static string StripMention(string content, string self) =>
        content.Replace($"<@!{self}>", "", StringComparison.Ordinal).Replace($"<@{self}>", "", StringComparison.Ordinal).Trim();

    private async Task AnswerAsync(GatewayMessage message, MessageTrigger trigger, string selfId, CancellationToken stopping)
    {
        var engine = await engines.GetAsync(stopping).ConfigureAwait(false);
        var o = options.Value;
        var text = trigger == MessageTrigger.Mention ? StripMention(message.Content, selfId) : message.Content;
        if (trigger == MessageTrigger.TriageChannel && engine.RecognisePaste(text) != PasteConfidence.High)
        {
            Ignored(log, message.Id, message.ChannelId, "not a paste the recognisers are sure of");
            return;
        }

        if (!_perChannel.TryAcquire(message.ChannelId))
        {
            ChannelLimited(log, message.Id, message.ChannelId, o.ChannelAnswersPerMinute);
            return;
        }

        if (trigger == MessageTrigger.TriageChannel && o.TriageReplyMode == DiscordTriageReply.Reaction)
        {
            var reacted = await rest.CreateReactionAsync(message.ChannelId, message.Id, TriageReaction, stopping).ConfigureAwait(false);
            Report(message, "reaction", reacted);
            return;
        }

        var answer = await AnswerTextAsync(engine, new ChatRequest(text, null, "discord", message.AuthorId), stopping).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(Reply(engine, answer, text, message, o), DiscordWireJson.Context.DiscordMessage);
        var result = await rest.CreateMessageAsync(message.ChannelId, json, stopping).ConfigureAwait(false);
        Report(message, trigger.ToString(), result);
    }

    private void Report(GatewayMessage message, string how, DiscordResult result)
    {
        if (result.Ok)
        {
            Sent(log, message.Id, message.ChannelId, how, result.Status);
        }
        else
        {
            // 403 50013 (missing permissions) is the usual one: the bot may read the channel but not post in it.
            SendFailed(log, message.Id, message.ChannelId, how, result.Status, result.Code);
        }
    }

    private static async Task<Answer> AnswerTextAsync(BotEngine engine, ChatRequest request, CancellationToken stopping)
    {
        var answer = engine.Answer(request);
        if (!answer.WantsLiveCheck || !engine.LiveChecksEnabled)
        {
            return answer;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            return await engine.AnswerAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return engine.Error(UiKeys.DigTimeout, answer.Locale);
        }
    }

    /// <summary>
    /// A reply to the message that pings nobody (<c>parse: []</c>, <c>replied_user: false</c>), whatever the answer
    /// quotes. Buttons only when the interactions endpoint is on: their clicks arrive there.
    /// </summary>
    private static DiscordMessage Reply(BotEngine engine, Answer answer, string text, GatewayMessage message, DiscordOptions o)
    {
        var rendered = new DiscordRenderer(engine.Knowledge.Ui).Render(answer, text.Contains('\n', StringComparison.Ordinal) ? null : text);
        return rendered with
        {
            Components = o.Enabled ? rendered.Components : null,
            MessageReference = new DiscordMessageReference(message.Id, message.ChannelId),
            AllowedMentions = DiscordAllowedMentions.NoneInReply,
        };
    }

    public void Dispose() => _perChannel.Dispose();
}
