using System.Net.WebSockets;
using System.Text.Json;
using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task Heartbeats_FollowTheHelloInterval_AndCarryTheLastSequence()
    {
        await using var host = await GatewayHost.StartAsync(configureGateway: g => g.HeartbeatIntervalMs = 150);
        var connection = await host.ConnectedAsync();
        var seq = await connection.DispatchAsync("TYPING_START", """{"channel_id":"1","user_id":"42"}""");

        // Beats keep coming at the (short) interval; once the dispatch is seen they carry its sequence number.
        JsonElement beat;
        var beats = 0;
        do
        {
            beat = await connection.NextAsync(1, TimeSpan.FromSeconds(20));
            beats++;
        }
        while (beat.GetProperty("d").ValueKind != JsonValueKind.Number || beat.GetProperty("d").GetInt32() != seq);

        (await connection.NextAsync(1, TimeSpan.FromSeconds(20))).GetProperty("d").GetInt32().ShouldBe(seq);
        beats.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task HeartbeatRequest_Op1_IsAnsweredAtOnce()
    {
        // An interval of a minute: the beat that follows op 1 is the answer to it, not a scheduled one (almost surely).
        await using var host = await GatewayHost.StartAsync(configureGateway: g => g.HeartbeatIntervalMs = 600_000);
        var connection = await host.ConnectedAsync();
        await connection.SendAsync("""{"op":1,"d":null}""");

        // A scheduled beat before READY (d null) is not the answer; the answer carries READY's sequence number.
        JsonElement beat;
        do
        {
            beat = await connection.NextAsync(1, TimeSpan.FromSeconds(20));
        }
        while (beat.GetProperty("d").ValueKind != JsonValueKind.Number);

        beat.GetProperty("d").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task NoAck_BeforeTheNextBeat_ClosesTheZombieConnection_AndResumes()
    {
        await using var host = await GatewayHost.StartAsync(configureGateway: g => g.HeartbeatIntervalMs = 200);
        var first = await host.ConnectedAsync();
        host.Gateway.AckHeartbeats = false;

        await first.Ended.WaitAsync(TimeSpan.FromSeconds(20));
        first.ClientCloseStatus.ShouldNotBe(WebSocketCloseStatus.NormalClosure);
        first.ClientCloseStatus.ShouldNotBe(WebSocketCloseStatus.EndpointUnavailable);
        host.Gateway.AckHeartbeats = true;

        var second = await host.Gateway.NextConnectionAsync();
        var resume = (await second.NextAsync(6)).GetProperty("d");
        second.Path.ShouldStartWith("/resume");
        resume.GetProperty("session_id").GetString().ShouldBe(FakeGateway.SessionId);
        resume.GetProperty("token").GetString().ShouldBe("test-bot-token");
        await host.Logs.WaitForAsync(l => l.EventId == 434, what: "zombie connection");
    }
}
