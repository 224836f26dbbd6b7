using System.Threading.RateLimiting;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>
/// Discord's gateway limits as the client applies them: 120 sends per connection per 60 s (a share kept for
/// heartbeats), and with <c>max_concurrency</c> 1 (all but very large bots) one IDENTIFY per 5 s.
/// </summary>
internal static class GatewayLimits
{
    /// <summary>Sends other than heartbeats per 60 s; the other 10 of Discord's 120 are left for heartbeats, which never wait.</summary>
    public const int SendsPerMinute = 110;

    /// <summary>Sends that may wait for a permit; one more fails the send (the connection is then reconnected).</summary>
    public const int SendQueue = 8;

    /// <summary>5 s between IDENTIFYs, a little more for the window's half-second segments.</summary>
    public static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5.5);

    public static SlidingWindowRateLimiter Sends() => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = SendsPerMinute,
        Window = TimeSpan.FromSeconds(60),
        SegmentsPerWindow = 6,
        QueueLimit = SendQueue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public static SlidingWindowRateLimiter Identifies() => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = 1,
        Window = IdentifyWindow,
        SegmentsPerWindow = 11,
        QueueLimit = 1,
        AutoReplenishment = true,
    });
}
