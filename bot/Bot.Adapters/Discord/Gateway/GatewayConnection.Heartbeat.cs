using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Discord.Gateway;

// https://discord.com/developers/docs/events/gateway#sending-heartbeats
internal sealed partial class GatewayConnection
{
    private async Task HeartbeatAsync(TimeSpan interval, CancellationTokenSource connection)
    {
        var cancellationToken = connection.Token;
        try
        {
            // Jitter: not every client that lost its connection at the same moment beats at the same moment.
            await Task.Delay(interval * Random.Shared.NextDouble(), time, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (Interlocked.Exchange(ref _acked, 0) == 0)
                {
                    Zombie(log, interval.TotalMilliseconds);
                    _zombie = GatewayOutcome.Resume;
                    await socket.CloseAsync(4000, "no heartbeat ack").ConfigureAwait(false);
                    await connection.CancelAsync().ConfigureAwait(false);
                    return;
                }

                await BeatAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The receive loop sees the broken socket too and ends the connection.
            HeartbeatFailed(log, e.Message);
        }
    }

    private Task BeatAsync(CancellationToken cancellationToken) =>
        socket.SendAsync(GatewayPayloads.Heartbeat(session.Sequence), heartbeat: true, cancellationToken);
}
