using System.CommandLine;
using System.Text.Json;
using Bot.Adapters.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Host.Cli;

/// <summary>
/// <c>register-discord [--guild ID] [--file manifests/discord/commands.json]</c>: PUTs the command list (bulk
/// overwrite) with the bot token, prints what changed, and waits out 429s.
/// </summary>
internal static class RegisterDiscordVerb
{
    public static Command Create()
    {
        var guild = new Option<string?>("--guild") { Description = "Register for one guild (instant; for development) instead of globally" };
        var file = new Option<string?>("--file") { Description = "The command list (default: manifests/discord/commands.json)" };
        var command = new Command("register-discord", "Register the bot's slash commands with Discord") { guild, file };
        command.SetAction(async (result, cancellationToken) =>
        {
            var config = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            var options = new DiscordOptions();
            config.GetSection(DiscordOptions.Section).Bind(options);
            if (string.IsNullOrWhiteSpace(options.ApplicationId) || string.IsNullOrWhiteSpace(options.BotToken))
            {
                Console.Error.WriteLine("Set Discord:ApplicationId and Discord:BotToken (e.g. Discord__ApplicationId, Discord__BotToken) first.");
                return 2;
            }

            var path = result.GetValue(file) ?? Path.Combine(AppContext.BaseDirectory, "manifests", "discord", "commands.json");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"No command list at {path}.");
                return 2;
            }

            var json = await File.ReadAllTextAsync(path, cancellationToken);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var client = new DiscordRestClient(http, Options.Create(options), TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
            var guildId = result.GetValue(guild);
            var before = await client.GetCommandsAsync(guildId, cancellationToken);
            var existing = before.Ok ? Names(before.Body) : [];
            var put = await client.OverwriteCommandsAsync(json, guildId, cancellationToken);
            if (!put.Ok)
            {
                Console.Error.WriteLine($"Discord answered {put.Status}{(put.Code is null ? "" : $" (code {put.Code})")}: {put.Body}");
                return 1;
            }

            var now = Names(put.Body);
            Console.WriteLine($"Registered {now.Count} command(s) {(guildId is null ? "globally" : $"for guild {guildId}")}.");
            foreach (var n in now.Except(existing))
            {
                Console.WriteLine($"  + /{n}");
            }

            foreach (var n in existing.Except(now))
            {
                Console.WriteLine($"  - /{n}");
            }

            foreach (var n in now.Intersect(existing))
            {
                Console.WriteLine($"  = /{n} (overwritten)");
            }

            return 0;
        });
        return command;
    }

    private static List<string> Names(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Array
                ? [.. doc.RootElement.EnumerateArray().Select(c => c.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "")]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
