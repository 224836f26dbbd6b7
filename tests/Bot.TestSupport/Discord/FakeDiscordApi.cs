using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.Discord;

/// <summary>
/// A loopback stand-in for Discord's REST API: records every request and can answer 429 first. GET /gateway/bot
/// answers with the scripted <see cref="GatewayBotStatus"/>, <see cref="GatewayBotUrl"/>, <see cref="Shards"/> and
/// session start limit.
/// </summary>
public sealed class FakeDiscordApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tooManyLeft;

    private FakeDiscordApi(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, string Body, string? Authorization)> Requests { get; } = new();

    public SemaphoreSlim Received { get; } = new(0);

    /// <summary>Each request's target as sent, before ASP.NET Core decodes the path (e.g. %F0%9F%94%8D).</summary>
    public ConcurrentQueue<string> RawTargets { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The status GET /gateway/bot answers with; anything but 200 comes with a Discord error body.</summary>
    public int GatewayBotStatus { get; set; } = StatusCodes.Status200OK;

    public string GatewayBotUrl { get; set; } = "wss://gateway.discord.gg";

    public int Shards { get; set; } = 1;

    public int SessionStartsRemaining { get; set; } = 1000;

    public int SessionStartResetAfterMs { get; set; } = 14_400_000;

    /// <summary>When each GET /gateway/bot arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamps).</summary>
    public ConcurrentQueue<long> GatewayBotCalls { get; } = new();

    /// <summary>The first recorded request matching <paramref name="match"/>, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<(string Method, string Path, string Body, string? Authorization)> WaitForAsync(
        Func<(string Method, string Path, string Body, string? Authorization), bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var request in Requests)
            {
                if (match(request))
                {
                    return request;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await Received.WaitAsync(left))
            {
                throw new TimeoutException($"no matching request reached the fake Discord API; got: {string.Join(", ", Requests.Select(r => r.Method + " " + r.Path))}");
            }
        }
    }

    /// <summary>The next <paramref name="count"/> requests get 429 with retry_after.</summary>
    public void TooManyRequests(int count) => _tooManyLeft = count;

    public static async Task<FakeDiscordApi> StartAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        var fake = new FakeDiscordApi(app);
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            fake.RawTargets.Enqueue(http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "");
            fake.Requests.Enqueue((http.Request.Method, http.Request.Path + http.Request.QueryString, body, http.Request.Headers.Authorization));
            fake.Received.Release();
            if (Interlocked.Decrement(ref fake._tooManyLeft) >= 0)
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers["Retry-After"] = "1";
                await http.Response.WriteAsJsonAsync(new { message = "You are being rate limited.", retry_after = 0.2, global = false });
                return;
            }

            http.Response.ContentType = "application/json";
            if (http.Request.Method == "GET" && http.Request.Path == "/api/v10/gateway/bot")
            {
                fake.GatewayBotCalls.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
                await fake.AnswerGatewayBotAsync(http.Response);
                return;
            }

            await http.Response.WriteAsync(http.Request.Method == "PUT" ? body : http.Request.Method == "GET" ? "[]" : """{"id":"1"}""");
        });
        fake.BaseUrl = await LoopbackApp.StartAsync(app) + "/api/v10";
        return fake;
    }

    private Task AnswerGatewayBotAsync(HttpResponse response)
    {
        response.StatusCode = GatewayBotStatus;
        return GatewayBotStatus == StatusCodes.Status200OK
            ? response.WriteAsJsonAsync(new
            {
                url = GatewayBotUrl,
                shards = Shards,
                session_start_limit = new { total = 1000, remaining = SessionStartsRemaining, reset_after = SessionStartResetAfterMs, max_concurrency = 1 },
            })
            : response.WriteAsJsonAsync(new { message = GatewayBotStatus == 401 ? "401: Unauthorized" : "Internal Server Error", code = 0 });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
