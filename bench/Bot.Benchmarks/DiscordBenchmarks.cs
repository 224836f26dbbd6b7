using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Bot.Adapters.Discord;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;

namespace Bot.Benchmarks;

/// <summary>The per-request costs of the Discord endpoint: signature verification, and the /rcode 2 answer as Discord JSON.</summary>
[MemoryDiagnoser]
public class DiscordBenchmarks
{
    private DiscordSignature _signature = null!;
    private byte[] _body = null!;
    private string _timestamp = null!;
    private string _signatureHex = null!;
    private BotEngine _engine = null!;
    private DiscordRenderer _renderer = null!;
    private Answer _answer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (publicKey, secretKey) = Ed25519.GenerateKeyPair();
        _signature = new DiscordSignature(publicKey, TimeSpan.FromMinutes(5), TimeProvider.System);
        _body = Encoding.UTF8.GetBytes("""{"id":"1","application_id":"2","type":2,"token":"t","version":1,"locale":"en-US","data":{"id":"1","name":"rcode","type":1,"options":[{"name":"code","type":3,"value":"2"}]}}""");
        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _signatureHex = Convert.ToHexString(Ed25519.Sign([.. Encoding.ASCII.GetBytes(_timestamp), .. _body], secretKey));
        var kb = KnowledgeLoader.LoadEmbedded();
        _engine = new BotEngine(kb, new EngineOptions());
        _renderer = new DiscordRenderer(kb.Ui);
        _answer = _engine.Answer(new ChatRequest("/rcode 2", Locale.En, "discord"));
    }

    /// <summary>One Ed25519 verification as the endpoint does it (timestamp + raw body, libsodium).</summary>
    [Benchmark]
    public bool VerifySignature() => _signature.IsValid(_timestamp, _signatureHex, _body);

    /// <summary>Only the renderer: the /rcode 2 answer model to the Discord message model.</summary>
    [Benchmark]
    public DiscordMessage RenderOnly() => _renderer.Render(_answer, "/rcode 2");

    /// <summary>The /rcode 2 answer rendered as the Discord message JSON the endpoint returns.</summary>
    [Benchmark]
    public string Rcode2AsDiscordJson() =>
        JsonSerializer.Serialize(_renderer.Render(_engine.Answer(new ChatRequest("/rcode 2", Locale.En, "discord")), "/rcode 2"), DiscordJsonContext.Default.DiscordMessage);
}
