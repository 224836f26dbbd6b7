using System.Threading.RateLimiting;

namespace Bot.Adapters;

/// <summary>
/// At most so many answers per channel a minute (a sliding window in six segments, nothing queued): how the channel
/// adapters keep a busy on-call channel from being flooded by answers nobody asked for.
/// </summary>
public sealed class ChannelAnswerLimit(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(channel =>
        RateLimitPartition.GetSlidingWindowLimiter(channel, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>True when one more answer in <paramref name="channel"/> fits this minute (and counts it).</summary>
    public bool TryAcquire(string channel)
    {
        using var lease = _limiter.AttemptAcquire(channel);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
