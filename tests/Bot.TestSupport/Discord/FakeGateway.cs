using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.Discord;

/// <summary>
/// A loopback stand-in for Discord's gateway on Kestrel WebSockets. Every connection gets HELLO with
/// <see cref="HeartbeatIntervalMs"/>; heartbeats are acknowledged while <see cref="AckHeartbeats"/> is on; IDENTIFY
/// is answered with READY (session <see cref="SessionId"/>, resume URL <c>/resume</c>) and RESUME with RESUMED.
/// Tests take each connection from <see cref="NextConnectionAsync"/> and script the rest.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    public const string SessionId = "fake-session-1";
    public const string BotUserId = "900000000000000001";
    private readonly WebApplication _app;
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private int _sequence;

    private FakeGateway(WebApplication app) => _app = app;

    /// <summary>ws://127.0.0.1:port, what Discord:GatewayUrl is set to.</summary>
    public string Url { get; private set; } = "";

    public int HeartbeatIntervalMs { get; set; } = 30_000;

    public bool AckHeartbeats { get; set; } = true;

    /// <summary>Answer IDENTIFY with READY (off: the session never starts, so the client identifies again).</summary>
    public bool AnswerIdentify { get; set; } = true;

    /// <summary>Every connection ever accepted, in order.</summary>
    public ConcurrentQueue<FakeGatewayConnection> All { get; } = new();

    public int Sequence => Volatile.Read(ref _sequence);

    internal int NextSequence() => Interlocked.Increment(ref _sequence);

    public static async Task<FakeGateway> StartAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var fake = new FakeGateway(app);
        app.UseWebSockets();
        app.Run(async http =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var ws = await http.WebSockets.AcceptWebSocketAsync();
            var connection = new FakeGatewayConnection(fake, ws, http.Request.Path.Value ?? "/", http.Request.QueryString.Value ?? "", http.Abort);
            fake.All.Enqueue(connection);
            fake._connections.Writer.TryWrite(connection);
            await connection.SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{fake.HeartbeatIntervalMs}}},"s":null,"t":null}""");
            await connection.ReceiveLoopAsync(http.RequestAborted);
        });
        fake.Url = (await LoopbackApp.StartAsync(app)).Replace("http://", "ws://", StringComparison.Ordinal);
        return fake;
    }

    /// <summary>The next connection the client opens.</summary>
    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            return await _connections.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("the client opened no new gateway connection");
        }
    }

    /// <summary>True when the client opens another connection within <paramref name="wait"/>.</summary>
    public async Task<bool> ReconnectsWithinAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await _connections.Reader.WaitToReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal string ReadyPayload(int sequence) => new JsonObject
    {
        ["op"] = 0,
        ["s"] = sequence,
        ["t"] = "READY",
        ["d"] = new JsonObject
        {
            ["v"] = 10,
            ["session_id"] = SessionId,
            ["resume_gateway_url"] = Url + "/resume",
            ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "dns-triage-bot", ["bot"] = true },
            ["guilds"] = new JsonArray(),
        },
    }.ToJsonString();

    /// <summary>A MESSAGE_CREATE payload (the <c>d</c>): in guild <c>1</c> unless <paramref name="dm"/>.</summary>
    public static string Message(string id, string channelId, string content, string authorId = "42", bool bot = false, bool dm = false,
        IEnumerable<string>? mentions = null, string? webhookId = null, int type = 0)
    {
        var d = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["type"] = type,
            ["content"] = content,
            ["author"] = new JsonObject { ["id"] = authorId, ["username"] = "someone", ["bot"] = bot },
            ["mentions"] = new JsonArray([.. (mentions ?? []).Select(m => (JsonNode)new JsonObject { ["id"] = m, ["username"] = "x" })]),
            ["timestamp"] = "2026-12-05T10:00:00.000000+00:00",
        };
        if (!dm)
        {
            d["guild_id"] = "1";
        }

        if (webhookId is not null)
        {
            d["webhook_id"] = webhookId;
        }

        return d.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in All)
        {
            connection.Drop();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static JsonElement? Parse(byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
