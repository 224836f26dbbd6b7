using System.Text.Json.Nodes;

namespace Bot.Adapters.Tests.Teams;

/// <summary>ja.json and de.json: Teams' flat localization keys, every command in every list, real translations.</summary>
public sealed partial class TeamsManifestTests
{
    public static TheoryData<string> LanguageFiles => new(Languages);

    [Theory]
    [MemberData(nameof(LanguageFiles))]
    public void Localization_file_uses_the_localization_schema_of_the_manifest_version(string language)
    {
        var schema = (string?)Json(language + ".json")["$schema"];
        var expected = ((string)Manifest["$schema"]!).Replace("MicrosoftTeams.schema.json", "MicrosoftTeams.Localization.schema.json", StringComparison.Ordinal);
        schema.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(LanguageFiles))]
    public void Localization_file_has_only_keys_that_teams_knows(string language)
    {
        foreach (var (key, value) in Json(language + ".json"))
        {
            LocalizationKey().IsMatch(key).ShouldBeTrue($"{language}.json: '{key}' is not a Teams localization key");
            (value as JsonValue)?.TryGetValue(out string? _).ShouldBe(true, $"{language}.json: '{key}' must be a string");
        }
    }

    [Theory]
    [MemberData(nameof(LanguageFiles))]
    public void Localization_file_covers_every_command_of_every_list_within_the_limits(string language)
    {
        var file = Json(language + ".json");
        foreach (var (list, i) in CommandLists.Select((l, i) => (l, i)))
        {
            foreach (var (command, j) in list["commands"]!.AsArray().Select((c, j) => (c!, j)))
            {
                var prefix = $"bots[0].commandLists[{i}].commands[{j}].";
                var title = (string?)file[prefix + "title"];
                var description = (string?)file[prefix + "description"];
                Length(title).ShouldBeInRange(1, 32, $"{language}.json {prefix}title ('{command["title"]}')");
                Length(description).ShouldBeInRange(1, 128, $"{language}.json {prefix}description ('{command["title"]}')");
            }
        }
    }

    /// <summary>
    /// Teams sends the chosen command's title as message text, and the bot parses the English command words in
    /// every language, so a translated title would turn a menu pick into an unknown command.
    /// </summary>
    [Theory]
    [MemberData(nameof(LanguageFiles))]
    public void Localized_command_titles_are_the_command_words_the_bot_parses(string language)
    {
        var file = Json(language + ".json");
        foreach (var (list, i) in CommandLists.Select((l, i) => (l, i)))
        {
            foreach (var (command, j) in list["commands"]!.AsArray().Select((c, j) => (c!, j)))
            {
                var key = $"bots[0].commandLists[{i}].commands[{j}].title";
                ((string?)file[key]).ShouldBe((string?)command["title"], $"{language}.json {key}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(LanguageFiles))]
    public void Localized_texts_are_translations_not_copies(string language)
    {
        var file = Json(language + ".json");
        var english = TextKeys.Select(k => (k, Text(Manifest, k)))
            .Concat(CommandLists.SelectMany((l, i) => l["commands"]!.AsArray().Select((c, j) => ($"bots[0].commandLists[{i}].commands[{j}].description", (string)c!["description"]!))));
        foreach (var (key, en) in english)
        {
            var text = (string?)file[key] ?? "";
            text.ShouldNotBe(en, $"{language}.json {key} is the English text");
            if (language == "ja")
            {
                JapaneseScript().IsMatch(text).ShouldBeTrue($"ja.json {key} has no Japanese: '{text}'");
            }
        }
    }
}
