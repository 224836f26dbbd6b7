using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Adapters.Slack;
using YamlDotNet.RepresentationModel;

namespace Bot.Adapters.Tests.Slack;

/// <summary>
/// Lints manifests/slack/manifest.yaml: the limits of Slack's v1 manifest schema
/// (https://github.com/slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json), the three request URLs,
/// the scopes every subscribed event needs, and one Slack command for every Discord command.
/// </summary>
public sealed partial class SlackManifestTests
{
    private const string CommandsUrl = "https://{{HOST}}/slack/commands";
    private const string EventsUrl = "https://{{HOST}}/slack/events";
    private const string InteractivityUrl = "https://{{HOST}}/slack/interactivity";

    private static readonly string[] ExpectedCommands = ["/rcode", "/ede", "/compare", "/dig", "/guide", "/glossary", "/dnshelp"];
    private static readonly string[] ExpectedEvents = ["app_mention", "message.im", "message.channels", "message.groups"];

    /// <summary>The scope each bot event needs (https://docs.slack.dev/reference/events).</summary>
    private static readonly Dictionary<string, string> EventScopes = new()
    {
        ["app_mention"] = "app_mentions:read",
        ["message.im"] = "im:history",
        ["message.channels"] = "channels:history",
        ["message.groups"] = "groups:history",
    };

    private static readonly Lazy<YamlMappingNode> Manifest = new(Load);

    [GeneratedRegex("^/[a-z0-9_-]{1,31}$")]
    private static partial Regex CommandPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$")]
    private static partial Regex Colour();

    private static YamlMappingNode Root => Manifest.Value;

    [Fact]
    public void Display_information_fits_the_schema()
    {
        var display = Map(Root, "display_information");
        Str(display, "name").Length.ShouldBeInRange(1, 35);
        Str(display, "description").Length.ShouldBeInRange(1, 140);
        Str(display, "long_description").Length.ShouldBeInRange(175, 4000);
        Colour().IsMatch(Str(display, "background_color")).ShouldBeTrue();
        Str(Map(Root, "_metadata"), "major_version").ShouldBe("1");
    }

    [Fact]
    public void The_bot_user_is_always_online_and_direct_messages_are_allowed()
    {
        var bot = Map(Map(Root, "features"), "bot_user");
        Str(bot, "display_name").Length.ShouldBeInRange(1, 80);
        Str(bot, "always_online").ShouldBe("true");

        var home = Map(Map(Root, "features"), "app_home");
        Str(home, "messages_tab_enabled").ShouldBe("true", "message.im needs the Messages tab");
        Str(home, "messages_tab_read_only_enabled").ShouldBe("false");
    }

    [Fact]
    public void Slash_commands_are_exactly_the_bot_commands_and_post_to_the_commands_url()
    {
        var commands = Commands().ToList();
        commands.Select(c => Str(c, "command")).ShouldBe(ExpectedCommands, ignoreOrder: true);
        foreach (var command in commands)
        {
            var name = Str(command, "command");
            CommandPattern().IsMatch(name).ShouldBeTrue($"{name}: 2–32 characters, lowercase, starting with /");
            Str(command, "url").ShouldBe(CommandsUrl, name);
            Str(command, "description").Length.ShouldBeInRange(1, 100, $"{name}: Slack allows 2000, the picker shows about one line");
            Str(command, "usage_hint").Length.ShouldBeInRange(1, 1000, name);
            Str(command, "should_escape").ShouldBe("false", name);
        }
    }

    [Fact]
    public void Help_is_dnshelp_because_a_bare_help_is_too_generic()
    {
        Commands().Select(c => Str(c, "command")).ShouldNotContain("/help");
        SlackCommands.ToEngine["/dnshelp"].ShouldBe("help");
    }

    [Fact]
    public void Every_discord_command_has_a_slack_command_and_the_table_matches_the_manifest()
    {
        var discord = JsonNode.Parse(File.ReadAllText(RepoFile("manifests", "discord", "commands.json")))!.AsArray()
            .Select(c => (string)c!["name"]!)
            .ToList();

        SlackCommands.ToEngine.Keys.ShouldBe(Commands().Select(c => Str(c, "command")), ignoreOrder: true);
        SlackCommands.ToEngine.Values.ShouldBe(discord, ignoreOrder: true);
    }

