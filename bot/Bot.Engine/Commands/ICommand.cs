using Bot.Engine.Contracts;

namespace Bot.Engine.Commands;

/// <summary>A slash command: its name and how it answers its arguments.</summary>
internal interface ICommand
{
    string Name { get; }

    Answer Run(EngineContext context, string args, Locale locale);
}
