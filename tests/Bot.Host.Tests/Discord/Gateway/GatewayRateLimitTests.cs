using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using Bot.Adapters.Discord.Gateway;
using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

/// <summary>Discord's gateway limits: 120 sends per connection per 60 s, one IDENTIFY per 5 s.</summary>
public sealed class GatewayRateLimitTests
{
    private static readonly ReadOnlyMemory<byte> Noop = Encoding.UTF8.GetBytes("""{"op":99,"d":null}""");
    private static readonly ReadOnlyMemory<byte> Heartbeat = Encoding.UTF8.GetBytes("""{"op":1,"d":null}""");

    [Fact]
    public async Task Sends_StopAt110PerMinute_HeartbeatsStillGo_AndAFullQueueFailsTheSend()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var socket = new GatewaySocket();
        await using (socket)
        {
            await socket.ConnectAsync(new Uri(gateway.Url + "/?v=10&encoding=json"), TimeSpan.FromSeconds(10), CancellationToken.None);
            var connection = await gateway.NextConnectionAsync();
            for (var i = 0; i < GatewayLimits.SendsPerMinute; i++)
            {
                await socket.SendAsync(Noop, heartbeat: false, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }

            using var stop = new CancellationTokenSource();
            var waiting = Enumerable.Range(0, GatewayLimits.SendQueue).Select(_ => socket.SendAsync(Noop, heartbeat: false, stop.Token)).ToList();
            await socket.SendAsync(Heartbeat, heartbeat: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            (await Should.ThrowAsync<WebSocketException>(() => socket.SendAsync(Noop, heartbeat: false, CancellationToken.None)))
                .Message.ShouldContain("queue full");
            await Should.ThrowAsync<TimeoutException>(() => Task.WhenAny(waiting).WaitAsync(TimeSpan.FromSeconds(1)));

            await connection.NextAsync(1);
            await stop.CancelAsync();
            foreach (var send in waiting)
            {
                await Should.ThrowAsync<OperationCanceledException>(() => send);
            }

            connection.Received.Count(f => f.GetProperty("op").GetInt32() == 99).ShouldBe(GatewayLimits.SendsPerMinute);
        }
    }

    [Fact]
    public void Identifies_ASecondOneWithinTheWindow_IsRefused()
    {
        using var limiter = GatewayLimits.Identifies();
        using var first = limiter.AttemptAcquire();
        using var second = limiter.AttemptAcquire();

        first.IsAcquired.ShouldBeTrue();
        second.IsAcquired.ShouldBeFalse();
        GatewayLimits.IdentifyWindow.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task IdentifyAfterAFailedSession_WaitsFiveSecondsAfterTheFirst()
    {
        // No READY, then a dropped connection: the client would identify again after its 0.5–1 s backoff; the
        // IDENTIFY limit holds it to 5 s after the first.
        await using var host = await GatewayHost.StartAsync(configureGateway: g => g.AnswerIdentify = false);
        var first = await host.Gateway.NextConnectionAsync();
        await first.NextAsync(2);
        first.Drop();

        var second = await host.Gateway.NextConnectionAsync();
        await second.NextAsync(2);
        second.Received.ShouldNotContain(f => f.GetProperty("op").GetInt32() == 6);
        var gap = Stopwatch.GetElapsedTime(first.IdentifiedAt, second.IdentifiedAt);
        gap.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4));
        gap.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }
}
