using Bot.Engine.Knowledge;

namespace Bot.Host;

/// <summary>Loads the embedded knowledge base once; an invalid base stops the host with every problem listed.</summary>
internal static partial class KnowledgeHost
{
    public static KnowledgeBase Load(IServiceProvider services)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bot.Knowledge");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var kb = KnowledgeLoader.LoadEmbedded();
        Loaded(log, kb.Codes.Count, kb.Glossary.Count, kb.Guides.Count, kb.Scenarios.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return kb;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Knowledge loaded: {Codes} codes, {Terms} terms, {Guides} guides, {Scenarios} scenarios in {Ms:F0} ms")]
    private static partial void Loaded(ILogger log, int codes, int terms, int guides, int scenarios, double ms);
}

/// <summary>Builds the engine before the host listens, so a broken knowledge base or bad option fails the start.</summary>
internal sealed partial class StartupCheck(Bot.Engine.BotEngine engine, ILogger<StartupCheck> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Ready(log, engine.Links.BaseUrl);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Engine ready; links point to {BaseUrl}")]
    private static partial void Ready(ILogger log, string baseUrl);
}
