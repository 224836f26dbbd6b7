using System.CommandLine;

namespace Bot.Host.Cli;

/// <summary>The command-line verbs of the host's executable. Without one, the executable runs the web host.</summary>
internal static class Verbs
{
    private static readonly string[] Names = ["ask", "register-discord", "package-teams"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Names.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("DNS triage bot")
        {
            AskVerb.Create(),
            RegisterDiscordVerb.Create(),
            PackageTeamsVerb.Create(),
        };
        // No response files: a question such as "@everyone SERVFAIL" is text, not a file of arguments.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            // Bad arguments exit with 2, like the verbs' own checks, and name the problem instead of printing all help.
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync($"See {args[0]} --help.");
            return 2;
        }

        return await parsed.InvokeAsync();
    }
}
