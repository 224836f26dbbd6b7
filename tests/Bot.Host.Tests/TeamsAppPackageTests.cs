using Bot.Host.Cli;

namespace Bot.Host.Tests;

/// <summary>The package builder over a broken copy of manifests/teams: each problem is named, nothing half-built.</summary>
public sealed class TeamsAppPackageTests : IDisposable
{
    private static readonly TeamsPackageSettings Settings = new(Guid.Parse("6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b"), "bot.example.org", null, null, null, null);

    private readonly string source = Directory.CreateTempSubdirectory("teams-source-").FullName;

    public TeamsAppPackageTests()
    {
        foreach (var file in Directory.GetFiles(TeamsAppPackage.DefaultSource))
        {
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(source, recursive: true);

    [Fact]
    public void Build_TheShippedFolder_GivesManifestIconsAndLanguages()
    {
        TeamsAppPackage.Build(source, Settings).Select(e => e.Name).ShouldBe(["manifest.json", "color.png", "outline.png", "ja.json", "de.json"]);
    }

    [Fact]
    public void Build_MissingIcon_SaysWhichFile()
    {
        File.Delete(Path.Combine(source, "outline.png"));
        Should.Throw<TeamsPackageException>(() => TeamsAppPackage.Build(source, Settings)).Message.ShouldContain("outline.png is missing");
    }

    [Fact]
    public void Build_IconOfTheWrongSize_SaysTheSizes()
    {
        File.Copy(Path.Combine(source, "outline.png"), Path.Combine(source, "color.png"), overwrite: true);
        Should.Throw<TeamsPackageException>(() => TeamsAppPackage.Build(source, Settings)).Message.ShouldBe("color.png must be 192×192 pixels (is 32×32).");
    }

    [Fact]
    public void Build_UnknownPlaceholder_IsNotShippedToTeams()
    {
        Edit("manifest.json", "\"accentColor\": \"#1E5AA8\"", "\"accentColor\": \"{{ACCENT}}\"");
        Should.Throw<TeamsPackageException>(() => TeamsAppPackage.Build(source, Settings)).Message.ShouldContain("{{ACCENT}}");
    }

    [Fact]
    public void Build_IconInAFolder_IsRefused_BecauseTeamsReadsOnlyTheZipRoot()
    {
        Edit("manifest.json", "\"color\": \"color.png\"", "\"color\": \"icons/color.png\"");
        Should.Throw<TeamsPackageException>(() => TeamsAppPackage.Build(source, Settings)).Message.ShouldContain("package root");
    }

    [Fact]
    public void Build_BrokenLocalizationJson_NamesTheFile()
    {
        File.WriteAllText(Path.Combine(source, "de.json"), "{ \"name.short\": ");
        Should.Throw<TeamsPackageException>(() => TeamsAppPackage.Build(source, Settings)).Message.ShouldStartWith("de.json is not valid JSON");
    }

    private void Edit(string file, string from, string to)
    {
        var path = Path.Combine(source, file);
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
