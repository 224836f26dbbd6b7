using Bot.Host;
using Bot.Host.Cli;

// With a verb (ask, ...) the executable is a command-line tool; without one it is the bot's web host.
if (Verbs.IsVerb(args))
{
    return await Verbs.RunAsync(args);
}

var app = BotHost.Build(args);
await app.RunAsync();
return 0;
