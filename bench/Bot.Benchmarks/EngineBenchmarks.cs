using System.Text;
using BenchmarkDotNet.Attributes;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Rendering;

namespace Bot.Benchmarks;

/// <summary>Request text to rendered answer, in process (the engine plus the plain-text renderer).</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private BotEngine _engine = null!;
    private TextRenderer _text = null!;
    private string _paste4K = null!;

    [GlobalSetup]
    public void Setup()
    {
        var kb = KnowledgeLoader.LoadEmbedded();
        _engine = new BotEngine(kb, new EngineOptions());
        _text = new TextRenderer(kb.Ui);

        // A 4 KB dig output: the real SERVFAIL/EDE 9 answer padded with the additional records a big answer carries.
        var dig = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dig-servfail-ede9.txt"));
        var sb = new StringBuilder(dig);
        var i = 0;
        while (sb.Length < 4096)
        {
            sb.Append("ns").Append(i++).Append(".example.net.\t3600\tIN\tA\t192.0.2.").Append(i % 250).Append('\n');
        }

        _paste4K = sb.ToString(0, 4096);
    }

    private string Run(string text) => _text.Render(_engine.Answer(new ChatRequest(text, Locale.En)));

    [Benchmark]
    public string Rcode2() => Run("/rcode 2");

    [Benchmark]
    public string Compare2And5() => Run("/compare 2 5");

    [Benchmark]
    public string FreeTextComparison() => Run("SERVFAIL vs REFUSED?");

    [Benchmark]
    public string FreeTextEquivalent() => Run("what's the HTTP equivalent of SERVFAIL");

    [Benchmark]
    public string FreeTextJapanese() => _text.Render(_engine.Answer(new ChatRequest("NXDOMAINとは")));

    [Benchmark]
    public string PastedDigOutput4K() => Run(_paste4K);
}

/// <summary>Loading and validating the whole knowledge base (done once at start).</summary>
[MemoryDiagnoser]
public class KnowledgeBenchmarks
{
    [Benchmark]
    public KnowledgeBase LoadAndValidate() => KnowledgeLoader.LoadEmbedded();
}
