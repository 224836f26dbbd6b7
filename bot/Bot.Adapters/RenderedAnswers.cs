using Bot.Engine;
using Microsoft.Extensions.Caching.Memory;

namespace Bot.Adapters;

/// <summary>
/// Rendered knowledge answers by request (command text, locale, view), so the signature use (`/rcode 2` again and
/// again) costs a lookup instead of a render. Only answers that are a pure function of the request and the
/// knowledge base belong here (never live checks). Bounded by entry count; an engine with another knowledge base
/// starts a fresh set.
/// </summary>
public sealed class RenderedAnswers : IDisposable
{
    private const int MaxEntries = 2048;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });

    public string? TryGet(BotEngine engine, string key) =>
        _cache.TryGetValue((engine, key), out string? value) ? value : null;

    public string Add(BotEngine engine, string key, string rendered)
    {
        _cache.Set((engine, key), rendered, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return rendered;
    }

    public void Dispose() => _cache.Dispose();
}
