using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Bot.Host.Tests;

/// <summary>The `package-teams` verb as a whole process: the zip Teams receives, and the answers to bad arguments.</summary>
public sealed class PackageTeamsTests : IDisposable
{
    private const string AppId = "6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    private static readonly string[] PackageFiles = ["manifest.json", "color.png", "outline.png", "ja.json", "de.json"];

    private readonly string folder = Directory.CreateTempSubdirectory("teams-package-").FullName;

    private string Zip => Path.Combine(folder, "app.zip");

    private static string Source(string file) => Path.Combine(AppContext.BaseDirectory, "manifests", "teams", file);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void PackageTeams_WritesTheFilesAtTheZipRoot_WithThePlaceholdersReplaced()
    {
        var (exit, output, error) = CliProcess.Run("", "package-teams", "--app-id", AppId.ToUpperInvariant(), "--host", "Bot.Example.org.", "--out", Zip);

        exit.ShouldBe(0, error);
        output.ShouldContain($"Wrote {Zip}");
        output.ShouldContain("https://bot.example.org/api/messages");
        using var zip = ZipFile.OpenRead(Zip);
        zip.Entries.Select(e => e.FullName).ShouldBe(PackageFiles, ignoreOrder: true);
        var texts = zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)).ToDictionary(e => e.Name, Read);
        texts.Values.ShouldAllBe(text => !text.Contains("{{", StringComparison.Ordinal));

        var manifest = JsonNode.Parse(texts["manifest.json"])!;
        ((string?)manifest["id"]).ShouldBe(AppId);
        ((string?)manifest["bots"]![0]!["botId"]).ShouldBe(AppId);
        manifest["validDomains"]!.AsArray().Select(d => (string?)d).ShouldBe(["bot.example.org"]);
        ((string?)manifest["developer"]!["websiteUrl"]).ShouldBe("https://example.com/dns-triage-bot");
        texts["ja.json"].ShouldBe(File.ReadAllText(Source("ja.json")));
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Bytes(zip.GetEntry(icon)!).ShouldBe(File.ReadAllBytes(Source(icon)), icon);
        }
    }

    [Fact]
    public void PackageTeams_DeveloperUrl_SetsWebsitePrivacyAndTermsPages()
    {
        var (exit, _, error) = CliProcess.Run(
            "", "package-teams", "--app-id", AppId, "--out", Zip, "--developer-url", "https://dns.example.net/bot/",
            "--terms-url", "https://legal.example.net/terms", "--developer-name", "Example Net Ops");

        exit.ShouldBe(0, error);
        using var zip = ZipFile.OpenRead(Zip);
        var developer = JsonNode.Parse(Read(zip.GetEntry("manifest.json")!))!["developer"]!;
        ((string?)developer["name"]).ShouldBe("Example Net Ops");
        ((string?)developer["websiteUrl"]).ShouldBe("https://dns.example.net/bot/");
        ((string?)developer["privacyUrl"]).ShouldBe("https://dns.example.net/bot/privacy");
        ((string?)developer["termsOfUseUrl"]).ShouldBe("https://legal.example.net/terms");
    }

    [Fact]
    public void PackageTeams_WithoutHost_LeavesValidDomainsEmpty()
    {
        var (exit, output, _) = CliProcess.Run("", "package-teams", "--app-id", AppId, "--out", Zip);

        exit.ShouldBe(0);
        output.ShouldContain("No --host");
        using var zip = ZipFile.OpenRead(Zip);
        JsonNode.Parse(Read(zip.GetEntry("manifest.json")!))!["validDomains"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--app-id must be the Azure Bot's Microsoft App ID, a GUID", "--app-id", "not-a-guid")]
    [InlineData("--app-id must be the Azure Bot's Microsoft App ID, a GUID", "--app-id", "00000000-0000-0000-0000-000000000000")]
    [InlineData("--app-id is required", "--host", "bot.example.org")]
    [InlineData("--host takes the bot's host name such as bot.example.org, not a URL", "--app-id", AppId, "--host", "https://bot.example.org/api/messages")]
    [InlineData("--host must be a fully qualified DNS name", "--app-id", AppId, "--host", "bot_example..org")]
    [InlineData("Teams does not accept IP addresses", "--app-id", AppId, "--host", "192.0.2.1")]
    [InlineData("--developer-url must be an absolute https:// URL", "--app-id", AppId, "--developer-url", "http://example.org")]
    [InlineData("--out must name a .zip file", "--app-id", AppId, "--out", "app.tar")]
    [InlineData("Unrecognized command or argument '--app'", "--app", AppId)]
    public void PackageTeams_BadArgument_Exits2WithAClearMessage(string message, params string[] args)
    {
        var (exit, output, error) = CliProcess.Run("", ["package-teams", .. args]);

        exit.ShouldBe(2);
        error.ShouldContain(message);
        error.ShouldNotContain("   at ", customMessage: "no stack trace");
        output.ShouldBeEmpty();
        File.Exists(Zip).ShouldBeFalse();
    }

    private static string Read(ZipArchiveEntry entry) => Encoding.UTF8.GetString(Bytes(entry));

    private static byte[] Bytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
