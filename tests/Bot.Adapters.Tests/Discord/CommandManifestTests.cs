using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Adapters.Tests.Discord;

/// <summary>
/// Checks manifests/discord/commands.json (the body PUT to /applications/{id}/commands) against Discord's
/// application-command limits, so a bad manifest fails here instead of with a 400 at registration time.
/// </summary>
public sealed partial class CommandManifestTests
{
    private static readonly string[] ExpectedCommands = ["rcode", "ede", "compare", "dig", "guide", "glossary", "help"];
    private static readonly string[] RequiredLocales = ["ja", "de"];
    private static readonly int[] AllowedOptionTypes = [3, 4, 5, 10]; // STRING, INTEGER, BOOLEAN, NUMBER

    private static readonly Lazy<JsonArray> Manifest = new(Load);

    private static JsonArray Commands => Manifest.Value;

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();

    [Fact]
    public void Manifest_is_a_json_array_of_chat_input_commands()
    {
        Commands.Count.ShouldBeGreaterThan(0);
        foreach (var command in Commands)
        {
            command.ShouldBeOfType<JsonObject>();
            ((int?)command!["type"] ?? 1).ShouldBe(1, $"{Name(command)} must be a CHAT_INPUT command");
        }
    }

    [Fact]
    public void Command_names_are_exactly_the_bot_commands()
    {
        Commands.Select(Name).ShouldBe(ExpectedCommands, ignoreOrder: true);
    }

    [Fact]
    public void There_are_at_most_100_commands()
    {
        Commands.Count.ShouldBeLessThanOrEqualTo(100);
    }

    [Fact]
    public void Command_and_option_names_match_the_discord_name_pattern_including_localizations()
    {
        foreach (var (where, item) in CommandsAndOptions())
        {
            foreach (var (locale, name) in Texts(item, "name"))
            {
                NamePattern().IsMatch(name).ShouldBeTrue($"{where} name [{locale}] '{name}' does not match ^[-_'\\p{{L}}\\p{{N}}]{{1,32}}$");
            }
        }
    }

    [Fact]
    public void Command_and_option_names_are_lowercase_including_localizations()
    {
        foreach (var (where, item) in CommandsAndOptions())
        {
            foreach (var (locale, name) in Texts(item, "name"))
            {
                name.Any(HasLowercaseVariant).ShouldBeFalse($"{where} name [{locale}] '{name}' must use lowercase characters");
            }
        }
    }

    [Fact]
    public void Localized_option_names_are_unique_within_a_command()
    {
        foreach (var command in Commands)
        {
            foreach (var locale in RequiredLocales)
            {
                var names = Options(command!).Select(o => Localized(o, "name", locale)).ToList();
                names.ShouldBeUnique($"/{Name(command)} has duplicate option names in [{locale}]");
            }
        }
    }

    [Fact]
    public void Descriptions_are_1_to_100_characters_including_localizations()
    {
        foreach (var (where, item) in CommandsAndOptions())
        {
            foreach (var (locale, description) in Texts(item, "description"))
            {
                Length(description).ShouldBeInRange(1, 100, $"{where} description [{locale}] '{description}'");
            }
        }
    }

    [Fact]
    public void Every_command_and_option_has_ja_and_de_name_and_description_localizations()
    {
        foreach (var (where, item) in CommandsAndOptions())
        {
            foreach (var field in new[] { "name_localizations", "description_localizations" })
            {
                var localizations = item[field] as JsonObject;
                localizations.ShouldNotBeNull($"{where} has no {field}");
                foreach (var locale in RequiredLocales)
                {
                    var value = (string?)localizations[locale];
                    string.IsNullOrWhiteSpace(value).ShouldBeFalse($"{where} {field} has no '{locale}' entry");
                }
            }
        }
    }

    [Fact]
    public void Commands_have_at_most_25_options()
    {
        foreach (var command in Commands)
        {
            Options(command!).Count.ShouldBeLessThanOrEqualTo(25, $"/{Name(command)}");
        }
    }

    [Fact]
    public void Required_options_come_before_optional_ones()
    {
        foreach (var command in Commands)
        {
            var required = Options(command!).Select(IsRequired).ToList();
            var firstOptional = required.IndexOf(false);
            if (firstOptional >= 0)
            {
                required.Skip(firstOptional).ShouldAllBe(r => !r, $"/{Name(command)} has a required option after an optional one");
            }
        }
    }

    [Fact]
    public void Options_have_at_most_25_choices()
    {
        foreach (var (command, option) in AllOptions())
        {
            Choices(option).Count.ShouldBeLessThanOrEqualTo(25, $"/{command} {Name(option)}");
        }
    }

