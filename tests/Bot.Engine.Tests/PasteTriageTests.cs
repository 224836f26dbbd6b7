namespace Bot.Engine.Tests;

public sealed class PasteTriageTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "paste", name));

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    [InlineData("de")]
    public void DigServfailWithEde9_ExplainsBothAndSuggestsTheDsCheck(string locale)
    {
        var a = Ask.Q(Fixture("dig-servfail-ede9.txt"), locale);
        a.Intent.ShouldBe("code");
        a.Recognizer.ShouldBe("dig");
        a.Codes.ShouldBe(["dns:rcode:2", "dns:ede:9"]);
        a.Facts.ShouldContain(f => f.Value == "192.0.2.53");
        a.Facts.ShouldContain(f => f.Value == "api.example.com A");
        var next = a.Sections.Single(s => s.Key == "next").Lines;
        next.ShouldContain("dig DS api.example.com +short");
        string.Join('\n', a.Sections.Single(s => s.Key == "shows").Lines).ShouldContain("No DNSKEY matches DS RRs of example.com");
    }

    [Fact]
    public void DigNoerrorWithoutAnswers_IsNodata()
    {
        var a = Ask.Q(Fixture("dig-nodata.txt"));
        a.Codes.ShouldBe(["dns:pseudo:nodata"]);
        a.Sections.Single(s => s.Key == "next").Lines.ShouldContain(l => l.Contains("SOA", StringComparison.Ordinal));
    }

    [Fact]
    public void DigRefusedWithoutRa_SaysTheServerDoesNotRecurse()
    {
        var a = Ask.Q(Fixture("dig-refused-auth.txt"));
        a.Codes.ShouldBe(["dns:rcode:5", "dns:ede:20"]);
        a.Sections.Single(s => s.Key == "shows").Lines.ShouldContain(l => l.StartsWith("`rd` without `ra`", StringComparison.Ordinal));
        a.Sections.Single(s => s.Key == "next").Lines.ShouldContain("dig +norecurse www.example.org @198.51.100.7");
    }

    [Fact]
    public void DigTimeout_IsNotTakenAsProofOfDowntime()
    {
        var a = Ask.Q(Fixture("dig-timeout.txt"));
        a.Severity.ShouldBe(Bot.Engine.Contracts.Severity.Error);
        a.Summary.ShouldContain("does not prove");
        a.Sections.Single(s => s.Key == "next").Lines.ShouldNotBeEmpty();
    }

    [Fact]
    public void DigTruncated_RecommendsTcp()
    {
        var a = Ask.Q(Fixture("dig-truncated.txt"));
        a.Sections.Single(s => s.Key == "shows").Lines.ShouldContain(l => l.Contains("dig +tcp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kdig-nxdomain.txt", "kdig", "dns:rcode:3")]
    [InlineData("kdig-servfail-ede22.txt", "kdig", "dns:rcode:2")]
    [InlineData("drill-nxdomain.txt", "drill", "dns:rcode:3")]
    [InlineData("host-servfail.txt", "host", "dns:rcode:2")]
    [InlineData("nslookup-nxdomain.txt", "nslookup", "dns:rcode:3")]
    [InlineData("nslookup-windows-nxdomain.txt", "nslookup", "dns:rcode:3")]
    public void OtherTools_AreRecognised(string file, string tool, string code)
    {
        foreach (var locale in new[] { "en", "ja", "de" })
        {
            var a = Ask.Q(Fixture(file), locale);
            a.Recognizer.ShouldBe(tool);
            a.Codes[0].ShouldBe(code);
        }
    }

    [Fact]
    public void KdigEde_IsRead()
    {
        var a = Ask.Q(Fixture("kdig-servfail-ede22.txt"));
        a.Codes.ShouldContain("dns:ede:22");
        a.Facts.ShouldContain(f => f.Value == "127.0.0.1");
    }

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Repo.Knowledge, "triage", "samples.txt")).Where(l => l.Contains('\t', StringComparison.Ordinal)))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            data.Add(line[..tab], line[(tab + 1)..]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void LogAndErrorSamples_AreRecognisedByTheirPattern(string id, string sample)
    {
        foreach (var locale in new[] { "en", "ja", "de" })
        {
            var a = Ask.Q(sample, locale);
            a.Recognizer.ShouldBe(id, sample);
            a.Codes.ShouldNotBeEmpty();
            a.Title.ShouldBe(Shared.Kb.Triage.Single(t => t.Id == id).Text[a.Locale].Title);
            a.Sections.Single(s => s.Key == "next").Lines.ShouldNotBeEmpty();
        }
    }

    [Theory]
    [InlineData("what is SERVFAIL")]
    [InlineData("SERVFAIL vs REFUSED?")]
    [InlineData("why does example.com fail?")]
    [InlineData("NXDOMAINとは")]
    public void Questions_AreNotMistakenForPastes(string text) => Ask.Q(text).Recognizer.ShouldBeNull();

    [Fact]
    public void PastedNames_CannotSmuggleShellSyntaxIntoSuggestedCommands()
    {
        var paste = Fixture("dig-servfail-ede9.txt").Replace(";api.example.com.", ";$(rm${IFS}-rf).example.com.", StringComparison.Ordinal);
        var a = Ask.Q(paste);
        a.Sections.Single(s => s.Key == "next").Lines.ShouldAllBe(l => !l.Contains("$(", StringComparison.Ordinal));
    }
}
