namespace Bot.Adapters.Slack;

/// <summary>
/// The slash commands of manifests/slack/manifest.yaml and the engine command each one runs. The names are the
/// Discord ones with one exception: the engine's <c>/help</c> is <c>/dnshelp</c> in Slack, because a bare
/// <c>/help</c> is too generic for a workspace where every app shares one command namespace (Slack routes a command
/// name to a single app, and users expect <c>/help</c> to be about Slack itself).
/// </summary>
public static class SlackCommands
{
    /// <summary>Slack command → engine command name (the Discord command name).</summary>
    public static readonly IReadOnlyDictionary<string, string> ToEngine = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/rcode"] = "rcode",
        ["/ede"] = "ede",
        ["/compare"] = "compare",
        ["/dig"] = "dig",
        ["/guide"] = "guide",
        ["/glossary"] = "glossary",
        ["/dnshelp"] = "help",
    };

    /// <summary>
    /// The engine text for a slash command payload (<c>command</c>, <c>text</c>): "/dnshelp" → "/help",
    /// "/rcode" + "2" → "/rcode 2". False for a command that is not ours.
    /// </summary>
    public static bool TryEngineText(string? command, string? text, out string engineText)
    {
        engineText = "";
        if (command is null || !ToEngine.TryGetValue(command.Trim().ToLowerInvariant(), out var name))
        {
            return false;
        }

        var args = text?.Trim() ?? "";
        engineText = args.Length == 0 ? "/" + name : "/" + name + " " + args;
        return true;
    }
}
