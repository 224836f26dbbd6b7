using System.Runtime.CompilerServices;
using System.Text;
using Bot.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;

namespace Bot.Adapters;

/// <summary>
/// Rendered knowledge answers by request (command text, locale, view), so the signature use (`/rcode 2` again and
/// again) costs a lookup instead of a render. Only answers that are a pure function of the request and the
/// knowledge base belong here (never live checks). Bounded by entry count; an engine with another knowledge base
/// starts a fresh set. Each answer's UTF-8 bytes are kept with it (by the string's identity), so sending a cached answer
/// again is a copy, not a transcoding of several kilobytes (<see cref="WriteAsync"/>).
/// </summary>
public sealed class RenderedAnswers : IDisposable
{
    private const int MaxEntries = 2048;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries, CompactionPercentage = 0.25 });

    public string? TryGet(BotEngine engine, string key) =>
        _cache.TryGetValue((engine, key), out string? value) ? value : null;

    /// <summary>The UTF-8 form of every answer handed out by <see cref="Add"/>, for as long as that string lives.</summary>
    private static readonly ConditionalWeakTable<string, byte[]> Utf8 = [];

    public string Add(BotEngine engine, string key, string rendered)
    {
        Utf8.AddOrUpdate(rendered, Encoding.UTF8.GetBytes(rendered));
        _cache.Set((engine, key), rendered, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return rendered;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8: the kept bytes when it is a cached answer, else transcoded as usual.</summary>
    public static Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        if (!Utf8.TryGetValue(text, out var bytes))
        {
            return response.WriteAsync(text, cancellationToken);
        }

        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, cancellationToken).AsTask();
    }

    public void Dispose() => _cache.Dispose();
}
