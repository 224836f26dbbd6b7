using Bot.Engine.Knowledge;

namespace Bot.Engine.Tests;

/// <summary>The embedded knowledge base and an engine over it, loaded once for all tests.</summary>
public static class Shared
{
    private static readonly Lazy<KnowledgeBase> LazyKb = new(KnowledgeLoader.LoadEmbedded);
    private static readonly Lazy<BotEngine> LazyEngine = new(() => new BotEngine(LazyKb.Value, new EngineOptions { LinksBaseUrl = "http://bot.test" }));

    public static KnowledgeBase Kb => LazyKb.Value;

    public static BotEngine Engine => LazyEngine.Value;
}
