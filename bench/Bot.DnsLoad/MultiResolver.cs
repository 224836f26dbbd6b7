using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

/// <summary>
/// "A multi-resolver check costs about the slowest single query" (issue 3: ≤ 1.1 × the slowest + 5 ms). Two loopback
/// proxies in front of a lab resolver add fixed delays; each round times one query through the slowest proxy alone,
/// then the resolver comparison as the diagnosis runs it (the same query to the resolver and both proxies at once,
/// with the engine's <see cref="DnsClient"/>), and prints the medians and the worst round.
/// </summary>
internal static class MultiResolver
{
    public static async Task<int> RunAsync(IPEndPoint upstream, string name, ushort type, int slowMs, int rounds)
    {
        using var fast = new DelayingProxy(upstream, TimeSpan.FromMilliseconds(slowMs / 2.0));
        using var slow = new DelayingProxy(upstream, TimeSpan.FromMilliseconds(slowMs));
        var client = new DnsClient(new TargetPolicy([IPNetwork.Parse("127.0.0.0/8")]));
        var query = new DnsQuery(name, type);
        var single = new List<double>();
        var multi = new List<double>();
        for (var round = 0; round < rounds + 3; round++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var alone = await client.QueryAsync(query, slow.Endpoint).ConfigureAwait(false);
            var t1 = Stopwatch.GetTimestamp();
            var all = await Task.WhenAll(
                client.QueryAsync(query, upstream), client.QueryAsync(query, fast.Endpoint), client.QueryAsync(query, slow.Endpoint)).ConfigureAwait(false);
            var t2 = Stopwatch.GetTimestamp();
            if (alone.Outcome != DnsOutcome.Response || all.Any(e => e.Outcome != DnsOutcome.Response))
            {
                Console.Error.WriteLine("a query failed; the lab resolver must answer " + name);
                return 1;
            }

            if (round >= 3) // the first rounds warm up the JIT and the resolver's cache
            {
                single.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                multi.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
            }
        }

        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        var worstRatio = single.Zip(multi, (s, m) => m - (1.1 * s + 5)).Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"multi-resolver ({rounds} rounds, delays 0/{slowMs / 2}/{slowMs} ms): slowest alone median {Median(single):F1} ms, three at once median {Median(multi):F1} ms, "
            + $"worst round {(worstRatio <= 0 ? "within" : "over")} 1.1 × slowest + 5 ms by {Math.Abs(worstRatio):F1} ms"));
        return 0;
    }

    /// <summary>A UDP forwarder on 127.0.0.1 that holds every query for a fixed time before passing it on.</summary>
    private sealed class DelayingProxy : IDisposable
    {
        private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        private readonly CancellationTokenSource _stop = new();

        public DelayingProxy(IPEndPoint upstream, TimeSpan delay)
        {
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Endpoint = (IPEndPoint)_socket.LocalEndPoint!;
            _ = Task.Run(() => LoopAsync(upstream, delay));
        }

        public IPEndPoint Endpoint { get; }

        private async Task LoopAsync(IPEndPoint upstream, TimeSpan delay)
        {
            var buffer = new byte[4096];
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var datagram = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
                var client = received.RemoteEndPoint;
                _ = Task.Run(async () =>
                {
                    await Task.Delay(delay).ConfigureAwait(false);
                    using var forward = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    forward.Connect(upstream);
                    await forward.SendAsync(datagram).ConfigureAwait(false);
                    var answer = new byte[4096];
                    var n = await forward.ReceiveAsync(answer).ConfigureAwait(false);
                    await _socket.SendToAsync(answer.AsMemory(0, n), SocketFlags.None, client).ConfigureAwait(false);
                });
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}
