using System.Diagnostics;
using System.Text;
using Bot.Dns.Wire;

namespace Bot.Dns.Tests;

/// <summary>
/// Random mutations of valid responses must only ever fail with our parse error: no exception, no hang, no
/// unbounded allocation. CI runs a bounded number; set BOT_FUZZ_ITERATIONS=5000000 for a long run.
/// </summary>
public sealed class FuzzTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("BOT_FUZZ_ITERATIONS"), out var n) ? n : 200_000;

    private static IEnumerable<byte[]> Seeds()
    {
        yield return Messages.Response(1, 0x8180, "www.example.com.", 1, b => b.A("www.example.com.", "192.0.2.1").Opt(options: [(15, [0, 6, .. Encoding.UTF8.GetBytes("bogus")])]));
        yield return Messages.Response(2, 0x8183, "nope.example.com.", 28, b => b.Record("example.com.", 6, [1, (byte)'a', 0, 1, (byte)'b', 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5]).Opt());
        yield return Messages.Response(3, 0x8180, "example.com.", 48, b => b.Record("example.com.", 48, [1, 1, 3, 13, .. Enumerable.Range(0, 64).Select(i => (byte)i)]).Record("example.com.", 46, [0, 48, 13, 2, 0, 0, 14, 16, 0x77, 0x35, 0x94, 0, 0x77, 0, 0, 0, 0x12, 0x34, 7, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 3, (byte)'c', (byte)'o', (byte)'m', 0, 1, 2, 3, 4]).Opt(dnssecOk: true));
        foreach (var file in Directory.Exists(Fixtures) ? Directory.GetFiles(Fixtures, "*.bin") : [])
        {
            yield return File.ReadAllBytes(file);
        }
    }

    private static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures", "wire");

    [Fact]
    public void RandomMutations_NeverThrow_NeverHang_NeverAllocateWithoutBound()
    {
        var random = new Random(20261122);
        var seeds = Seeds().ToArray();
        var clock = Stopwatch.StartNew();
        var parsed = 0;
        long worstAllocation = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Length)], random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            if (DnsMessage.TryParse(input, out var message, out _))
            {
                parsed++;
                _ = message.Status;
                foreach (var r in message.Answers.Concat(message.Authorities).Concat(message.Additionals))
                {
                    _ = r.ToString(); // presentation must not throw either
                }
            }

            worstAllocation = Math.Max(worstAllocation, (GC.GetAllocatedBytesForCurrentThread() - before) / Math.Max(1, input.Length));
        }

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(5), "a parse may be hanging");
        parsed.ShouldBeGreaterThan(0);
        worstAllocation.ShouldBeLessThan(2048, "allocation per input byte must stay bounded");
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = seed.ToArray();
        switch (random.Next(7))
        {
            case 0: // flip a few bytes
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }

                return data;
            case 1: // truncate
                return data[..random.Next(data.Length)];
            case 2: // a compression pointer anywhere, to anywhere
                var at = random.Next(12, Math.Max(13, data.Length - 1));
                if (at + 1 < data.Length)
                {
                    data[at] = (byte)(0xC0 | random.Next(64));
                    data[at + 1] = (byte)random.Next(256);
                }

                return data;
            case 3: // inflate a count
                var which = 4 + (2 * random.Next(4));
                data[which] = (byte)random.Next(256);
                data[which + 1] = (byte)random.Next(256);
                return data;
            case 4: // damage a length field somewhere
                var p = random.Next(data.Length - 1);
                data[p] = 0xFF;
                data[p + 1] = 0xFF;
                return data;
            case 5: // duplicate a slice
                var s = random.Next(data.Length);
                var len = random.Next(data.Length - s);
                return [.. data, .. data.AsSpan(s, len)];
            default: // random garbage of a plausible size
                var garbage = new byte[random.Next(0, 600)];
                random.NextBytes(garbage);
                return garbage;
        }
    }
}