    [Theory]
    [InlineData("/rcode", "2", "/rcode 2")]
    [InlineData("/compare", "  SERVFAIL REFUSED ", "/compare SERVFAIL REFUSED")]
    [InlineData("/dnshelp", "", "/help")]
    [InlineData("/guide", null, "/guide")]
    [InlineData("/DIG", "example.com AAAA", "/dig example.com AAAA")]
    public void Slack_commands_map_to_engine_text(string command, string? text, string expected)
    {
        SlackCommands.TryEngineText(command, text, out var engineText).ShouldBeTrue();
        engineText.ShouldBe(expected);
    }

    [Theory]
    [InlineData("/help")]
    [InlineData("/scenario")]
    [InlineData("rcode")]
    [InlineData(null)]
    public void Other_commands_are_not_ours(string? command)
    {
        SlackCommands.TryEngineText(command, "2", out _).ShouldBeFalse();
    }

    [Fact]
    public void Bot_scopes_cover_the_commands_and_every_subscribed_event_and_nothing_unused()
    {
        var scopes = List(Map(Map(Root, "oauth_config"), "scopes"), "bot").ToList();
        scopes.ShouldBeUnique();
        scopes.ShouldBe(
            ["commands", "chat:write", "app_mentions:read", "im:history", "channels:history", "groups:history", "reactions:write", "users:read"],
            ignoreOrder: true);
        foreach (var e in List(Map(Map(Root, "settings"), "event_subscriptions"), "bot_events"))
        {
            scopes.ShouldContain(EventScopes[e], $"{e} needs {EventScopes[e]}");
        }
    }

    [Fact]
    public void Events_go_to_the_events_url()
    {
        var events = Map(Map(Root, "settings"), "event_subscriptions");
        Str(events, "request_url").ShouldBe(EventsUrl);
        List(events, "bot_events").ShouldBe(ExpectedEvents, ignoreOrder: true);
    }

    [Fact]
    public void Interactivity_is_on_and_goes_to_the_interactivity_url()
    {
        var interactivity = Map(Map(Root, "settings"), "interactivity");
        Str(interactivity, "is_enabled").ShouldBe("true");
        Str(interactivity, "request_url").ShouldBe(InteractivityUrl);
    }

    [Fact]
    public void Http_delivery_without_org_deploy_socket_mode_or_token_rotation()
    {
        var settings = Map(Root, "settings");
        Str(settings, "org_deploy_enabled").ShouldBe("false");
        Str(settings, "socket_mode_enabled").ShouldBe("false");
        Str(settings, "token_rotation_enabled").ShouldBe("false");
    }

    [Fact]
    public void Every_url_is_https_on_the_host_placeholder()
    {
        var urls = Scalars(Root).Where(s => s.Contains("://", StringComparison.Ordinal) && !s.Contains(' ', StringComparison.Ordinal)).ToList();
        urls.ShouldNotBeEmpty();
        urls.ShouldAllBe(u => u.StartsWith("https://{{HOST}}/slack/", StringComparison.Ordinal) && u.Length <= 3000);
    }

    private static IEnumerable<YamlMappingNode> Commands() =>
        ((YamlSequenceNode)Map(Root, "features").Children[new YamlScalarNode("slash_commands")]).Children.Cast<YamlMappingNode>();

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode map
            ? map
            : throw new ShouldAssertException($"missing mapping '{key}'");

    private static string Str(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlScalarNode { Value: { } value }
            ? value
            : throw new ShouldAssertException($"missing value '{key}'");

    private static IEnumerable<string> List(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlSequenceNode list
            ? list.Children.Select(c => ((YamlScalarNode)c).Value!)
            : throw new ShouldAssertException($"missing list '{key}'");

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } value } => [value],
        YamlMappingNode map => map.Children.Values.SelectMany(Scalars),
        YamlSequenceNode list => list.Children.SelectMany(Scalars),
        _ => [],
    };

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(RepoFile("manifests", "slack", "manifest.yaml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException($"No Bot.sln above {AppContext.BaseDirectory}");
    }
}
