using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Bot.Dns.Transport;
using Bot.Engine.Diagnosis;

namespace Bot.Lab.Tests;

/// <summary>Starts the lab of real DNS servers once for all lab tests and stops exactly what it started.</summary>
public sealed class LabFixture : IAsyncLifetime
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "botlab-" + Guid.NewGuid().ToString("N")[..8]);

    public JsonElement Json { get; private set; }

    public static string Repo { get; } = FindRepo();

    public IPEndPoint Validating => Endpoint(Json.GetProperty("resolvers").GetProperty("validating").GetString()!);

    public IPEndPoint Plain => Endpoint(Json.GetProperty("resolvers").GetProperty("plain").GetString()!);

    public string Root => Json.GetProperty("root")[0].GetString()!;

    public static IPEndPoint Endpoint(string ip) => new(IPAddress.Parse(ip), 53);

    public IPEndPoint Server(string zone, int index = 0) => Endpoint(Json.GetProperty("zones").GetProperty(zone).GetProperty("servers")[index].GetString()!);

    public string Name(string key) => Json.GetProperty("names").GetProperty(key).GetString()!.Split(' ')[0];

    /// <summary>A client allowed to query the lab (127.0.0.0/8), with timeouts that fit the lab's slow first answers.</summary>
    public static DnsClient Client(TimeSpan? timeout = null) =>
        new(new TargetPolicy([IPNetwork.Parse("127.0.0.0/8")]), new DnsClientOptions { AttemptTimeout = timeout ?? TimeSpan.FromSeconds(3), Attempts = 2 });

    public DnsCheckOptions CheckOptions() => new()
    {
        Resolvers = [Validating.Address.ToString(), Plain.Address.ToString()],
        RootHints = [Root],
        AllowTargets = ["127.0.0.0/8"],
        AllowedResolvers = ["127.53.3.1"],
        Deadline = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(3),
    };

    public async Task InitializeAsync()
    {
        var (exit, output) = await RunAsync("start");
        if (exit != 0)
        {
            throw new InvalidOperationException($"The DNS lab did not start (exit {exit}); the lab needs root. Output:\n{output}");
        }

        Json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Dir, "lab.json"))).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        await RunAsync("stop");
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task<(int, string)> RunAsync(string verb)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repo, "tests", "lab", "lab.sh"));
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(Dir);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bot.sln not found");
    }
}

[CollectionDefinition("lab")]
public sealed class LabCollection : ICollectionFixture<LabFixture>;
