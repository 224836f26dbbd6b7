using System.Text.Encodings.Web;
using System.Text.Json;
using Bot.Adapters.Slack;
using Bot.Adapters.Tests.Discord;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Slack;

/// <summary>
/// Renders typical answers and compares the indented JSON with tests/Bot.Adapters.Tests/Golden/slack-*.json
/// (paste one into Block Kit Builder to see it). Set UPDATE_GOLDEN=1 to (re)write the files, then read the diff
/// before committing it.
/// </summary>
public sealed class SlackGoldenTests
{
    // Relaxed escaping keeps the files readable; the zero-width space is written as \u200B so it stays visible.
    private static readonly SlackJsonContext Indented = new(new JsonSerializerOptions(SlackJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [Fact]
    public void Servfail_code_answer() => Check("slack-rcode-servfail.json", SampleAnswers.Servfail(), "/rcode 2");

    [Fact]
    public void Servfail_fix_steps() => Check("slack-rcode-servfail-fix.json", SampleAnswers.Servfail(), "/rcode 2", focusFix: true);

    [Fact]
    public void Servfail_code_answer_in_japanese() => Check("slack-rcode-servfail-ja.json", SampleAnswers.Servfail(Locale.Ja), "/rcode 2");

    [Fact]
    public void Compare_answer() => Check("slack-compare-servfail-refused.json", SampleAnswers.Compare(), "/compare SERVFAIL REFUSED");

    [Fact]
    public void Dig_answer() => Check("slack-dig-dnssec-expired.json", SampleAnswers.Dig(), "/dig api.example.com A");

    [Fact]
    public void Hostile_text_neutralised() => Check("slack-hostile-text.json", SlackEscapingTests.HostileAnswer(), "/help");

    internal static string Json(SlackMessage message) =>
        JsonSerializer.Serialize(message, Indented.SlackMessage).Replace("\u200B", "\\u200B", StringComparison.Ordinal) + "\n";

    private static void Check(string file, Answer answer, string command, bool focusFix = false)
    {
        var message = new SlackRenderer(Knowledge.Ui).Render(answer, command, focusFix);
        BlockKitLimits.Assert(message);
        var actual = Json(message);
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

    /// <summary>The Golden folder in the source tree (so UPDATE_GOLDEN writes the checked-in files).</summary>
    private static string GoldenDirectory()
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
