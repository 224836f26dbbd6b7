using Bot.Host;
using Bot.Host.Cli;
using Microsoft.Extensions.Options;

// With a verb (ask, ...) the executable is a command-line tool; without one it is the bot's web host.
if (Verbs.IsVerb(args))
{
    return await Verbs.RunAsync(args);
}

// Load the knowledge base on another core while the host builds and starts listening.
var knowledge = EngineHolder.BeginLoading();
try
{
    var app = BotHost.Build(args, knowledge);
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    // One line per bad setting, no stack trace: the message names the key and what it must be.
    await Console.Error.WriteLineAsync("The bot did not start: the configuration is not valid.");
    foreach (var failure in e.Failures)
    {
        await Console.Error.WriteLineAsync("  - " + failure);
    }

    return 2;
}
catch (InvalidOperationException e) when (e.InnerException is FormatException)
{
    // A value the binder could not convert, e.g. WebChat__Enabled=maybe.
    await Console.Error.WriteLineAsync("The bot did not start: " + e.Message);
    return 2;
}
