using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Bot.TestSupport.Teams;

// dotnet run -c Release --project bench/Bot.TeamsLoad -- [requests/s=200] [seconds=30] [warm-up seconds=5]
// Sends "/rcode 2" as channel @mentions at a fixed rate (open loop: a slow reply never delays the next send), one
// conversation per request so the per-conversation send limits stay out of the figure, with one token reused as the
// Bot Framework does; the latency of a request is from the start of its POST to its reply reaching the fake Connector.
var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var warmup = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;

var host = new TeamsHost();
host.Args.AddRange(["--Logging:LogLevel:Default", "Warning"]);
await host.InitializeAsync();
var token = host.Token(expires: DateTime.UtcNow.AddHours(1));

var started = new ConcurrentDictionary<string, long>();
var latencies = new ConcurrentBag<double>();
var measuring = false;
var failures = 0;
host.Fake.OnConnectorCall = (method, path, _) =>
{
    // POST /connector/v3/conversations/{id}/activities/{replyToId}
    var now = Stopwatch.GetTimestamp();
    var id = path[(path.LastIndexOf('/') + 1)..];
    if (method == "POST" && started.TryRemove(id, out var t0) && Volatile.Read(ref measuring))
    {
        latencies.Add(Stopwatch.GetElapsedTime(t0, now).TotalMilliseconds);
    }
};

async Task RunAsync(int total, bool record)
{
    Volatile.Write(ref measuring, record);
    var interval = Stopwatch.Frequency / (double)rate;
    var origin = Stopwatch.GetTimestamp();
    var sends = new List<Task>(total);
    for (var i = 0; i < total; i++)
    {
        var due = origin + (long)(i * interval);
        while (Stopwatch.GetTimestamp() < due)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(2))
            {
                await Task.Delay(wait - TimeSpan.FromMilliseconds(1));
            }
            else
            {
                Thread.SpinWait(50);
            }
        }

        var id = Guid.NewGuid().ToString("N");
        var activity = host.Message("<at>DNS Bot</at> /rcode 2", id: id, conversationId: $"19:load-{id}@thread.tacv2");
        started[id] = Stopwatch.GetTimestamp();
        sends.Add(Task.Run(async () =>
        {
            using var response = await host.SendAsync(activity, token);
            if ((int)response.StatusCode is not (200 or 202))
            {
                Interlocked.Increment(ref failures);
            }
        }));
    }

    await Task.WhenAll(sends);
    var deadline = DateTime.UtcNow.AddSeconds(10);
    while (!started.IsEmpty && DateTime.UtcNow < deadline)
    {
        await Task.Delay(50);
    }
}

await RunAsync(rate * warmup, record: false);
started.Clear();
await RunAsync(rate * seconds, record: true);

var sorted = latencies.Order().ToArray();
double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"teams /rcode 2 at {rate}/s for {seconds}s: sent {rate * seconds}, replies {sorted.Length}, missing {started.Count}, non-2xx {failures}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"POST → reply at connector: p50 {P(0.50):F2} ms  p90 {P(0.90):F2} ms  p99 {P(0.99):F2} ms  max {(sorted.Length == 0 ? double.NaN : sorted[^1]):F2} ms"));
await host.DisposeAsync();
return sorted.Length == rate * seconds ? 0 : 1;
