using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>
/// One gateway connection from HELLO to its end: heartbeats (the first after interval × random, then every
/// interval; no ACK before the next beat means a zombie connection, closed and resumed), IDENTIFY or RESUME,
/// sequence tracking, dispatches handed to the message handler, and what the end means for the next connection.
/// </summary>
internal sealed partial class GatewayConnection(
    GatewaySocket socket,
    GatewaySession session,
    string token,
    GatewayIntents intents,
    Action<JsonElement> onMessage,
    TimeProvider time,
    ILogger log)
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(50);
    private int _acked = 1;
    private GatewayOutcome? _zombie;
    private Task _heartbeats = Task.CompletedTask;

    /// <summary>READY or RESUMED arrived: the connection worked (the caller resets its backoff).</summary>
    public bool Established { get; private set; }

    public async Task<GatewayOutcome> RunAsync(CancellationToken stopping)
    {
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var hello = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        hello.CancelAfter(HelloTimeout);
        var helloSeen = false;
        try
        {
            while (true)
            {
                var kind = await socket.ReceiveAsync(helloSeen ? connection.Token : hello.Token).ConfigureAwait(false);
                switch (kind)
                {
                    case GatewayReceiveKind.Closed:
                        var closed = Closed();
                        await socket.CloseAsync(4000, "closed by the server").ConfigureAwait(false);
                        return closed;
                    case GatewayReceiveKind.TooLarge:
                        TooLarge(log, GatewaySocket.MaxMessageBytes);
                        await socket.CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "message too large").ConfigureAwait(false);
                        return GatewayOutcome.Resume;
                    case GatewayReceiveKind.Binary:
                        Malformed(log, "a binary message (compression is not requested)");
                        continue;
                }

                if (!GatewayFrame.TryParse(socket.Message, out var frame))
                {
                    Malformed(log, $"{socket.Message.Length} bytes that are not a gateway payload");
                    continue;
                }

                if (frame!.Op == GatewayOpcode.Hello && !helloSeen)
                {
                    helloSeen = true;
                    await OnHelloAsync(frame, connection).ConfigureAwait(false);
                    continue;
                }

                if (await OnFrameAsync(frame, connection.Token).ConfigureAwait(false) is { } outcome)
                {
                    // Not 1000/1001: those would end the session we are about to resume.
                    await socket.CloseAsync(4000, "reconnecting").ConfigureAwait(false);
                    return outcome;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await socket.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "stopping").ConfigureAwait(false);
            return GatewayOutcome.Stopped;
        }
        catch (OperationCanceledException) when (_zombie is { } zombie)
        {
            return zombie;
        }
        catch (OperationCanceledException)
        {
            NoHello(log, HelloTimeout.TotalSeconds);
            socket.Abort();
            return GatewayOutcome.Resume;
        }
        catch (WebSocketException e)
        {
            Dropped(log, e.Message);
            return _zombie ?? GatewayOutcome.Resume;
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            await _heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task OnHelloAsync(GatewayFrame frame, CancellationTokenSource connection)
    {
        var interval = frame.Data.ValueKind == JsonValueKind.Object && frame.Data.TryGetProperty("heartbeat_interval", out var i) && i.ValueKind == JsonValueKind.Number && i.TryGetDouble(out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(41.25);
        if (interval < MinInterval)
        {
            interval = MinInterval;
        }

        _heartbeats = HeartbeatAsync(interval, connection);
        if (session.CanResume)
        {
            await socket.SendAsync(GatewayPayloads.Resume(token, session.SessionId!, session.Sequence), heartbeat: false, connection.Token).ConfigureAwait(false);
            SentResume(log, session.Sequence);
        }
        else
        {
            await socket.SendAsync(GatewayPayloads.Identify(token, intents), heartbeat: false, connection.Token).ConfigureAwait(false);
            SentIdentify(log, (int)intents);
        }
    }

    /// <summary>Handles one payload; an outcome means this connection is done.</summary>
    private async Task<GatewayOutcome?> OnFrameAsync(GatewayFrame frame, CancellationToken cancellationToken)
    {
        switch (frame.Op)
        {
            case GatewayOpcode.Dispatch:
                session.Track(frame.Sequence);
                OnDispatch(frame);
                return null;
            case GatewayOpcode.Heartbeat:
                await BeatAsync(cancellationToken).ConfigureAwait(false);
                return null;
            case GatewayOpcode.HeartbeatAck:
                Volatile.Write(ref _acked, 1);
                return null;
            case GatewayOpcode.Reconnect:
                ReconnectAsked(log);
                return GatewayOutcome.Resume;
            case GatewayOpcode.InvalidSession:
                var resumable = frame.Data.ValueKind == JsonValueKind.True;
                InvalidSession(log, resumable);
                if (!resumable)
                {
                    session.Clear();
                }

                return resumable ? GatewayOutcome.Resume : GatewayOutcome.Identify;
            default:
                return null;
        }
    }

    private void OnDispatch(GatewayFrame frame)
    {
        switch (frame.Type)
        {
            case "READY":
                var user = frame.Data.ValueKind == JsonValueKind.Object && frame.Data.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object
                    && u.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                if (frame.String("session_id") is not { Length: > 0 } sessionId || user is null)
                {
                    Malformed(log, "READY without session_id or user.id");
                    return;
                }

                session.Ready(sessionId, frame.String("resume_gateway_url"), user);
                Established = true;
                Ready(log, user);
                return;
            case "RESUMED":
                Established = true;
                Resumed(log, session.Sequence);
                return;
            case "MESSAGE_CREATE" when frame.Data.ValueKind == JsonValueKind.Object:
                try
                {
                    onMessage(frame.Data);
                }
#pragma warning disable CA1031 // one message the handler cannot take must not end the connection; logged
                catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    HandlerFailed(log, e);
                }

                return;
        }
    }

    private GatewayOutcome Closed()
    {
        var code = (int?)socket.CloseStatus ?? 0;
        if (_zombie is { } zombie)
        {
            return zombie;
        }

        if (GatewayCloseCodes.Fatal(code) is { } why)
        {
            FatalClose(log, why);
            return GatewayOutcome.Fatal;
        }

        ClosedByServer(log, code, socket.CloseDescription ?? "");
        if (GatewayCloseCodes.EndsSession(code))
        {
            session.Clear();
            return GatewayOutcome.Identify;
        }

        return GatewayOutcome.Resume;
    }
}
