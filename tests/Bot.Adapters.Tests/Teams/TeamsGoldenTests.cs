using System.Text.Json;
using Bot.Adapters.Teams.Cards;
using Bot.Adapters.Tests.Discord;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Teams;

/// <summary>
/// Renders typical answers and compares the indented JSON with tests/Bot.Adapters.Tests/Golden/teams-*.json.
/// Set UPDATE_GOLDEN=1 to (re)write the files, then read the diff before committing it.
/// </summary>
public sealed class TeamsGoldenTests
{
    /// <summary>The golden cases: file, answer, command, fix view. The schema tests validate them too.</summary>
    internal static readonly IReadOnlyList<(string File, Func<Answer> Answer, string Command, bool FocusFix)> Cases =
    [
        ("teams-rcode-servfail.json", () => SampleAnswers.Servfail(), "/rcode 2", false),
        ("teams-rcode-servfail-fix.json", () => SampleAnswers.Servfail(), "/rcode 2", true),
        ("teams-rcode-servfail-ja.json", () => SampleAnswers.Servfail(Locale.Ja), "/rcode 2", false),
        ("teams-compare-servfail-refused.json", SampleAnswers.Compare, "/compare SERVFAIL REFUSED", false),
        ("teams-dig-dnssec-expired.json", SampleAnswers.Dig, "/dig api.example.com A", false),
    ];

    // The wire options, indented; the invisible characters the renderer inserts are written as escapes so they show.
    private static readonly TeamsCardJsonContext Indented = new(new JsonSerializerOptions(TeamsCardJson.Context.Options) { WriteIndented = true });

    public static TheoryData<string> Files => [.. Cases.Select(c => c.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Card_matches_its_golden_file(string file)
    {
        var (_, answer, command, focusFix) = Cases.Single(c => c.File == file);
        var actual = Json(new TeamsCardRenderer(Knowledge.Ui).Render(answer(), command, focusFix));
        var path = Path.Combine(GoldenDirectory(), file);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run the tests once with UPDATE_GOLDEN=1 and review the file");
        actual.ShouldBe(File.ReadAllText(path).ReplaceLineEndings("\n"), $"{file} differs; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff");
    }

    internal static string Json(AdaptiveCard card) =>
        JsonSerializer.Serialize(card, Indented.AdaptiveCard)
            .Replace("\u200B", "\\u200B", StringComparison.Ordinal)
            .Replace("\u00A0", "\\u00A0", StringComparison.Ordinal) + "\n";

    /// <summary>The Golden folder in the source tree (so UPDATE_GOLDEN writes the checked-in files).</summary>
    internal static string GoldenDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Bot.Adapters.Tests", "Golden");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "Golden");
    }
}
