using Bot.Engine.Knowledge;

namespace Bot.Adapters.Tests;

/// <summary>The embedded knowledge base, loaded once: the renderers take their own words (buttons, notes) from its UI strings.</summary>
internal static class Knowledge
{
    private static readonly Lazy<KnowledgeBase> Kb = new(KnowledgeLoader.LoadEmbedded);

    public static UiStrings Ui => Kb.Value.Ui;
}
