using System.Net;
using System.Net.Sockets;

namespace Bot.TestSupport;

/// <summary>A loopback DNS responder that answers every query REFUSED (resolvers and root hints alike), so live checks end quickly and predictably.</summary>
public sealed class RefusingDnsServer : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();

    public RefusingDnsServer()
    {
        Port = ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Configuration that points live checks at this responder.</summary>
    public string[] HostArgs =>
    [
        "--Dns:Enabled", "true", "--Dns:Resolvers:0", $"127.0.0.1:{Port}", "--Dns:RootHints:0", $"127.0.0.1:{Port}",
        "--Dns:AllowTargets:0", "127.0.0.0/8", "--Dns:Deadline", "00:00:02", "--Dns:PerUserPerMinute", "100",
    ];

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var query = await _socket.ReceiveAsync(_stop.Token);
                if (query.Buffer.Length < 12)
                {
                    continue;
                }

                var reply = query.Buffer.ToArray();
                reply[2] = (byte)(0x80 | (reply[2] & 0x79)); // QR, keep opcode and RD
                reply[3] = 0x05;                              // REFUSED
                await _socket.SendAsync(reply, query.RemoteEndPoint);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
    }
}
