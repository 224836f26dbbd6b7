using Bot.Engine.Contracts;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Slack;

/// <summary>
/// A Slack user's language from <c>users.info</c> (<c>include_locale=true</c>), since Slack sends no locale with
/// commands, events or interactions. Asked once per user and remembered for an hour (at most <see cref="MaxUsers"/>
/// users); a failure (no users:read scope, an error, no answer) means Slack:DefaultLocale and is remembered for a few
/// minutes, so a missing scope does not cost a call per message. A caller waits only as long as it can afford; a
/// lookup that takes longer goes on in the background and serves the user's next request.
/// </summary>
public sealed partial class SlackUserLanguages(SlackWebClient slack, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackUserLanguages> log) : IDisposable
{
    public const int MaxUsers = 10_000;
    private static readonly TimeSpan KnownFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan UnknownFor = TimeSpan.FromMinutes(5);

    /// <summary>A lookup nobody waits for any more still ends: well inside the client's own 15 s.</summary>
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(10);

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = MaxUsers });
    private readonly Dictionary<string, Task<Locale?>> _pending = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private Locale Default => options.Value.EffectiveDefaultLocale;

    /// <summary>Slack's locale ("ja-JP", "de-AT", "en-US", "fr-FR") as one of ours: Japanese, German, else English; null when Slack gave none.</summary>
    public static Locale? FromSlackLocale(string? slackLocale) => string.IsNullOrWhiteSpace(slackLocale)
        ? null
        : Locales.Parse(slackLocale) is Locale.Ja or Locale.De ? Locales.Parse(slackLocale) : Locale.En;

    /// <summary>The user's language when it is already known (or known to be unknown: then the default), without a call.</summary>
    public bool TryGetKnown(string? userId, out Locale locale)
    {
        locale = Default;
        if (userId is null || !_known.TryGetValue(userId, out Locale? known))
        {
            return false;
        }

        locale = known ?? Default;
        return true;
    }

    /// <summary>
    /// The user's language: remembered, else asked from users.info, waiting at most <paramref name="wait"/>;
    /// Slack:DefaultLocale when Slack does not say in time.
    /// </summary>
    public async ValueTask<Locale> GetAsync(string? userId, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (userId is not { Length: > 0 and <= 32 })
        {
            return Default;
        }

        if (TryGetKnown(userId, out var known))
        {
            return known;
        }

        Task<Locale?> lookup;
        lock (_lock)
        {
            if (!_pending.TryGetValue(userId, out lookup!))
            {
                // Off the caller's context; removed from _pending under the lock only after this insert.
                lookup = Task.Run(() => LookupAsync(userId), CancellationToken.None);
                _pending[userId] = lookup;
            }
        }

        try
        {
            return await lookup.WaitAsync(wait, time, cancellationToken).ConfigureAwait(false) ?? Default;
        }
        catch (TimeoutException)
        {
            Slow(log, wait.TotalMilliseconds);
            return Default;
        }
    }

    public void Dispose() => _known.Dispose();

    private async Task<Locale?> LookupAsync(string userId)
    {
        Locale? locale = null;
        try
        {
            using var timeout = new CancellationTokenSource(LookupTimeout, time);
            locale = FromSlackLocale(await slack.UserLocaleAsync(userId, timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
        }
        catch (HttpRequestException)
        {
        }
        finally
        {
            if (locale is null)
            {
                NotKnown(log);
            }

            _known.Set(userId, locale, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = locale is null ? UnknownFor : KnownFor });
            lock (_lock)
            {
                _pending.Remove(userId);
            }
        }

        return locale;
    }

    [LoggerMessage(EventId = 640, Level = LogLevel.Information, Message = "users.info gave no locale for a Slack user (users:read scope missing, or an error); Slack:DefaultLocale is used for them for 5 minutes")]
    private static partial void NotKnown(ILogger log);

    [LoggerMessage(EventId = 641, Level = LogLevel.Information, Message = "users.info did not answer within {Milliseconds} ms; answered in Slack:DefaultLocale, the lookup goes on for the user's next request")]
    private static partial void Slow(ILogger log, double milliseconds);
}
