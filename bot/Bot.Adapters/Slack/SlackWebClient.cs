using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Adapters.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Slack;

/// <summary>
/// Slack's Web API (chat.postMessage, chat.update, chat.postEphemeral, reactions.add, auth.test, users.info) with the bot token, and posts to a
/// <c>response_url</c> (no token; only to allowlisted hosts, so a forged or mistaken URL cannot make the bot post
/// elsewhere). JSON bodies with a charset; <c>ok:false</c> errors logged by code; a dead token
/// (invalid_auth, account_inactive, token_revoked) stops every further call; 429 waits Retry-After, a few times.
/// A send that failed on the network or with a 5xx is not repeated: it may have been posted.
/// </summary>
public sealed partial class SlackWebClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWebClient> log)
{
    private const int MaxAttempts = 3;
    private const string JsonContentType = "application/json";
    private const string FormContentType = "application/x-www-form-urlencoded";
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly string[] DeadTokenErrors = ["invalid_auth", "account_inactive", "token_revoked", "not_authed"];
    private readonly SlackResponseUrlBudget _budget = new(time);
    private volatile string? _deadToken;

    private SlackOptions Options => options.Value;

    /// <summary>Posts a message (the message's <c>channel</c> and <c>thread_ts</c> say where).</summary>
    public Task<SlackApiResult> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return CallAsync("chat.postMessage", JsonSerializer.Serialize(message, SlackWireJson.Context.SlackMessage), cancellationToken);
    }

    /// <summary>Replaces the text and blocks of a message the bot posted (<c>chat.update</c>, by channel and ts).</summary>
    public Task<SlackApiResult> UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var update = message with { Channel = channel, Ts = ts, ThreadTs = null, ResponseType = null, ReplaceOriginal = null, User = null };
        return CallAsync("chat.update", JsonSerializer.Serialize(update, SlackWireJson.Context.SlackMessage), cancellationToken);
    }

    /// <summary>Posts a message only <paramref name="user"/> sees, in <paramref name="channel"/> (<c>chat.postEphemeral</c>).</summary>
    public Task<SlackApiResult> PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var ephemeral = message with { Channel = channel, User = user, ResponseType = null, ReplaceOriginal = null };
        return CallAsync("chat.postEphemeral", JsonSerializer.Serialize(ephemeral, SlackWireJson.Context.SlackMessage), cancellationToken);
    }

    /// <summary>
    /// The user's Slack language as Slack names it ("ja-JP", "de-DE", "en-US"), from <c>users.info</c> with
    /// <c>include_locale</c>; null when Slack did not say (no users:read scope, unknown user, a failure).
    /// users.info is a read method: its arguments go form-encoded, not as JSON.
    /// </summary>
    public async Task<string?> UserLocaleAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var form = "user=" + Uri.EscapeDataString(userId) + "&include_locale=true";
        var result = await CallAsync("users.info", form, FormContentType, cancellationToken).ConfigureAwait(false);
        return result.Ok && result.Body is { } body && body.TryGetProperty("user", out var user) && Json.Str(user, "locale") is { Length: > 0 and <= 35 } locale
            ? locale
            : null;
    }

    public Task<SlackApiResult> AddReactionAsync(string channel, string timestamp, string name, CancellationToken cancellationToken) =>
        CallAsync("reactions.add", new JsonObject { ["channel"] = channel, ["timestamp"] = timestamp, ["name"] = name }.ToJsonString(), cancellationToken);

    /// <summary>The bot's own user id, or null when Slack did not say.</summary>
    public async Task<string?> AuthTestAsync(CancellationToken cancellationToken)
    {
        var result = await CallAsync("auth.test", "{}", cancellationToken).ConfigureAwait(false);
        return result.Ok && result.Body is { } body && body.TryGetProperty("user_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    /// <summary>True when <paramref name="url"/> may receive a response_url post (https on an allowlisted host).</summary>
    public bool IsAllowedResponseUrl(string? url) => url is not null && ServiceUrlPolicy.IsAllowed(url, Options.EffectiveResponseUrlHosts);

    /// <summary>Posts to a response_url (up to five times in 30 minutes per Slack); false when refused or failed.</summary>
    public async Task<bool> RespondAsync(string responseUrl, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsAllowedResponseUrl(responseUrl))
        {
            ResponseUrlRefused(log, Uri.TryCreate(responseUrl, UriKind.Absolute, out var u) ? u.Host : "(not a URL)");
            return false;
        }

        var json = JsonSerializer.Serialize(message, SlackWireJson.Context.SlackMessage);
        var (status, body) = await SendAsync(new Uri(responseUrl), json, JsonContentType, token: null, "response_url", cancellationToken).ConfigureAwait(false);
        if (status is >= 200 and < 300)
        {
            return true;
        }

        ResponseUrlFailed(log, status, Short(body));
        return false;
    }

    /// <summary>
    /// An answer that goes back through a response_url while Slack takes posts to it (five in 30 minutes); after that
    /// as <c>chat.postEphemeral</c> to the user when the answer was for them only, else <c>chat.postMessage</c> in
    /// the channel. False when it could not be delivered.
    /// </summary>
    public async Task<bool> ReplyAsync(SlackReplyTarget target, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (_budget.TryUse(target.ResponseUrl))
        {
            return await RespondAsync(target.ResponseUrl, message, cancellationToken).ConfigureAwait(false);
        }

        var plain = message with { ResponseType = null, ReplaceOriginal = null };
        if (target.ChannelId is null || (target.Ephemeral && target.UserId is null))
        {
            ResponseUrlUsedUp(log, "nothing (no channel or user to post to)");
            return false;
        }

        ResponseUrlUsedUp(log, target.Ephemeral ? "chat.postEphemeral" : "chat.postMessage");
        var result = target.Ephemeral
            ? await PostEphemeralAsync(target.ChannelId, target.UserId!, plain, cancellationToken).ConfigureAwait(false)
            : await PostMessageAsync(plain with { Channel = target.ChannelId }, cancellationToken).ConfigureAwait(false);
        return result.Ok;
    }

    private Task<SlackApiResult> CallAsync(string method, string json, CancellationToken cancellationToken) => CallAsync(method, json, JsonContentType, cancellationToken);

    private async Task<SlackApiResult> CallAsync(string method, string content, string contentType, CancellationToken cancellationToken)
    {
        if (_deadToken is { } dead)
        {
            return new SlackApiResult(false, dead, null);
        }

        var url = new Uri(new Uri(Options.ApiBaseUrl.EndsWith('/') ? Options.ApiBaseUrl : Options.ApiBaseUrl + "/"), method);
        var (status, text) = await SendAsync(url, content, contentType, Options.BotToken, method, cancellationToken).ConfigureAwait(false);
        JsonElement? body = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
        }

        var ok = body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
        if (ok)
        {
            return new SlackApiResult(true, null, body);
        }

        var error = body is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("error", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()!
            : $"http_{status}";
        if (DeadTokenErrors.Contains(error))
        {
            _deadToken = error;
            TokenDead(log, method, error);
        }
        else
        {
            CallFailed(log, method, status, error);
        }

        return new SlackApiResult(false, error, body);
    }

    /// <summary>POSTs the body (JSON, or a form for read methods); on 429 waits Retry-After (capped) and tries again, at most <see cref="MaxAttempts"/> times.</summary>
    private async Task<(int Status, string Body)> SendAsync(Uri url, string body, string contentType, string? token, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                NetworkFailed(log, what, e.Message);
                return (0, "");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                NetworkFailed(log, what, "timeout");
                return (0, "");
            }

            using (response)
            {
                var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
                {
                    var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
                    RateLimited(log, what, wait.TotalSeconds);
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                return ((int)response.StatusCode, answer);
            }
        }
    }

    private static string Short(string body) => body.Length <= 100 ? body : body[..100];
}

/// <summary>Where an answer goes: the response_url, and the channel and user (and visibility) to use when it is used up.</summary>
public sealed record SlackReplyTarget(string ResponseUrl, string? ChannelId, string? UserId, bool Ephemeral);

/// <summary>What a Web API method answered: ok, Slack's error code (or http_NNN), the body.</summary>
public sealed record SlackApiResult(bool Ok, string? Error, JsonElement? Body);