    [Fact]
    public void Choice_names_are_1_to_100_characters_and_values_at_most_100()
    {
        foreach (var (command, option) in AllOptions())
        {
            foreach (var choice in Choices(option))
            {
                foreach (var (locale, name) in Texts(choice, "name"))
                {
                    Length(name).ShouldBeInRange(1, 100, $"/{command} {Name(option)} choice name [{locale}] '{name}'");
                }

                if (choice["value"] is JsonValue value && value.TryGetValue(out string? text))
                {
                    Length(text).ShouldBeInRange(1, 100, $"/{command} {Name(option)} choice value '{text}'");
                }
            }
        }
    }

    [Fact]
    public void Autocomplete_is_never_combined_with_choices()
    {
        foreach (var (command, option) in AllOptions())
        {
            var autocomplete = (bool?)option["autocomplete"] ?? false;
            if (autocomplete)
            {
                Choices(option).ShouldBeEmpty($"/{command} {Name(option)} has both autocomplete and choices");
            }
        }
    }

    [Fact]
    public void Only_string_integer_boolean_and_number_option_types_are_used()
    {
        foreach (var (command, option) in AllOptions())
        {
            ((int?)option["type"]).ShouldNotBeNull($"/{command} {Name(option)} has no type");
            AllowedOptionTypes.ShouldContain((int)option["type"]!, $"/{command} {Name(option)}");
        }
    }

    [Fact]
    public void Total_characters_per_command_stay_within_8000()
    {
        foreach (var command in Commands)
        {
            var total = Longest(command!, "name") + Longest(command!, "description");
            foreach (var option in Options(command!))
            {
                total += Longest(option, "name") + Longest(option, "description");
                foreach (var choice in Choices(option))
                {
                    total += Longest(choice, "name") + Length(choice["value"]?.ToString() ?? string.Empty);
                }
            }

            total.ShouldBeLessThanOrEqualTo(8000, $"/{Name(command)}");
        }
    }

    [Fact]
    public void Commands_are_available_in_guilds_dms_and_private_channels_for_both_install_types()
    {
        foreach (var command in Commands)
        {
            command!["integration_types"]!.AsArray().Select(n => (int)n!).ShouldBe([0, 1], ignoreOrder: true, $"/{Name(command)}");
            command["contexts"]!.AsArray().Select(n => (int)n!).ShouldBe([0, 1, 2], ignoreOrder: true, $"/{Name(command)}");
        }
    }

    private static JsonArray Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException($"No Bot.sln above {AppContext.BaseDirectory}");
        }

        var path = Path.Combine(dir.FullName, "manifests", "discord", "commands.json");
        return JsonNode.Parse(File.ReadAllText(path))?.AsArray()
            ?? throw new InvalidOperationException($"{path} is not a JSON array");
    }

    private static string Name(JsonNode? item) => (string?)item?["name"] ?? string.Empty;

    private static bool IsRequired(JsonNode option) => (bool?)option["required"] ?? false;

    private static List<JsonNode> Options(JsonNode command) =>
        command["options"] is JsonArray options ? [.. options.Select(o => o!)] : [];

    private static List<JsonNode> Choices(JsonNode option) =>
        option["choices"] is JsonArray choices ? [.. choices.Select(c => c!)] : [];

    private static IEnumerable<(string Command, JsonNode Option)> AllOptions() =>
        Commands.SelectMany(c => Options(c!).Select(o => (Name(c), o)));

    /// <summary>Every command and option, with a label for failure messages.</summary>
    private static IEnumerable<(string Where, JsonNode Item)> CommandsAndOptions()
    {
        foreach (var command in Commands)
        {
            yield return ($"/{Name(command)}", command!);
            foreach (var option in Options(command!))
            {
                yield return ($"/{Name(command)} option '{Name(option)}'", option);
            }
        }
    }

    /// <summary>The default text of a field and all its localizations, keyed by locale ("default" for the base value).</summary>
    private static IEnumerable<(string Locale, string Text)> Texts(JsonNode item, string field)
    {
        yield return ("default", (string?)item[field] ?? string.Empty);
        if (item[field + "_localizations"] is JsonObject localizations)
        {
            foreach (var (locale, value) in localizations)
            {
                yield return (locale, (string?)value ?? string.Empty);
            }
        }
    }

    private static string Localized(JsonNode item, string field, string locale) =>
        (string?)item[field + "_localizations"]?[locale] ?? (string?)item[field] ?? string.Empty;

    /// <summary>Discord counts only the longest localization of each item towards the 8000-character budget.</summary>
    private static int Longest(JsonNode item, string field) => Texts(item, field).Max(t => Length(t.Text));

    /// <summary>Length in Unicode code points, which is how Discord counts characters.</summary>
    private static int Length(string text) => text.EnumerateRunes().Count();

    private static bool HasLowercaseVariant(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter;
}
