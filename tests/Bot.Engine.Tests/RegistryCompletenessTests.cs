using System.Globalization;
using Bot.Engine.Knowledge;

namespace Bot.Engine.Tests;

/// <summary>Every value of every registry answers, in every language: enumerated from the registry files.</summary>
public sealed class RegistryCompletenessTests
{
    public static TheoryData<string, string, string> RegistryValues()
    {
        var data = new TheoryData<string, string, string>();
        void Add(string csv, string command)
        {
            var rows = File.ReadAllLines(Path.Combine(Repo.Knowledge, "registries", csv)).Skip(1);
            foreach (var value in rows.Select(r => r.Split(',')[0]).Distinct())
            {
                var dash = value.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0)
                {
                    // A range: its first and last value.
                    data.Add(csv, command, value[..dash]);
                    data.Add(csv, command, value[(dash + 1)..]);
                }
                else
                {
                    data.Add(csv, command, value);
                }
            }
        }

        Add("dns-rcodes.csv", "/rcode");
        Add("dns-ede.csv", "/ede");
        Add("dns-opcodes.csv", "/code opcode");
        Add("http-status.csv", "/code http");
        Add("grpc-status.csv", "/code grpc");
        Add("smtp-reply.csv", "/code smtp");
        Add("sip-response.csv", "/code sip");
        return data;
    }

    [Theory]
    [MemberData(nameof(RegistryValues))]
    public void EveryRegistryValue_Answers_InAllThreeLanguages(string csv, string command, string value)
    {
        foreach (var locale in new[] { "en", "ja", "de" })
        {
            var answer = Ask.Q($"{command} {value}", locale);
            answer.Intent.ShouldBe("code", $"{csv} {value} ({locale}): {answer.Summary}");
            answer.Codes.ShouldNotBeEmpty();
            answer.Codes[0].ShouldEndWith(":" + value, Case.Insensitive, $"{csv} {value}");
            answer.Title.ShouldNotBeNullOrWhiteSpace();
            answer.Summary.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void EverySmtpEnhancedRow_HasAnEntry()
    {
        var rows = File.ReadAllLines(Path.Combine(Repo.Knowledge, "registries", "smtp-enhanced.csv")).Skip(1).Select(r => r.Split(',')[0]);
        foreach (var value in rows)
        {
            Shared.Kb.Find(Families.SmtpEnhanced, value).ShouldNotBeNull(value);
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    [InlineData("de")]
    public void RichDnsEntries_HaveEveryFieldInEveryLanguage(string locale)
    {
        var l = Bot.Engine.Contracts.Locales.Parse(locale)!.Value;
        foreach (var entry in Shared.Kb.Codes.Values.Where(c => Families.IsRich(c.Family)))
        {
            var text = entry.Text[l];
            text.Meaning.ShouldNotBeNullOrWhiteSpace(entry.Id);
            text.When.ShouldNotBeEmpty(entry.Id);
            text.Fix.ShouldNotBeEmpty(entry.Id);
            text.Wire.ShouldNotBeNullOrWhiteSpace(entry.Id);
            entry.Equivalents.ShouldNotBeEmpty(entry.Id);
            if (l == Bot.Engine.Contracts.Locale.Ja)
            {
                Ask.HasJapanese(text.Summary).ShouldBeTrue(entry.Id);
            }
        }
    }

    [Fact]
    public void DoublyAssignedValues_HaveBothMeanings()
    {
        Shared.Kb.Codes["dns:rcode:9"].Meanings.Select(m => m.Key).ShouldBe(["zone", "tsig"], ignoreOrder: true);
        Shared.Kb.Codes["dns:rcode:16"].Meanings.Select(m => m.Name).ShouldBe(["BADVERS", "BADSIG"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(12, "unassigned")]
    [InlineData(3000, "unassigned")]
    [InlineData(3841, "private")]
    [InlineData(4095, "private")]
    [InlineData(4096, "unassigned")]
    [InlineData(65535, "reserved")]
    public void UnassignedPrivateAndReservedRcodes_AreAnsweredHonestly(int value, string kind)
    {
        var range = Shared.Kb.FindRange(Families.DnsRcode, value);
        range.ShouldNotBeNull();
        range.Kind.ToString().ToLowerInvariant().ShouldBe(kind);
        var answer = Ask.Q("/rcode " + value.ToString(CultureInfo.InvariantCulture));
        answer.Codes.ShouldBe([$"dns:rcode:{value.ToString(CultureInfo.InvariantCulture)}"]);
        answer.Title.ShouldContain(value.ToString(CultureInfo.InvariantCulture));
    }
}
