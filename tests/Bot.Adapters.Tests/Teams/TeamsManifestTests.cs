using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Adapters.Tests.Teams;

/// <summary>
/// Checks manifests/teams (manifest.json, the ja/de localization files and the two icons) against the Teams app
/// manifest schema's rules and limits, so a bad package fails here instead of at upload.
/// </summary>
public sealed partial class TeamsManifestTests
{
    private const string AppIdPlaceholder = "{{APP_ID}}";
    private const string HostPlaceholder = "{{BOT_HOST}}";
    private static readonly string[] Scopes = ["personal", "team", "groupChat"];
    private static readonly string[] Languages = ["ja", "de"];
    private static readonly string[] TextKeys = ["name.short", "name.full", "description.short", "description.full"];
    private static readonly Dictionary<string, int> TextLimits = new()
    {
        ["name.short"] = 30, ["name.full"] = 100, ["description.short"] = 80, ["description.full"] = 4000,
    };

    private static readonly Lazy<string> Folder = new(FindFolder);
    private static readonly Lazy<JsonObject> LazyManifest = new(() => Json("manifest.json"));

    private static JsonObject Manifest => LazyManifest.Value;

    private static JsonObject Bot => Manifest["bots"]![0]!.AsObject();

    private static List<JsonObject> CommandLists => [.. Bot["commandLists"]!.AsArray().Select(l => l!.AsObject())];

    [GeneratedRegex(@"^https://developer\.microsoft\.com/json-schemas/teams/v(?<version>1\.\d+)/MicrosoftTeams\.schema\.json$")]
    private static partial Regex SchemaUrl();

    [GeneratedRegex(@"^(name\.short|name\.full|description\.short|description\.full|\$schema|bots\[0\]\.commandLists\[[0-2]\]\.commands\[\d\]\.(title|description))$")]
    private static partial Regex LocalizationKey();

