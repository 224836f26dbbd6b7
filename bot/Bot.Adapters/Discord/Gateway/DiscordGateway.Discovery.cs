using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Discord.Gateway;

public sealed partial class DiscordGateway
{
    /// <summary>The last URL GET /gateway/bot named (Discord: cache it); resumes fall back to it.</summary>
    private string? _discoveredUrl;

    /// <summary>Where the next connection goes when there is no resume URL: an explicit Discord:GatewayUrl, else what Discord named.</summary>
    private string GatewayUrl(DiscordOptions o) => o.GatewayUrlIsExplicit ? o.GatewayUrl : _discoveredUrl ?? o.GatewayUrl;

    /// <summary>
    /// Before a fresh IDENTIFY: GET /gateway/bot for the URL, the recommended shard count and the session start limit;
    /// waits for the limit to reset when no starts are left. Returns the URL to connect to, or null when the gateway
    /// must stop (the token was rejected, or the host is stopping). Any other failure falls back to the known URL.
    /// </summary>
    private async Task<string?> PrepareIdentifyAsync(DiscordOptions o, CancellationToken stoppingToken)
    {
        DiscordResult result;
        try
        {
            result = await rest.GetGatewayBotAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            DiscoveryFailed(_log, e.Message, GatewayUrl(o));
            return GatewayUrl(o);
        }

        if (result.Status == 401)
        {
            TokenRejected(_log);
            return null;
        }

        if (!result.Ok || !GatewayBotInfo.TryParse(result.Body, out var info))
        {
            DiscoveryFailed(_log, result.Ok ? "an answer that is not a gateway object" : $"HTTP {result.Status}", GatewayUrl(o));
            return GatewayUrl(o);
        }

        _discoveredUrl = info!.Url ?? _discoveredUrl;
        Discovered(_log, info.Url ?? "(none)", info.Shards, info.Limit?.Remaining ?? -1, info.Limit?.Total ?? -1);
        if (info.Shards > 1)
        {
            ShardsRecommended(_log, info.Shards);
        }

        if (info.Limit is { Remaining: 0 } limit)
        {
            // 1000 IDENTIFYs per 24 h; one more would reset the token. Wait until the count resets.
            NoSessionStartsLeft(_log, limit.Total, limit.ResetAfter.TotalSeconds);
            await DelayAsync(limit.ResetAfter, stoppingToken).ConfigureAwait(false);
            if (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
        }

        return GatewayUrl(o);
    }

    [LoggerMessage(EventId = 422, Level = LogLevel.Information, Message = "Discord gateway: GET /gateway/bot named {Url}, {Shards} shard(s) recommended, {Remaining} of {Total} session starts left")]
    private static partial void Discovered(ILogger log, string url, int shards, int remaining, int total);

    [LoggerMessage(EventId = 423, Level = LogLevel.Critical, Message = "Discord gateway stopped, not connecting: GET /gateway/bot answered 401, the bot token was rejected — Discord:BotToken is wrong or was reset; copy the token again from the Developer Portal (Bot)")]
    private static partial void TokenRejected(ILogger log);

    [LoggerMessage(EventId = 424, Level = LogLevel.Warning, Message = "Discord gateway: GET /gateway/bot failed ({Reason}); connecting to {Url}")]
    private static partial void DiscoveryFailed(ILogger log, string reason, string url);

    [LoggerMessage(EventId = 425, Level = LogLevel.Warning, Message = "Discord gateway: no session starts left (0 of {Total} per 24 h); waiting {Seconds:F1} s for the limit to reset before identifying")]
    private static partial void NoSessionStartsLeft(ILogger log, int total, double seconds);

    [LoggerMessage(EventId = 426, Level = LogLevel.Warning, Message = "Discord gateway: Discord recommends {Shards} shards for this bot, but it runs a single shard (sharding is not implemented); close code 4011 follows once sharding is required")]
    private static partial void ShardsRecommended(ILogger log, int shards);
}
