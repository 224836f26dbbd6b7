using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.Slack;

/// <summary>One request that reached the fake: the Web API method (or "response_url"), its path, JSON body and Authorization.</summary>
public sealed record SlackCall(string Method, string Path, JsonElement Body, string? Authorization, string? ContentType)
{
    public string? Str(string property) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>
/// A loopback stand-in for Slack: the Web API under <c>/api/</c> (chat.postMessage, chat.update, chat.postEphemeral,
/// reactions.add, auth.test, users.info) and response_urls under <c>/hooks/</c>. Records every call (form bodies as
/// JSON objects of their fields); can answer 429 with Retry-After or <c>ok:false</c> errors, for every call or for
/// the calls a test picks; users.info answers each user's scripted locale (en-US unless told), late or failing.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string BotUserId = "UBOT0001";

    private readonly WebApplication _app;
    private readonly List<SlackCall> _calls = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(Func<SlackCall, bool> Match, string Error)> _failures = [];
    private readonly Dictionary<string, UserScript> _users = new(StringComparer.Ordinal);
    private int _tooManyLeft;
    private Func<SlackCall, bool>? _tooManyMatch;
    private int _ts;
    private string? _error;

    private FakeSlackApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Slack:ApiBaseUrl for the host.</summary>
    public string ApiBaseUrl => BaseUrl + "/api/";

    /// <summary>A response_url on this fake (host 127.0.0.1, which the tests allow).</summary>
    public string ResponseUrl(string id) => $"{BaseUrl}/hooks/{id}";

    public IReadOnlyList<SlackCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The next <paramref name="count"/> calls (matching <paramref name="match"/>, if given) get 429 with Retry-After: 1.</summary>
    public void TooManyRequests(int count, Func<SlackCall, bool>? match = null)
    {
        _tooManyMatch = match;
        Interlocked.Exchange(ref _tooManyLeft, count);
    }

    /// <summary>Every Web API call answers <c>{"ok":false,"error":error}</c> from now on (null: ok again).</summary>
    public void FailWith(string? error) => _error = error;

    /// <summary>Calls matching <paramref name="match"/> answer <c>{"ok":false,"error":error}</c>.</summary>
    public void FailWhen(Func<SlackCall, bool> match, string error)
    {
        lock (_lock)
        {
            _failures.Add((match, error));
        }
    }

    /// <summary>users.info for <paramref name="userId"/> says <paramref name="locale"/>; fails with <paramref name="error"/>; or answers after <paramref name="delay"/>.</summary>
    public void ScriptUser(string userId, string? locale = null, string? error = null, TimeSpan? delay = null)
    {
        lock (_lock)
        {
            _users[userId] = new UserScript(locale, error, delay ?? TimeSpan.Zero);
        }
    }

    /// <summary>Waits until a call matching <paramref name="match"/> has arrived (default 20 s).</summary>
    public async Task<SlackCall> WaitForAsync(Func<SlackCall, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_calls.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("No matching call reached the fake Slack API. Calls: " + string.Join(", ", Calls.Select(c => c.Path)));
            }

            try
            {
                await changed.WaitAsync(left);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>True when no call matching <paramref name="match"/> arrives within <paramref name="window"/>.</summary>
    public async Task<bool> NoneWithinAsync(Func<SlackCall, bool> match, TimeSpan window)
    {
        try
        {
            await WaitForAsync(match, window);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    public int Count(Func<SlackCall, bool> match)
    {
        lock (_lock)
        {
            return _calls.Count(match);
        }
    }

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.Run(fake.HandleAsync);
        fake.BaseUrl = await LoopbackApp.StartAsync(app);
        return fake;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync();
        JsonElement body;
        if (http.Request.HasFormContentType)
        {
            var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text).ToDictionary(f => f.Key, f => f.Value.ToString());
            body = JsonSerializer.SerializeToElement(form);
        }
        else
        {
            try
            {
                body = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                body = JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone();
            }
        }

        var path = http.Request.Path.Value ?? "";
        var method = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : "response_url";
        var call = new SlackCall(method, path, body, http.Request.Headers.Authorization, http.Request.ContentType);
        lock (_lock)
        {
            _calls.Add(call);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
        }

        if ((_tooManyMatch is null || _tooManyMatch(call)) && Interlocked.Decrement(ref _tooManyLeft) >= 0)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers["Retry-After"] = "1";
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
            return;
        }

        if (method == "response_url")
        {
            await http.Response.WriteAsync("ok");
            return;
        }

        string? scripted;
        UserScript? user = null;
        lock (_lock)
        {
            scripted = _failures.FirstOrDefault(f => f.Match(call)).Error;
            if (method == "users.info" && call.Str("user") is { } id)
            {
                user = _users.GetValueOrDefault(id);
            }
        }

        if (user is { Delay: var delay } && delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, http.RequestAborted);
        }

        if ((_error ?? scripted ?? user?.Error) is { } error)
        {
            await http.Response.WriteAsJsonAsync(new { ok = false, error });
            return;
        }

        var ts = $"1700000099.{Interlocked.Increment(ref _ts):D6}";
        await (method switch
        {
            "auth.test" => http.Response.WriteAsJsonAsync(new { ok = true, user_id = BotUserId, bot_id = "BBOT0001", team_id = "T0001" }),
            "chat.postMessage" => http.Response.WriteAsJsonAsync(new { ok = true, channel = call.Str("channel"), ts }),
            "chat.update" => http.Response.WriteAsJsonAsync(new { ok = true, channel = call.Str("channel"), ts = call.Str("ts") }),
            "chat.postEphemeral" => http.Response.WriteAsJsonAsync(new { ok = true, message_ts = ts }),
            "users.info" => http.Response.WriteAsJsonAsync(new { ok = true, user = new { id = call.Str("user"), locale = user is null ? "en-US" : user.Locale } }),
            _ => http.Response.WriteAsJsonAsync(new { ok = true }),
        });
    }

    private sealed record UserScript(string? Locale, string? Error, TimeSpan Delay);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
