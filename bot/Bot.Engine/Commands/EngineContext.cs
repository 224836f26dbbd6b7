using Bot.Engine.Knowledge;
using Bot.Engine.Rendering;
using Bot.Engine.Understanding;

namespace Bot.Engine.Commands;

/// <summary>What every command and recogniser works with; built once at start.</summary>
internal sealed class EngineContext(KnowledgeBase kb, LinkBuilder links)
{
    public KnowledgeBase Kb { get; } = kb;
    public Lexicon Lexicon { get; } = new(kb);
    public LinkBuilder Links { get; } = links;
    public AnswerBuilder Answers { get; } = new(kb, links);

    private CodeResolver? _resolver;
    private Understander? _understander;

    public CodeResolver Resolver => _resolver ??= new CodeResolver(Kb, Lexicon);

    public Understander Understander => _understander ??= new Understander(Kb, Lexicon, Resolver);
}
