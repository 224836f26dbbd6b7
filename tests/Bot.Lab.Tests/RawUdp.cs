using System.Net;
using System.Net.Sockets;

namespace Bot.Lab.Tests;

/// <summary>Sends hand-built messages and returns the raw reply, for probes our client would never send.</summary>
internal static class RawUdp
{
    public static async Task<byte[]?> ExchangeAsync(byte[] message, IPEndPoint server, TimeSpan? timeout = null)
    {
        using var udp = new UdpClient(server.AddressFamily);
        udp.Connect(server);
        await udp.SendAsync(message);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(3));
        try
        {
            var result = await udp.ReceiveAsync(cts.Token);
            return result.Buffer;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}

/// <summary>A loopback UDP server that answers with whatever the test decides (replays, spoofs, silence).</summary>
internal sealed class FakeUdpServer : IDisposable
{
    private readonly UdpClient _udp;
    private readonly CancellationTokenSource _stop = new();

    public FakeUdpServer(IPEndPoint bind, Func<byte[], IEnumerable<byte[]>> respond)
    {
        _udp = new UdpClient(bind);
        Endpoint = (IPEndPoint)_udp.Client.LocalEndPoint!;
        _ = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                UdpReceiveResult request;
                try
                {
                    request = await _udp.ReceiveAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                Received++;
                foreach (var reply in respond(request.Buffer))
                {
                    await _udp.SendAsync(reply, request.RemoteEndPoint);
                }
            }
        });
    }

    public IPEndPoint Endpoint { get; }

    public int Received { get; private set; }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        _stop.Dispose();
    }
}
