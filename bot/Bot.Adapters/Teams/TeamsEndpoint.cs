using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Teams;

/// <summary>
/// <c>POST /api/messages</c>: authenticate the Bearer token (before the body is parsed) → parse → tie the token to
/// the activity (serviceurl claim, endorsements, serviceUrl allowlist) → de-duplicate on conversation + activity id →
/// acknowledge at once (202) and process in the background; <c>adaptiveCard/action</c> invokes are answered in the
/// response. Failures: 401 (no or bad token), 403 (token not for this activity), 413 (too large), 400 (malformed).
/// </summary>
public sealed partial class TeamsEndpoint(
    IOptions<TeamsOptions> options,
    TeamsAuthenticator authenticator,
    TeamsBot bot,
    TeamsEmulatorMode emulator,
    BackgroundQueue queue,
    TimeProvider time,
    ILogger<TeamsEndpoint> log)
{
    /// <summary>Teams retries a slow delivery after about 15 s (and again about 30 s later); an hour covers every retry.</summary>
    private readonly DeliveryLedger<bool> _deliveries = new(TimeSpan.FromHours(1), time);

    public async Task HandleAsync(HttpContext http)
    {
        var o = options.Value;
        var emulated = !o.Enabled && emulator.Admits(http);
        if (!o.Enabled && !emulated)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (http.Request.ContentLength > o.MaxBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        TeamsIdentity? identity = null;
        if (!emulated)
        {
            identity = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, http.RequestAborted).ConfigureAwait(false);
            if (identity is null)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }
        }

        var body = await RequestBody.ReadBoundedAsync(http.Request, o.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        TeamsActivity? activity;
        try
        {
            activity = TeamsActivity.Parse(body);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (identity is not null && !TeamsAuthenticator.Authorize(identity, activity.ServiceUrl, activity.ChannelId))
        {
            Forbidden(log, "the token's serviceurl or endorsements do not match the activity");
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (emulated ? !TeamsEmulatorMode.IsLoopbackUrl(activity.ServiceUrl) : !ServiceUrlPolicy.IsAllowed(activity.ServiceUrl, o.EffectiveServiceUrlHosts))
        {
            Forbidden(log, "the activity's serviceUrl host is not in Teams:AllowedServiceUrlHosts");
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (activity.Type == "invoke")
        {
            await InvokeAsync(http, activity).ConfigureAwait(false);
            return;
        }

        if (activity.Type is not ("message" or "conversationUpdate" or "installationUpdate"))
        {
            // Other activity types (typing, messageReaction, event ...) are acknowledged and ignored.
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (activity.Id is not null && !_deliveries.TryClaim(true, activity.DeliveryKey))
        {
            Duplicate(log, activity.Type);
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (!queue.TryEnqueue(ct => bot.HandleAsync(activity, ct)))
        {
            QueueFull(log);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        http.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task InvokeAsync(HttpContext http, TeamsActivity activity)
    {
        if (activity.Name != "adaptiveCard/action")
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var response = await bot.InvokeAsync(activity, http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(response, http.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 510, Level = LogLevel.Warning, Message = "Teams request refused (403): {Reason}")]
    private static partial void Forbidden(ILogger log, string reason);

    [LoggerMessage(EventId = 511, Level = LogLevel.Information, Message = "Teams {Type} activity delivered again; handled once")]
    private static partial void Duplicate(ILogger log, string type);

    [LoggerMessage(EventId = 512, Level = LogLevel.Error, Message = "Background queue full; a Teams activity was refused with 503 (Teams retries it)")]
    private static partial void QueueFull(ILogger log);
}
