using System.CommandLine;

namespace Bot.Host.Cli;

/// <summary>The command-line verbs of the host's executable. Without one, the executable runs the web host.</summary>
internal static class Verbs
{
    private static readonly string[] Names = ["ask", "register-discord"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("DNS triage bot")
        {
            AskVerb.Create(),
            RegisterDiscordVerb.Create(),
        };
        // No response files: a question such as "@everyone SERVFAIL" is text, not a file of arguments.
        return await root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null }).InvokeAsync();
    }
}
