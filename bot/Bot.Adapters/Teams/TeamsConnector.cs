using System.Net;
using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Bot.Adapters.Teams;

/// <summary>
/// The Bot Connector REST API (platforms.md §2.5): replies, new messages, updates and typing, with the bot's token,
/// only to allowlisted serviceUrls; path segments escaped; retries on 429/412/502/503/504 honouring Retry-After
/// (bounded, with jitter; a send that timed out is not repeated); Teams' per-conversation rate limits (§2.7).
/// </summary>
public sealed partial class TeamsConnector : IDisposable
{
    private static readonly HttpStatusCode[] Retryable =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    private readonly HttpClient _http;
    private readonly TeamsTokenProvider _tokens;
    private readonly TeamsOptions _options;
    private readonly ILogger<TeamsConnector> _log;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly PartitionedRateLimiter<string> _limits;

    private readonly TeamsEmulatorMode _emulator;

    public TeamsConnector(HttpClient http, TeamsTokenProvider tokens, IOptions<TeamsOptions> options, ILogger<TeamsConnector> log, TeamsEmulatorMode? emulator = null)
    {
        _emulator = emulator ?? new TeamsEmulatorMode();
        _http = http;
        _tokens = tokens;
        _options = options.Value;
        _log = log;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && Retryable.Contains(r.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    Retrying(_log, (int)(args.Outcome.Result?.StatusCode ?? 0), args.RetryDelay.TotalMilliseconds);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        // Per bot and conversation: 7 sends a second and 60 in 30 seconds; sends wait their turn.
        _limits = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(c => RateLimitPartition.GetSlidingWindowLimiter(c, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = 7, Window = TimeSpan.FromSeconds(1), SegmentsPerWindow = 4, QueueLimit = 50, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })),
            PartitionedRateLimiter.Create<string, string>(c => RateLimitPartition.GetSlidingWindowLimiter(c, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = 60, Window = TimeSpan.FromSeconds(30), SegmentsPerWindow = 6, QueueLimit = 50, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })));
    }

    /// <summary>Replies in the thread of <paramref name="replyToId"/> (or posts to the conversation when null).</summary>
    public Task<bool> SendAsync(string serviceUrl, string conversationId, string? replyToId, byte[] activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, serviceUrl, conversationId, replyToId, activity, cancellationToken);

    /// <summary>Replaces an activity the bot sent (a card whose language or view changed).</summary>
    public Task<bool> UpdateAsync(string serviceUrl, string conversationId, string activityId, byte[] activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, serviceUrl, conversationId, activityId, activity, cancellationToken);

    private async Task<bool> CallAsync(HttpMethod method, string serviceUrl, string conversationId, string? activityId, byte[] body, CancellationToken cancellationToken)
    {
        // Emulator mode (no app id, loopback only): no token exists, and replies go to loopback only.
        var emulated = !_options.Enabled && _emulator.On;
        if (emulated ? !TeamsEmulatorMode.IsLoopbackUrl(serviceUrl) : !ServiceUrlPolicy.IsAllowed(serviceUrl, _options.EffectiveServiceUrlHosts))
        {
            // Never send the token to a host that is not trusted.
            UntrustedServiceUrl(_log, new Uri(serviceUrl).Host);
            return false;
        }

        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities" + (activityId is null ? "" : "/" + Uri.EscapeDataString(activityId));
        var url = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        using var lease = await _limits.AcquireAsync(conversationId, 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            Throttled(_log, conversationId.Length);
            return false;
        }

        for (var authAttempt = 0; authAttempt < 2; authAttempt++)
        {
            var token = emulated ? null : await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            using var response = await _retry.ExecuteAsync(async ct =>
            {
                using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                return await _http.SendAsync(request, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            var operation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
            if (response.StatusCode == HttpStatusCode.Unauthorized && authAttempt == 0 && !emulated)
            {
                _tokens.Invalidate();
                continue;
            }

            Failed(_log, method.Method, (int)response.StatusCode, operation);
            return false;
        }

        return false;
    }

    /// <summary>Retry-After (seconds or a date) when the server gave one; null lets the exponential backoff decide.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } d ? TimeSpan.FromSeconds(Math.Clamp(d.TotalSeconds, 0, 30)) : null;
    }

    public void Dispose() => _limits.Dispose();

    [LoggerMessage(EventId = 530, Level = LogLevel.Warning, Message = "Not sending to the serviceUrl host {Host}: it is not in Teams:AllowedServiceUrlHosts")]
    private static partial void UntrustedServiceUrl(ILogger log, string host);

    [LoggerMessage(EventId = 531, Level = LogLevel.Information, Message = "Bot Connector answered {Status}; retrying in {DelayMs} ms")]
    private static partial void Retrying(ILogger log, int status, double delayMs);

    [LoggerMessage(EventId = 532, Level = LogLevel.Warning, Message = "Bot Connector {Method} failed with HTTP {Status} (operation {OperationId})")]
    private static partial void Failed(ILogger log, string method, int status, string? operationId);

    [LoggerMessage(EventId = 533, Level = LogLevel.Warning, Message = "Too many messages queued for one conversation (id length {Length}); dropped")]
    private static partial void Throttled(ILogger log, int length);
}
