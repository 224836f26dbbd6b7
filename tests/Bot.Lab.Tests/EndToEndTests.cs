using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Lab.Tests;

/// <summary>Live checks through the ask CLI (a real process) and the web chat API (real Kestrel), against the lab.</summary>
[Collection("lab")]
public sealed class EndToEndTests(LabFixture lab)
{
    private Dictionary<string, string> LabConfig() => new()
    {
        ["Dns__Resolvers__0"] = lab.Validating.Address.ToString(),
        ["Dns__Resolvers__1"] = lab.Plain.Address.ToString(),
        ["Dns__RootHints__0"] = lab.Root,
        ["Dns__AllowTargets__0"] = "127.0.0.0/8",
        ["Dns__Deadline"] = "00:00:10",
        ["Dns__AttemptTimeout"] = "00:00:03",
    };

    [Fact]
    public async Task AskCli_DiagnosesALameDelegation_AsJson()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bot.Host.dll"));
        foreach (var a in new[] { "ask", "--json", "/dig www.lame.test" })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in LabConfig())
        {
            start.Environment[k] = v;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("intent").GetString().ShouldBe("dig");
        root.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldContain("dns:rcode:2");
        var diagnosis = root.GetProperty("diagnosis");
        diagnosis.GetProperty("cause").GetString().ShouldBe("lame-delegation");
        diagnosis.GetProperty("evidence").EnumerateArray().ShouldContain(e => e.GetProperty("result").GetString()!.StartsWith("REFUSED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WebChat_DiagnosesExpiredSignatures()
    {
        var args = new List<string> { "--urls", "http://127.0.0.1:0" };
        foreach (var (k, v) in LabConfig())
        {
            args.Add("--" + k.Replace("__", ":", StringComparison.Ordinal));
            args.Add(v);
        }

        await using var app = Bot.Host.BotHost.Build([.. args]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        var response = await http.PostAsJsonAsync(new Uri("/api/chat", UriKind.Relative), new { text = "why does www.expired.test fail?" });
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        root.GetProperty("intent").GetString().ShouldBe("dig");
        root.GetProperty("diagnosis").GetProperty("cause").GetString().ShouldBe("dnssec-signature-expired");
        root.GetProperty("html").GetString()!.ShouldContain("data-key=\"resolvers\"");
        await app.StopAsync();
    }
}
