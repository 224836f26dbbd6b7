using System.Net.WebSockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>
/// The gateway client, a hosted service: connects, and after each connection decides what the next one does —
/// RESUME (op 7, op 9 d=true, a dropped or zombie connection, resumable close codes), a fresh IDENTIFY after 1–5 s
/// (op 9 d=false, 4007, 4009), or nothing (4004, 4010–4014, with a log line naming the cause). Each fresh IDENTIFY
/// is preceded by GET /gateway/bot (URL, shards, session start limit; a rejected token stops the client). Failed
/// connections back off exponentially to a minute; IDENTIFYs are spaced at least 5 s apart.
/// </summary>
public sealed partial class DiscordGateway(
    IOptions<DiscordOptions> options,
    GatewayMessageHandler handler,
    DiscordRestClient rest,
    TimeProvider time,
    ILoggerFactory logs) : BackgroundService
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private const int MaxFailedResumes = 3;
    private readonly ILogger _log = logs.CreateLogger<DiscordGateway>();
    private readonly GatewaySession _session = new();

    private readonly SlidingWindowRateLimiter _identifies = GatewayLimits.Identifies();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.GatewayOffReason is { } why)
        {
            Off(_log, why);
            return;
        }

        var intents = GatewayIntents.GuildMessages | GatewayIntents.DirectMessages | (o.MessageContentIntent ? GatewayIntents.MessageContent : GatewayIntents.None);
        On(_log, o.GatewayUrlIsExplicit ? o.GatewayUrl : "the URL GET /gateway/bot names", intents.ToString(), o.TriageChannels.Count, o.TriageReplyMode.ToString());
        if (o.TriageChannels.Count > 0 && !o.MessageContentIntent)
        {
            NoContentIntent(_log);
        }

        var failures = 0;
        var failedResumes = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var resume = _session.CanResume;
            string url;
            if (resume)
            {
                url = _session.ResumeUrl ?? GatewayUrl(o);
            }
            else
            {
                if (await PrepareIdentifyAsync(o, stoppingToken).ConfigureAwait(false) is not { } identifyUrl)
                {
                    return;
                }

                url = identifyUrl;
                using var lease = await _identifies.AcquireAsync(1, stoppingToken).ConfigureAwait(false);
            }

            var uri = new Uri(url.TrimEnd('/') + "/?v=10&encoding=json");
            GatewayOutcome outcome;
            var established = false;
            var socket = new GatewaySocket();
            await using (socket.ConfigureAwait(false))
            {
                try
                {
                    await socket.ConnectAsync(uri, ConnectTimeout, stoppingToken).ConfigureAwait(false);
                    var connection = new GatewayConnection(socket, _session, o.BotToken!, intents,
                        message => handler.OnMessageCreate(message, _session.UserId), time, _log);
                    outcome = await connection.RunAsync(stoppingToken).ConfigureAwait(false);
                    established = connection.Established;
                    failures = established ? 0 : failures + 1;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpRequestException)
                {
                    ConnectFailed(_log, uri.GetLeftPart(UriPartial.Path), e.Message);
                    outcome = GatewayOutcome.Resume;
                    failures++;
                }
#pragma warning disable CA1031 // a fault in one connection must not stop the host (BackgroundService faults stop it); logged, then reconnect
                catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    Faulted(_log, e);
                    outcome = GatewayOutcome.Resume;
                    failures++;
                }
            }

            switch (outcome)
            {
                case GatewayOutcome.Fatal or GatewayOutcome.Stopped:
                    return;
                case GatewayOutcome.Identify:
                    _session.Clear();
                    // Discord: wait a random 1–5 s before identifying again after an invalid session.
                    await DelayAsync(TimeSpan.FromSeconds(1 + (4 * Random.Shared.NextDouble())), stoppingToken).ConfigureAwait(false);
                    continue;
            }

            failedResumes = resume && !established ? failedResumes + 1 : 0;
            if (failedResumes >= MaxFailedResumes)
            {
                // A session that keeps failing to resume (an unreachable resume URL, a replayed event we cannot
                // take) is given up: the next connection identifies afresh (after GET /gateway/bot).
                _session.Clear();
                failedResumes = 0;
            }

            // After a working connection, within a second (so a server that drops every connection at once is not
            // hammered); after failed ones, exponentially longer up to a minute.
            var backoff = failures == 0
                ? TimeSpan.FromSeconds(Random.Shared.NextDouble())
                : TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)) * (0.5 + (Random.Shared.NextDouble() / 2)));
            Backoff(_log, backoff.TotalSeconds);
            await DelayAsync(backoff, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override void Dispose()
    {
        _identifies.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 445, Level = LogLevel.Information, Message = "Discord gateway on: {Url}, intents {Intents}, {TriageChannels} triage channel(s), reply style {Reply}")]
    private static partial void On(ILogger log, string url, string intents, int triageChannels, string reply);

    [LoggerMessage(EventId = 446, Level = LogLevel.Information, Message = "Discord gateway off: {Why}")]
    private static partial void Off(ILogger log, string why);

    [LoggerMessage(EventId = 447, Level = LogLevel.Warning, Message = "Discord:TriageChannels is set but Discord:MessageContentIntent is false: pastes there arrive without their text and are not answered")]
    private static partial void NoContentIntent(ILogger log);

    [LoggerMessage(EventId = 448, Level = LogLevel.Warning, Message = "Discord gateway: connecting to {Url} failed ({Reason})")]
    private static partial void ConnectFailed(ILogger log, string url, string reason);

    [LoggerMessage(EventId = 444, Level = LogLevel.Error, Message = "Discord gateway connection failed unexpectedly; reconnecting")]
    private static partial void Faulted(ILogger log, Exception exception);

    [LoggerMessage(EventId = 449, Level = LogLevel.Information, Message = "Discord gateway: reconnecting in {Seconds:F1} s")]
    private static partial void Backoff(ILogger log, double seconds);
}
