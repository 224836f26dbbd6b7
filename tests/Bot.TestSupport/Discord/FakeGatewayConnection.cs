using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Bot.TestSupport.Discord;

/// <summary>One client connection to the <see cref="FakeGateway"/>: what the client sent, and what the test sends.</summary>
public sealed class FakeGatewayConnection
{
    private readonly FakeGateway _gateway;
    private readonly WebSocket _ws;
    private readonly Action _abort;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeGatewayConnection(FakeGateway gateway, WebSocket ws, string path, string query, Action abort)
    {
        _gateway = gateway;
        _ws = ws;
        Path = path;
        Query = query;
        _abort = abort;
    }

    public string Path { get; }

    /// <summary>When the connection was accepted (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public long OpenedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>When the first IDENTIFY arrived (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), 0 before.</summary>
    public long IdentifiedAt { get; private set; }

    public string Query { get; }

    /// <summary>Every payload the client sent on this connection, heartbeats included.</summary>
    public ConcurrentQueue<JsonElement> Received { get; } = new();

    /// <summary>The close code the client sent, if it closed the connection itself.</summary>
    public WebSocketCloseStatus? ClientCloseStatus { get; private set; }

    /// <summary>Completes when the connection is over, whoever ended it.</summary>
    public Task Ended => _ended.Task;

    /// <summary>The next payload with <paramref name="op"/> the client sends (earlier ones of other ops are skipped).</summary>
    public async Task<JsonElement> NextAsync(int op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var frame = await _frames.Reader.ReadAsync(cts.Token);
                if (frame.GetProperty("op").GetInt32() == op)
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the client sent no op {op}");
        }
    }

    public async Task SendAsync(string json) => await SendBytesAsync(Encoding.UTF8.GetBytes(json), frameSize: int.MaxValue);

    /// <summary>Sends one message split into frames of <paramref name="frameSize"/> bytes (a message spanning frames).</summary>
    public async Task SendBytesAsync(byte[] message, int frameSize)
    {
        await _sendLock.WaitAsync();
        try
        {
            for (var offset = 0; offset < message.Length || offset == 0; offset += frameSize)
            {
                var count = Math.Min(frameSize, message.Length - offset);
                var last = offset + count >= message.Length;
                await _ws.SendAsync(message.AsMemory(offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
                if (last)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client has gone; what the test checks next tells.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A dispatch (op 0) with the next sequence number, or <paramref name="sequence"/> (a replay).</summary>
    public async Task<int> DispatchAsync(string type, string data, int? sequence = null)
    {
        var s = sequence ?? _gateway.NextSequence();
        await SendAsync($$"""{"op":0,"s":{{s}},"t":"{{type}}","d":{{data}}}""");
        return s;
    }

    public Task ReconnectAsync() => SendAsync("""{"op":7,"d":null}""");

    public Task InvalidSessionAsync(bool resumable) => SendAsync($$"""{"op":9,"d":{{(resumable ? "true" : "false")}}}""");

    public async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _ws.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Drop()
    {
        if (Ended.IsCompleted)
        {
            return;
        }

        try
        {
            _abort();
        }
        catch (ObjectDisposedException)
        {
            // Ended meanwhile.
        }
    }

    internal async Task ReceiveLoopAsync(CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _ws.ReceiveAsync(buffer, aborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        ClientCloseStatus = result.CloseStatus;
                        await CloseAsync((int)(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "bye");
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (FakeGateway.Parse(message.ToArray()) is not { } frame)
                {
                    continue;
                }

                if (IdentifiedAt == 0 && frame.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.Number && op.GetInt32() == 2)
                {
                    IdentifiedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                }

                Received.Enqueue(frame);
                _frames.Writer.TryWrite(frame);
                await AnswerAsync(frame);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _ended.TrySetResult();
        }
    }

    private Task AnswerAsync(JsonElement frame) => frame.GetProperty("op").GetInt32() switch
    {
        1 when _gateway.AckHeartbeats => SendAsync("""{"op":11}"""),
        2 when _gateway.AnswerIdentify => SendAsync(_gateway.ReadyPayload(_gateway.NextSequence())),
        6 => SendAsync($$$"""{"op":0,"s":{{{_gateway.NextSequence()}}},"t":"RESUMED","d":{}}"""),
        _ => Task.CompletedTask,
    };
}
