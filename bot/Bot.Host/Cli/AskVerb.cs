using System.CommandLine;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Rendering;
using Microsoft.Extensions.Configuration;

namespace Bot.Host.Cli;

/// <summary>
/// <c>ask "&lt;message&gt;" [--locale en|ja|de] [--json]</c>: prints the answer. Without a message it is an
/// interactive prompt. Exit code 0 for any answer, including "unknown".
/// </summary>
internal static class AskVerb
{
    public static Command Create()
    {
        var message = new Argument<string[]>("message") { Description = "The question, command or pasted output", Arity = ArgumentArity.ZeroOrMore };
        var locale = new Option<string?>("--locale") { Description = "Answer language: en, ja or de (default: from the text)" };
        var json = new Option<bool>("--json") { Description = "Print the answer model as JSON" };
        var command = new Command("ask", "Ask the bot a question") { message, locale, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var words = result.GetValue(message) ?? [];
            var localeText = result.GetValue(locale);
            var parsed = Locales.Parse(localeText);
            if (localeText is not null && parsed is null)
            {
                Console.Error.WriteLine($"--locale must be en, ja or de (is '{localeText}').");
                return 2;
            }

            BotEngine engine;
            try
            {
                engine = CreateEngine();
            }
            catch (Exception e) when (e is InvalidOperationException or KnowledgeException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }

            var asJson = result.GetValue(json);
            if (words.Length > 0)
            {
                await PrintAsync(engine, string.Join(' ', words), parsed, asJson, cancellationToken);
                return 0;
            }

            if (Console.IsInputRedirected)
            {
                // `dig example.com | ask`: the whole of standard input is one paste.
                await PrintAsync(engine, await Console.In.ReadToEndAsync(cancellationToken), parsed, asJson, cancellationToken);
                return 0;
            }

            Console.Error.WriteLine("Ask about a DNS code (/rcode 2), compare (SERVFAIL vs REFUSED) or paste dig output. Ctrl-D to quit.");
            return await InteractiveAsync(engine, parsed, asJson, cancellationToken);
        });
        return command;
    }

    private static async Task<int> InteractiveAsync(BotEngine engine, Locale? locale, bool asJson, CancellationToken cancellationToken)
    {
        while (true)
        {
            Console.Write("> ");
            var line = Console.ReadLine();
            if (line is null)
            {
                return 0;
            }

            if (line.Trim().Length > 0)
            {
                await PrintAsync(engine, line, locale, asJson, cancellationToken);
            }
        }
    }

    private static async Task PrintAsync(BotEngine engine, string text, Locale? locale, bool asJson, CancellationToken cancellationToken)
    {
        var answer = await engine.AnswerAsync(new ChatRequest(text, locale, "cli"), cancellationToken);
        var rendered = new TextRenderer(engine.Knowledge.Ui).Render(answer);
        Console.Out.Write(asJson ? AnswerJson.Serialize(AnswerDocument.From(answer, rendered), indented: true) + "\n" : rendered);
    }

    /// <summary>The same configuration sources as the host (appsettings.json, environment), without starting it.</summary>
    private static BotEngine CreateEngine()
    {
        var config = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new EngineOptions();
        config.GetSection(EngineOptions.Section).Bind(options);
        var dns = new Bot.Engine.Diagnosis.DnsCheckOptions();
        config.GetSection(Bot.Engine.Diagnosis.DnsCheckOptions.Section).Bind(dns);
        foreach (var problems in new[] { new EngineOptionsValidator().Validate(null, options), new DnsCheckOptionsValidator().Validate(null, dns) })
        {
            if (problems.Failed)
            {
                throw new InvalidOperationException(problems.FailureMessage);
            }
        }

        return new BotEngine(KnowledgeLoader.LoadEmbedded(), options, dns.Enabled ? new Bot.Engine.Diagnosis.LiveChecker(dns) : null);
    }
}
