using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Adapters;

/// <summary>
/// Work that must not hold up the HTTP response (live checks, follow-ups): adapters acknowledge first and queue the
/// rest here. Bounded; a full queue refuses new work instead of growing without limit.
/// </summary>
public sealed partial class BackgroundQueue(ILogger<BackgroundQueue> log) : BackgroundService
{
    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateBounded<Func<CancellationToken, Task>>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false });

    public bool TryEnqueue(Func<CancellationToken, Task> work) => _work.Writer.TryWrite(work);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, 8).Select(_ => WorkerAsync(stoppingToken)));

    private async Task WorkerAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await work(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // one failed job must not stop the worker; it is logged
            catch (Exception e)
#pragma warning restore CA1031
            {
                Failed(log, e);
            }
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "A background job failed")]
    private static partial void Failed(ILogger log, Exception exception);
}
