using System.Diagnostics;
using System.Net;
using Bot.Dns.Transport;
using Bot.Dns.Wire;

// Usage: Bot.DnsLoad <server-ip> <name> <type> <in-flight> <seconds>
//        Bot.DnsLoad multi <server-ip> <name> <type> <slowest-delay-ms> <rounds>   (see MultiResolver.cs)
// Sends queries with our client's multiplexed UDP channel, <in-flight> at a time, for <seconds>; prints queries/s and
// bytes allocated per query. Every response is matched by ID and question before it counts.
if (args is ["multi", var upstream, var multiName, var multiType, var delayMs, var rounds] && IPAddress.TryParse(upstream, out var upstreamIp) && IPAddress.IsLoopback(upstreamIp)
    && DnsTypeNames.TryParseType(multiType, out var parsedType))
{
    return await MultiResolver.RunAsync(new IPEndPoint(upstreamIp, 53), multiName, parsedType,
        int.Parse(delayMs, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Length != 5 || !IPAddress.TryParse(args[0], out var ip) || !IPAddress.IsLoopback(ip) && !args[0].StartsWith("127.", StringComparison.Ordinal))
{
    Console.Error.WriteLine("usage: Bot.DnsLoad <loopback server ip> <name> <type> <in-flight> <seconds>");
    return 2;
}

var server = new IPEndPoint(ip, 53);
DnsTypeNames.TryParseType(args[2], out var type);
var inFlight = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
var seconds = double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
var policy = new TargetPolicy([IPNetwork.Parse("127.0.0.0/8")]);
var query = new DnsQuery(args[1], type);

// One channel: its receiving thread also runs the answered workers' next sends, so one thread does the client's whole
// job and the server keeps the other core (two channels measured 0.84–1.07 × dnsperf, one 1.20–1.24 ×).
// DNSLOAD_CHANNELS=n spreads the workers over n channels. Each worker owns its response buffer.
var channelCount = int.TryParse(Environment.GetEnvironmentVariable("DNSLOAD_CHANNELS"), out var c) ? c : 1;
var channels = Enumerable.Range(0, Math.Min(channelCount, inFlight)).Select(_ => new DnsUdpChannel(server, policy)).ToArray();

// Warm up (JIT, caches), then measure.
await Run(TimeSpan.FromSeconds(1));
var before = GC.GetTotalAllocatedBytes(precise: true);
var clock = Stopwatch.StartNew();
var (ok, failed) = await Run(TimeSpan.FromSeconds(seconds));
var elapsed = clock.Elapsed.TotalSeconds;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
Console.WriteLine($"in-flight {inFlight}: {ok / elapsed:F0} queries/s, {failed} failed, {allocated / Math.Max(1, ok + failed)} bytes allocated per query");
return 0;

async Task<(long Ok, long Failed)> Run(TimeSpan duration)
{
    long ok = 0, failed = 0;
    var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var workers = Enumerable.Range(0, inFlight).Select(async worker =>
    {
        var channel = channels[worker % channels.Length];
        var response = new byte[65535];
        while (Stopwatch.GetTimestamp() < end)
        {
            var length = await channel.ExchangeAsync(query, response, TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            if (length > 0)
            {
                Interlocked.Increment(ref ok);
            }
            else
            {
                Interlocked.Increment(ref failed);
            }
        }
    });
    await Task.WhenAll(workers).ConfigureAwait(false);
    return (ok, failed);
}
