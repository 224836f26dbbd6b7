using Bot.Engine.Contracts;

namespace Bot.Engine.Tests;

/// <summary>What adapters that answer unasked (a Discord triage channel) rely on: sure of pastes, never of chatter.</summary>
public sealed class PasteConfidenceTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "paste", name));

    [Theory]
    [InlineData("dig-nodata.txt")]
    [InlineData("dig-refused-auth.txt")]
    [InlineData("dig-servfail-ede9.txt")]
    [InlineData("dig-truncated.txt")]
    [InlineData("drill-nxdomain.txt")]
    [InlineData("kdig-nxdomain.txt")]
    [InlineData("kdig-servfail-ede22.txt")]
    public void DigLikeOutput_IsHigh(string fixture) =>
        Shared.Engine.RecognisePaste(Fixture(fixture)).ShouldBe(PasteConfidence.High);

    [Theory]
    [InlineData("dig-timeout.txt")]
    [InlineData("host-servfail.txt")]
    [InlineData("nslookup-nxdomain.txt")]
    public void OneLineForms_AreLow(string fixture) =>
        Shared.Engine.RecognisePaste(Fixture(fixture)).ShouldBe(PasteConfidence.Low);

    [Theory]
    [MemberData(nameof(PasteTriageTests.Samples), MemberType = typeof(PasteTriageTests))]
    public void EveryTriageSample_IsHigh(string id, string sample) =>
        Shared.Engine.RecognisePaste(sample).ShouldBe(PasteConfidence.High, id);

    [Theory]
    [InlineData("")]
    [InlineData("anyone looking at the SERVFAIL alerts?")]
    [InlineData("what does NXDOMAIN mean")]
    [InlineData("/rcode 2")]
    [InlineData("SERVFAIL vs REFUSED?")]
    [InlineData("lunch?")]
    public void Chatter_IsNone(string text) =>
        Shared.Engine.RecognisePaste(text).ShouldBe(PasteConfidence.None);
}
