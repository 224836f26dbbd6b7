namespace Bot.Engine.Commands;

/// <summary>The table of slash commands. A new command is a file and a line here.</summary>
internal static class CommandCatalog
{
    public static readonly IReadOnlyDictionary<string, ICommand> Commands = new ICommand[]
    {
        new RcodeCommand(),
        new EdeCommand(),
        new CodeCommand(),
        new CompareCommand(),
        new GuideCommand(),
        new GlossaryCommand(),
        new ScenarioCommand(),
        new HelpCommand(),
        new DigCommand(),
    }.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
}