    [GeneratedRegex(@"^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex JapaneseScript();

    [Fact]
    public void Schema_url_and_manifest_version_agree_and_are_1_19_or_newer()
    {
        var match = SchemaUrl().Match((string?)Manifest["$schema"] ?? "");
        match.Success.ShouldBeTrue($"$schema '{Manifest["$schema"]}' is not a Teams manifest schema URL");
        ((string?)Manifest["manifestVersion"]).ShouldBe(match.Groups["version"].Value, "the schema pins manifestVersion with const");
        Version.Parse(match.Groups["version"].Value).ShouldBeGreaterThanOrEqualTo(new Version(1, 19));
        ((string?)Manifest["version"]).ShouldBe("1.0.0");
    }

    [Theory]
    [InlineData("$schema")]
    [InlineData("manifestVersion")]
    [InlineData("version")]
    [InlineData("id")]
    [InlineData("developer.name")]
    [InlineData("developer.websiteUrl")]
    [InlineData("developer.privacyUrl")]
    [InlineData("developer.termsOfUseUrl")]
    [InlineData("name.short")]
    [InlineData("name.full")]
    [InlineData("description.short")]
    [InlineData("description.full")]
    [InlineData("icons.color")]
    [InlineData("icons.outline")]
    [InlineData("accentColor")]
    [InlineData("localizationInfo.defaultLanguageTag")]
    public void Required_field_is_a_non_empty_string(string path)
    {
        string.IsNullOrWhiteSpace(Text(Manifest, path)).ShouldBeFalse($"manifest.json has no {path}");
    }

    [Fact]
    public void App_id_and_bot_id_are_the_placeholder_the_packager_replaces()
    {
        ((string?)Manifest["id"]).ShouldBe(AppIdPlaceholder);
        ((string?)Bot["botId"]).ShouldBe(AppIdPlaceholder);
        Manifest["validDomains"]!.AsArray().Select(d => (string?)d).ShouldBe([HostPlaceholder]);
    }

    [Fact]
    public void Developer_name_and_urls_fit_the_limits_and_use_https()
    {
        Length(Text(Manifest, "developer.name")).ShouldBeLessThanOrEqualTo(32);
        foreach (var field in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            var url = Text(Manifest, "developer." + field);
            Uri.TryCreate(url, UriKind.Absolute, out var uri).ShouldBeTrue($"developer.{field} '{url}'");
            uri!.Scheme.ShouldBe("https", $"developer.{field}");
            url.Length.ShouldBeLessThanOrEqualTo(2048);
        }
    }

    [Fact]
    public void Accent_color_and_icons_are_as_teams_expects()
    {
        HexColor().IsMatch(Text(Manifest, "accentColor")).ShouldBeTrue("accentColor must be #RRGGBB");
        Text(Manifest, "icons.color").ShouldBe("color.png");
        Text(Manifest, "icons.outline").ShouldBe("outline.png");
    }

    [Fact]
    public void Names_and_descriptions_fit_the_limits_in_every_language_and_short_differs_from_full()
    {
        foreach (var (language, texts) in AllTexts())
        {
            foreach (var key in TextKeys)
            {
                Length(texts[key]).ShouldBeInRange(1, TextLimits[key], $"[{language}] {key} '{texts[key]}'");
            }

            texts["description.short"].ShouldNotBe(texts["description.full"], $"[{language}] short and full descriptions must differ");
        }
    }

    [Fact]
    public void Bot_is_conversational_in_personal_team_and_group_chat_with_a_command_list_for_each_scope()
    {
        Manifest["bots"]!.AsArray().Count.ShouldBe(1);
        Bot["scopes"]!.AsArray().Select(s => (string?)s).ShouldBe(Scopes, ignoreOrder: true);
        ((bool?)Bot["isNotificationOnly"]).ShouldBe(false);
        ((bool?)Bot["supportsFiles"]).ShouldBe(false);
        CommandLists.Count.ShouldBeLessThanOrEqualTo(3);
        var listed = CommandLists.SelectMany(l => l["scopes"]!.AsArray().Select(s => (string?)s)).ToList();
        listed.ShouldBe(Scopes, ignoreOrder: true, "every scope has exactly one command list");
    }

    [Fact]
    public void Command_lists_have_at_most_10_commands_within_the_title_and_description_limits()
    {
        foreach (var (list, i) in CommandLists.Select((l, i) => (l, i)))
        {
            var commands = list["commands"]!.AsArray();
            commands.Count.ShouldBeInRange(1, 10, $"commandLists[{i}]");
            commands.Select(c => (string?)c!["title"]).ShouldBeUnique($"commandLists[{i}] titles");
            foreach (var command in commands)
            {
                Length((string?)command!["title"]).ShouldBeInRange(1, 32, $"commandLists[{i}] title '{command["title"]}'");
                Length((string?)command["description"]).ShouldBeInRange(1, 128, $"commandLists[{i}] '{command["title"]}' description");
            }
        }
    }

    [Fact]
    public void Every_command_list_holds_exactly_the_discord_commands()
    {
        var discord = DiscordCommands();
        discord.ShouldNotBeEmpty();
        foreach (var (list, i) in CommandLists.Select((l, i) => (l, i)))
        {
            list["commands"]!.AsArray().Select(c => (string?)c!["title"]).ShouldBe(discord, ignoreOrder: true, $"commandLists[{i}]");
        }
    }

    [Fact]
    public void Permissions_are_identity_and_message_team_members()
    {
        Manifest["permissions"]!.AsArray().Select(p => (string?)p).ShouldBe(["identity", "messageTeamMembers"], ignoreOrder: true);
    }

    [Fact]
    public void Localization_info_names_a_file_for_ja_jp_and_de_de()
    {
        Text(Manifest, "localizationInfo.defaultLanguageTag").ShouldBe("en-us");
        var additional = Manifest["localizationInfo"]!["additionalLanguages"]!.AsArray()
            .ToDictionary(l => (string)l!["languageTag"]!, l => (string)l!["file"]!);
        additional.ShouldBe(new Dictionary<string, string> { ["ja-jp"] = "ja.json", ["de-de"] = "de.json" }, ignoreOrder: true);
        foreach (var file in additional.Values)
        {
            File.Exists(Path.Combine(Folder.Value, file)).ShouldBeTrue($"{file} is missing");
        }
    }

    private static IEnumerable<(string Language, Dictionary<string, string> Texts)> AllTexts()
    {
        yield return ("en", TextKeys.ToDictionary(k => k, k => Text(Manifest, k)));
        foreach (var language in Languages)
        {
            var file = Json(language + ".json");
            yield return (language, TextKeys.ToDictionary(k => k, k => (string?)file[k] ?? ""));
        }
    }

    private static List<string> DiscordCommands()
    {
        var path = Path.Combine(Folder.Value, "..", "discord", "commands.json");
        return [.. JsonNode.Parse(File.ReadAllText(path))!.AsArray().Select(c => (string)c!["name"]!)];
    }

    /// <summary>A dotted path into the manifest, e.g. "developer.name" (Teams' own localization keys use the same form).</summary>
    private static string Text(JsonNode root, string path) =>
        (string?)path.Split('.').Aggregate((JsonNode?)root, (node, key) => node?[key]) ?? "";

    private static JsonObject Json(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder.Value, file)))!.AsObject();

    private static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Folder.Value, file));

    /// <summary>Characters as Teams counts them (code points).</summary>
    private static int Length(string? text) => (text ?? "").EnumerateRunes().Count();

    private static string FindFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException($"No Bot.sln above {AppContext.BaseDirectory}")
            : Path.Combine(dir.FullName, "manifests", "teams");
    }
}
