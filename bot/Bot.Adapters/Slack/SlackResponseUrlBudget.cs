namespace Bot.Adapters.Slack;

/// <summary>
/// Slack takes at most <see cref="PostsPerUrl"/> posts to one response_url within <see cref="Lifetime"/> (platforms.md
/// §3.2). Counts the posts per URL so the sixth can go another way instead of failing. Bounded: at most
/// <see cref="MaxUrls"/> URLs are tracked; when that many are live, a new URL is not tracked (its posts are allowed —
/// at worst Slack refuses one, as it would without the budget).
/// </summary>
public sealed class SlackResponseUrlBudget(TimeProvider time, int maxUrls = SlackResponseUrlBudget.MaxUrls)
{
    public const int PostsPerUrl = 5;
    public const int MaxUrls = 20_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly Dictionary<string, Use> _uses = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Counts one post to <paramref name="responseUrl"/>; false when Slack would refuse it (the URL is used up).</summary>
    public bool TryUse(string responseUrl)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (now >= _nextSweep)
            {
                Sweep(now);
            }

            if (_uses.TryGetValue(responseUrl, out var use) && now - use.First < Lifetime)
            {
                if (use.Count >= PostsPerUrl)
                {
                    return false;
                }

                _uses[responseUrl] = use with { Count = use.Count + 1 };
                return true;
            }

            if (_uses.Count < maxUrls || _uses.Remove(responseUrl))
            {
                _uses[responseUrl] = new Use(now, 1);
            }

            return true;
        }
    }

    /// <summary>Drops URLs older than the lifetime (Slack no longer takes posts to them anyway); removing while enumerating is allowed.</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (url, use) in _uses)
        {
            if (now - use.First >= Lifetime)
            {
                _uses.Remove(url);
            }
        }

        // Full of live URLs: look again soon, but not on every post.
        _nextSweep = now + (_uses.Count >= maxUrls ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1));
    }

    private readonly record struct Use(DateTimeOffset First, int Count);
}
