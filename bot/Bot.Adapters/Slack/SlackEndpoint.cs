using System.Text;
using Bot.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bot.Adapters.Slack;

/// <summary>
/// <c>POST /slack/commands</c>, <c>/slack/interactivity</c> and <c>/slack/events</c>. Each request: size cap (413) →
/// v0 signature over the raw bytes (401, nothing parsed, nothing done) → parse (400) → de-duplicate → answer within
/// Slack's 3 s: knowledge in the response, live checks acknowledged at once and finished in the background.
/// </summary>
public sealed partial class SlackEndpoint(
    IOptions<SlackOptions> options,
    IEngineProvider engines,
    SlackWebClient slack,
    SlackEvents events,
    SlackUserLanguages languages,
    BackgroundQueue queue,
    TimeProvider time,
    ILogger<SlackEndpoint> log) : IDisposable
{
    /// <summary>Slack retries an event for about 5 minutes; response_urls live 30. An hour covers both.</summary>
    private static readonly TimeSpan DeliveryMemory = TimeSpan.FromHours(1);

    private readonly RenderedAnswers _rendered = new();

    /// <summary>Events and button presses claimed (by event id, by action), so each is handled once.</summary>
    private readonly DeliveryLedger<bool> _deliveries = new(DeliveryMemory, time);

    /// <summary>The answer given to each slash command's trigger_id, sent again if the same command arrives again.</summary>
    private readonly DeliveryLedger<string> _commandAnswers = new(DeliveryMemory, time);
    private SlackSignature? _signature;

    public void Dispose() => _rendered.Dispose();

    /// <summary>The raw body when it is within the cap and signed by Slack; otherwise the status is set and null returned.</summary>
    private async Task<byte[]?> ReadVerifiedAsync(HttpContext http)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        // Over the cap (declared or sent) → null, read no further.
        var body = await RequestBody.ReadBoundedAsync(http.Request, o.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        _signature ??= new SlackSignature(Encoding.UTF8.GetBytes(o.SigningSecret!.Trim()), o.TimestampWindow, time);
        if (!_signature.IsValid(http.Request.Headers["X-Slack-Request-Timestamp"], http.Request.Headers["X-Slack-Signature"], body))
        {
            BadSignature(log, http.Request.Path);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        return body;
    }

    /// <summary>A form body (application/x-www-form-urlencoded); '+' is a space, invalid escapes stay as typed.</summary>
    private static Dictionary<string, StringValues> Form(byte[] body) => QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));

    private static string? Field(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;

    private static async Task WriteJsonAsync(HttpContext http, string json)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await RenderedAnswers.WriteAsync(http.Response, json, http.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Warning, Message = "Slack request to {Path} refused (401): missing, old or wrong signature")]
    private static partial void BadSignature(ILogger log, string path);

    [LoggerMessage(EventId = 611, Level = LogLevel.Information, Message = "Slack {What} {Id} delivered again; handled once")]
    private static partial void Duplicate(ILogger log, string what, string id);

    [LoggerMessage(EventId = 612, Level = LogLevel.Error, Message = "Background queue full; a Slack {What} was answered with a busy message or refused")]
    private static partial void QueueFull(ILogger log, string what);

    [LoggerMessage(EventId = 613, Level = LogLevel.Warning, Message = "Slack request to {Path} signed but malformed (400): {Reason}")]
    private static partial void Malformed(ILogger log, string path, string reason);
}
