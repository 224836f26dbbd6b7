using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>
/// Discord's REST API: editing interaction responses, registering commands, and the gateway client's replies and
/// reactions. Follows the rate-limit headers per
/// route bucket, waits out 429 (<c>retry_after</c>), retries only idempotent requests, and stops at once when a
/// token is dead (401, 10062 Unknown interaction, 50027 Invalid webhook token).
/// </summary>
public sealed partial class DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> log)
{
    public const string UserAgent = "DiscordBot (https://github.com/dns-triage-bot, 1.0)";
    private const int MaxAttempts = 4;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);

    private string Base => options.Value.ApiBaseUrl.TrimEnd('/');

    /// <summary>PATCH /webhooks/{app}/{token}/messages/@original: the answer after a deferred response.</summary>
    public Task<DiscordResult> EditOriginalAsync(string interactionToken, string messageJson, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, $"/webhooks/{Uri.EscapeDataString(options.Value.ApplicationId ?? "")}/{Uri.EscapeDataString(interactionToken)}/messages/@original",
            $"webhook:{interactionToken}", messageJson, idempotent: true, bot: false, cancellationToken);

    /// <summary>PUT the whole command list (bulk overwrite), globally or for one guild (instant, for development).</summary>
    public Task<DiscordResult> OverwriteCommandsAsync(string commandsJson, string? guildId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, CommandsPath(guildId), "commands", commandsJson, idempotent: true, bot: true, cancellationToken);

    public Task<DiscordResult> GetCommandsAsync(string? guildId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, CommandsPath(guildId) + "?with_localizations=true", "commands", null, idempotent: true, bot: true, cancellationToken);

    /// <summary>
    /// POST /channels/{channel}/messages. Not idempotent: retried after 429 (nothing was created) but never after a
    /// network error or 5xx, when the message may already exist.
    /// </summary>
    public Task<DiscordResult> CreateMessageAsync(string channelId, string messageJson, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"/channels/{Uri.EscapeDataString(channelId)}/messages", $"channel:{channelId}:messages",
            messageJson, idempotent: false, bot: true, cancellationToken);

    /// <summary>PUT /channels/{channel}/messages/{message}/reactions/{emoji}/@me (a unicode emoji, URL-encoded).</summary>
    public Task<DiscordResult> CreateReactionAsync(string channelId, string messageId, string emoji, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"/channels/{Uri.EscapeDataString(channelId)}/messages/{Uri.EscapeDataString(messageId)}/reactions/{Uri.EscapeDataString(emoji)}/@me",
            $"channel:{channelId}:reactions", null, idempotent: true, bot: true, cancellationToken);

    /// <summary>GET /gateway/bot: the gateway URL, recommended shards and session start limit (before each IDENTIFY).</summary>
    public Task<DiscordResult> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "/gateway/bot", "gateway/bot", null, idempotent: true, bot: true, cancellationToken);

    private string CommandsPath(string? guildId) => guildId is null
        ? $"/applications/{Uri.EscapeDataString(options.Value.ApplicationId ?? "")}/commands"
        : $"/applications/{Uri.EscapeDataString(options.Value.ApplicationId ?? "")}/guilds/{Uri.EscapeDataString(guildId)}/commands";

    private async Task<DiscordResult> SendAsync(HttpMethod method, string path, string bucket, string? json, bool idempotent, bool bot, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (_blockedUntil.TryGetValue(bucket, out var until) && until > time.GetUtcNow())
            {
                await Task.Delay(Min(until - time.GetUtcNow(), MaxWait), time, cancellationToken).ConfigureAwait(false);
            }

            using var request = new HttpRequestMessage(method, Base + path);
            request.Headers.UserAgent.ParseAdd(UserAgent);
            if (bot)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BotToken);
            }

            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (idempotent && attempt < MaxAttempts)
            {
                NetworkRetry(log, method.Method, bucket, e.Message);
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                Track(bucket, response);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
                {
                    var wait = RetryAfter(response, body);
                    RateLimited(log, bucket, wait.TotalSeconds);
                    await Task.Delay(Min(wait, MaxWait), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var code = ErrorCode(body);
                if (response.StatusCode is HttpStatusCode.Unauthorized || code is 10062 or 50027)
                {
                    // The token is dead: calling again only counts toward Cloudflare's invalid-request limit.
                    return new DiscordResult((int)response.StatusCode, code, body, Permanent: true);
                }

                if ((int)response.StatusCode >= 500 && idempotent && attempt < MaxAttempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                return new DiscordResult((int)response.StatusCode, code, body, Permanent: false);
            }
        }
    }

    private void Track(string bucket, HttpResponseMessage response)
    {
        if (Header(response, "X-RateLimit-Remaining") == "0" && double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var after))
        {
            _blockedUntil[bucket] = time.GetUtcNow() + TimeSpan.FromSeconds(after);
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response, string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("retry_after", out var r) && r.TryGetDouble(out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
            }
        }
        catch (JsonException)
        {
        }

        return response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
    }

    private static int? ErrorCode(string body)
    {
        if (body.Length == 0 || body[0] != '{')
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var code) ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? (a < TimeSpan.Zero ? TimeSpan.Zero : a) : b;

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Discord rate limit on {Bucket}: waiting {Seconds:F2} s")]
    private static partial void RateLimited(ILogger log, string bucket, double seconds);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Discord {Method} on {Bucket} failed on the network ({Reason}); retrying")]
    private static partial void NetworkRetry(ILogger log, string method, string bucket, string reason);
}

/// <summary>What Discord answered: status, JSON error code, body; Permanent when the token is dead.</summary>
public sealed record DiscordResult(int Status, int? Code, string Body, bool Permanent)
{
    public bool Ok => Status is >= 200 and < 300;
}
