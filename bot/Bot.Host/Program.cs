using Bot.Host;
using Bot.Host.Cli;

// With a verb (ask, ...) the executable is a command-line tool; without one it is the bot's web host.
if (Verbs.IsVerb(args))
{
    return await Verbs.RunAsync(args);
}

// Load the knowledge base on another core while the host builds and starts listening.
var knowledge = EngineHolder.BeginLoading();
var app = BotHost.Build(args, knowledge);
await app.RunAsync();
return 0;
