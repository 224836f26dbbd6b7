using System.Net;
using System.Net.Sockets;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

namespace Bot.Dns.Tests;

/// <summary>The multiplexed channel against a loopback server that answers out of order, spoofs and stays silent.</summary>
public sealed class UdpChannelTests
{
    private static readonly TargetPolicy Loopback = new([IPNetwork.Parse("127.0.0.0/8")]);

    [Fact]
    public async Task ManyQueriesInFlight_EachGetsItsOwnAnswer_SpoofsAreDropped()
    {
        using var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)server.Client.LocalEndPoint!;
        using var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var request = await server.ReceiveAsync(stop.Token);
                var q = DnsMessage.Parse(request.Buffer);
                var id = (ushort)((request.Buffer[0] << 8) | request.Buffer[1]);
                await server.SendAsync(Messages.Response((ushort)(id ^ 0x5555), 0x8180, q.Questions[0].Name, 1, b => b.A(q.Questions[0].Name, "192.0.2.66")), request.RemoteEndPoint);
                await server.SendAsync(Messages.Response(id, 0x8180, "spoof.example.", 1), request.RemoteEndPoint);
                await server.SendAsync(Messages.Response(id, 0x8180, q.Questions[0].Name.ToUpperInvariant(), 1, b => b.A(q.Questions[0].Name, "192.0.2.1")), request.RemoteEndPoint);
            }
        });

        using var channel = new DnsUdpChannel(endpoint, Loopback);
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var buffer = new byte[1024];
            var length = await channel.ExchangeAsync(new DnsQuery($"host{i}.example.", 1), buffer, TimeSpan.FromSeconds(5));
            return (i, DnsMessage.Parse(buffer.AsSpan(0, length)));
        }));
        stop.Cancel();

        foreach (var (i, m) in results)
        {
            DnsName.Equal(m.Questions[0].Name, $"host{i}.example.").ShouldBeTrue();
            m.Answers.Single().Data.ToPresentation().ShouldBe("192.0.2.1");
        }

        channel.Dropped.ShouldBeGreaterThanOrEqualTo(50);
    }

    [Fact]
    public async Task Dispose_EndsTheReceivingThread_EvenWhileItWaitsForADatagram()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var channel = new DnsUdpChannel((IPEndPoint)silent.Client.LocalEndPoint!, Loopback);
        (await channel.ExchangeAsync(new DnsQuery("example.", 1), new byte[512], TimeSpan.FromMilliseconds(50))).ShouldBe(0);
        channel.IsReceiving.ShouldBeTrue();
        channel.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (channel.IsReceiving && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        channel.IsReceiving.ShouldBeFalse();
    }

    [Fact]
    public async Task SilentServer_TimesOutWithZero()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var channel = new DnsUdpChannel((IPEndPoint)silent.Client.LocalEndPoint!, Loopback);
        (await channel.ExchangeAsync(new DnsQuery("example.", 1), new byte[512], TimeSpan.FromMilliseconds(100))).ShouldBe(0);
    }

    [Fact]
    public async Task CallerCancellation_EndsTheExchangeWithZero_LongBeforeItsTimeout()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var channel = new DnsUdpChannel((IPEndPoint)silent.Client.LocalEndPoint!, Loopback);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var exchange = channel.ExchangeAsync(new DnsQuery("example.", 1), new byte[512], TimeSpan.FromMinutes(5), cancel.Token).AsTask();
        (await exchange.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(0);
    }

    [Fact]
    public async Task AnAnswerThatComesAfterTheTimeout_NeverEndsTheNextQuery()
    {
        // The server holds the first query's answer until the second query is in flight, then sends both answers:
        // the late one (its ID no longer pending) is dropped, the second query gets its own.
        using var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            var first = await server.ReceiveAsync(stop.Token);
            var second = await server.ReceiveAsync(stop.Token);
            foreach (var request in new[] { first, second })
            {
                var q = DnsMessage.Parse(request.Buffer);
                var id = (ushort)((request.Buffer[0] << 8) | request.Buffer[1]);
                var address = request == first ? "192.0.2.1" : "192.0.2.2";
                await server.SendAsync(Messages.Response(id, 0x8180, q.Questions[0].Name, 1, b => b.A(q.Questions[0].Name, address)), request.RemoteEndPoint);
            }
        });

        using var channel = new DnsUdpChannel((IPEndPoint)server.Client.LocalEndPoint!, Loopback);
        var query = new DnsQuery("late.example.", 1);
        (await channel.ExchangeAsync(query, new byte[512], TimeSpan.FromMilliseconds(100))).ShouldBe(0);
        var buffer = new byte[512];
        var length = await channel.ExchangeAsync(query, buffer, TimeSpan.FromSeconds(10));
        stop.Cancel();
        DnsMessage.Parse(buffer.AsSpan(0, length)).Answers.Single().Data.ToPresentation().ShouldBe("192.0.2.2");
        channel.Dropped.ShouldBe(1);
    }

    [Fact]
    public void BlockedTarget_IsRefusedAtConstruction() =>
        Should.Throw<ArgumentException>(() => new DnsUdpChannel(new IPEndPoint(IPAddress.Loopback, 53), new TargetPolicy([])));
}
