namespace Bot.Engine;

/// <summary>The engine once it is ready (the host builds it beside its own start); adapters wait on this.</summary>
public interface IEngineProvider
{
    Task<BotEngine> GetAsync(CancellationToken cancellationToken);
}
