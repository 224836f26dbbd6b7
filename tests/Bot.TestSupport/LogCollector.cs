using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.TestSupport;

/// <summary>One log line the host wrote.</summary>
public sealed record LogLine(string Category, int EventId, LogLevel Level, string Message);

/// <summary>Collects the host's log lines so a test can wait for one (an event, not a sleep).</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly SemaphoreSlim _written = new(0);

    public ConcurrentQueue<LogLine> Lines { get; } = new();

    /// <summary>The first line matching <paramref name="match"/>, waiting up to <paramref name="timeout"/> for it.</summary>
    public async Task<LogLine> WaitForAsync(Func<LogLine, bool> match, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _written.WaitAsync(left))
            {
                throw new TimeoutException($"no log line {what ?? "matching"} was written; lines: {string.Join(" | ", Lines.Select(l => $"{l.EventId} {l.Message}"))}");
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Lines.Enqueue(new LogLine(category, eventId.Id, logLevel, formatter(state, exception)));
            owner._written.Release();
        }
    }
}
