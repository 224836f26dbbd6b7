using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bot.Adapters.Slack;

/// <summary>
/// The Events API: the <c>url_verification</c> challenge is echoed; an <c>event_callback</c> is de-duplicated on
/// <c>event_id</c> (Slack retries with X-Slack-Retry-Num when an ack is late; a retry of a delivery we have is
/// acknowledged and nothing is redone, a retry of one we never got is handled), acknowledged at once and handled by
/// <see cref="SlackEvents"/> in the background.
/// </summary>
public sealed partial class SlackEndpoint
{
    public async Task HandleEventsAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var body = await ReadVerifiedAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        SlackEvent? delivery;
        try
        {
            delivery = SlackEvent.Parse(body);
        }
        catch (JsonException)
        {
            delivery = null;
        }

        if (delivery is null || (delivery.Type == "url_verification" && delivery.Challenge is null))
        {
            Malformed(log, http.Request.Path, "not an Events API JSON object");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (delivery.Type == "url_verification")
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(delivery.Challenge!, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        if (delivery.Type != "event_callback" || delivery.EventId is null || !SlackEvents.IsCandidate(delivery))
        {
            return;
        }

        var key = "slack:event:" + delivery.EventId;
        if (!_deliveries.TryClaim(true, key))
        {
            Duplicate(log, "event", delivery.EventId);
            return;
        }

        if (!queue.TryEnqueue(ct => events.HandleAsync(delivery, ct)))
        {
            // Forget the delivery so Slack's retry is handled.
            _deliveries.Forget(key);
            QueueFull(log, "event");
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}
