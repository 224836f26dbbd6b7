using System.Diagnostics;
using Bot.Engine;
using Bot.Engine.Knowledge;
using Microsoft.Extensions.Options;

namespace Bot.Host;

/// <summary>
/// The engine, built off the start-up path: loading the knowledge base runs on another core while the host builds
/// and Kestrel starts. Requests wait for it; /healthz says 503 until it is ready. A knowledge base that does not
/// validate stops the host with every problem logged and exit code 1.
/// </summary>
public sealed class EngineHolder(Task<KnowledgeBase> knowledge, IOptions<EngineOptions> options, IOptions<Bot.Engine.Diagnosis.DnsCheckOptions> dns) : IEngineProvider
{
    private readonly Task<BotEngine> _engine = BuildAsync(knowledge, options.Value, dns.Value);

    public Task<BotEngine> Engine => _engine;

    public bool IsReady => _engine.IsCompletedSuccessfully;

    public Task<BotEngine> GetAsync(CancellationToken cancellationToken) => _engine.WaitAsync(cancellationToken);

    private static async Task<BotEngine> BuildAsync(Task<KnowledgeBase> knowledge, EngineOptions options, Bot.Engine.Diagnosis.DnsCheckOptions dns) =>
        new(await knowledge.ConfigureAwait(false), options, dns.Enabled ? new Bot.Engine.Diagnosis.LiveChecker(dns) : null);

    /// <summary>Starts loading the embedded knowledge base now, on the thread pool.</summary>
    public static Task<KnowledgeBase> BeginLoading() => Task.Run(() =>
    {
        var started = Stopwatch.GetTimestamp();
        var kb = KnowledgeLoader.LoadEmbedded();
        LoadTime = Stopwatch.GetElapsedTime(started);
        return kb;
    });

    internal static TimeSpan LoadTime { get; private set; }
}

/// <summary>Reports when the engine is ready, or stops the host when the knowledge base is invalid.</summary>
internal sealed partial class EngineStartup(EngineHolder holder, IHostApplicationLifetime lifetime, ILogger<EngineStartup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var engine = await holder.Engine.WaitAsync(stoppingToken);
            var kb = engine.Knowledge;
            Ready(log, kb.Codes.Count, kb.Glossary.Count, kb.Guides.Count, kb.Scenarios.Count, EngineHolder.LoadTime.TotalMilliseconds, engine.Links.BaseUrl);
        }
        catch (KnowledgeException e)
        {
            Invalid(log, e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Engine ready: {Codes} codes, {Terms} terms, {Guides} guides, {Scenarios} scenarios (knowledge loaded in {Ms:F0} ms); links point to {BaseUrl}")]
    private static partial void Ready(ILogger log, int codes, int terms, int guides, int scenarios, double ms, string baseUrl);

    [LoggerMessage(EventId = 101, Level = LogLevel.Critical, Message = "Stopping: {Problems}")]
    private static partial void Invalid(ILogger log, string problems);
}
