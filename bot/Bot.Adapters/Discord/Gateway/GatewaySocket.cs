using System.Buffers;
using System.Net.WebSockets;
using System.Threading.RateLimiting;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>What one receive produced.</summary>
internal enum GatewayReceiveKind
{
    Text,
    Binary,
    Closed,
    TooLarge,
}

/// <summary>
/// One WebSocket to the gateway: whole messages (which may span frames) into a buffer capped at
/// <see cref="MaxMessageBytes"/>, and sends one at a time within Discord's 120 per 60 s per connection.
/// </summary>
internal sealed class GatewaySocket : IAsyncDisposable
{
    public const int MaxMessageBytes = 4 * 1024 * 1024;
    private const int ChunkBytes = 16 * 1024;

    private readonly ClientWebSocket _ws = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _message = new(ChunkBytes);
    private readonly SlidingWindowRateLimiter _sends = GatewayLimits.Sends();

    public WebSocketCloseStatus? CloseStatus => _ws.CloseStatus;

    public string? CloseDescription => _ws.CloseStatusDescription;

    public ReadOnlyMemory<byte> Message => _message.WrittenMemory;

    public async Task ConnectAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _ws.Options.SetRequestHeader("User-Agent", DiscordRestClient.UserAgent);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await _ws.ConnectAsync(uri, deadline.Token).ConfigureAwait(false);
    }

    /// <summary>Reads one whole message into <see cref="Message"/>; stops reading at the cap.</summary>
    public async ValueTask<GatewayReceiveKind> ReceiveAsync(CancellationToken cancellationToken)
    {
        _message.ResetWrittenCount();
        while (true)
        {
            var result = await _ws.ReceiveAsync(_message.GetMemory(ChunkBytes)[..ChunkBytes], cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return GatewayReceiveKind.Closed;
            }

            _message.Advance(result.Count);
            if (_message.WrittenCount > MaxMessageBytes)
            {
                return GatewayReceiveKind.TooLarge;
            }

            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Text ? GatewayReceiveKind.Text : GatewayReceiveKind.Binary;
            }
        }
    }

    /// <summary>Sends one payload. Heartbeats skip the rate limiter (their share is reserved).</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> payload, bool heartbeat, CancellationToken cancellationToken)
    {
        RateLimitLease? lease = null;
        try
        {
            if (!heartbeat)
            {
                lease = await _sends.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (!lease.IsAcquired)
                {
                    throw new WebSocketException("gateway send queue full");
                }
            }

            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _ws.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        finally
        {
            lease?.Dispose();
        }
    }

    /// <summary>
    /// Closes with <paramref name="code"/> within a short time, else aborts. Any code but 1000/1001 keeps the session
    /// resumable; 1000 ends it (the bot goes offline at once).
    /// </summary>
    public async Task CloseAsync(int code, string reason)
    {
        if (_ws.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            _ws.Abort();
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await _ws.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _ws.Abort();
        }
    }

    public void Abort() => _ws.Abort();

    public async ValueTask DisposeAsync()
    {
        _ws.Dispose();
        await _sends.DisposeAsync().ConfigureAwait(false);
        _sendLock.Dispose();
    }
}
