namespace Bot.Engine.Tests;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData("SERVFAIL vs REFUSED?", "en")]
    [InlineData("what's the difference between servfail and refused", "en")]
    [InlineData("SERVFAIL と REFUSED の違いは?", "ja")]
    [InlineData("SERVFAILとREFUSEDの違い", "ja")]
    [InlineData("Was ist der Unterschied zwischen SERVFAIL und REFUSED?", "de")]
    public void Comparison_InEachLanguage(string text, string locale)
    {
        var a = Ask.Q(text);
        a.Intent.ShouldBe("compare");
        a.Codes.ShouldBe(["dns:rcode:2", "dns:rcode:5"]);
        a.Locale.ToString().ToLowerInvariant().ShouldBe(locale);
    }

    [Theory]
    [InlineData("NXDOMAINとは", "dns:rcode:3", "ja")]
    [InlineData("NXDOMAIN とは何ですか", "dns:rcode:3", "ja")]
    [InlineData("Was bedeutet NXDOMAIN?", "dns:rcode:3", "de")]
    [InlineData("what does servfail mean", "dns:rcode:2", "en")]
    [InlineData("SERVFAL", "dns:rcode:2", "en")]
    [InlineData("nxdomian?", "dns:rcode:3", "en")]
    [InlineData("2", "dns:rcode:2", "en")]
    [InlineData("rcode 5", "dns:rcode:5", "en")]
    [InlineData("what is http 429", "http:status:429", "en")]
    [InlineData("smtp 550", "smtp:reply:550", "en")]
    [InlineData("550 5.1.1 user unknown", "smtp:enhanced:5.1.1", "en")]
    [InlineData("grpc UNAVAILABLE", "grpc:status:14", "en")]
    [InlineData("EDE 9", "dns:ede:9", "en")]
    [InlineData("what is the tc flag", "dns:flag:tc", "en")]
    [InlineData("NOERROR with empty answer", "dns:pseudo:nodata", "en")]
    [InlineData("what is NODATA", "dns:pseudo:nodata", "en")]
    [InlineData("BADVERS", "dns:rcode:16", "en")]
    [InlineData("what's 451 in smtp", "smtp:reply:451", "en")]
    [InlineData("SIP 503 ですか", "sip:response:503", "ja")]
    public void Code_FromFreeText(string text, string id, string locale)
    {
        var a = Ask.Q(text);
        a.Intent.ShouldBe("code");
        a.Codes[0].ShouldBe(id);
        a.Locale.ToString().ToLowerInvariant().ShouldBe(locale);
    }

    [Theory]
    [InlineData("what's the HTTP equivalent of SERVFAIL", "http:status:")]
    [InlineData("SERVFAIL に相当する HTTP ステータスは?", "http:status:")]
    [InlineData("Welcher gRPC-Status entspricht SERVFAIL?", "grpc:status:")]
    [InlineData("smtp equivalent of NXDOMAIN", "smtp:")]
    public void Equivalent_LeadsWithTheNamedProtocol(string text, string prefix)
    {
        var a = Ask.Q(text);
        a.Intent.ShouldBe("code");
        a.Codes[0].ShouldStartWith("dns:rcode:");
        a.Codes.Skip(1).ShouldContain(c => c.StartsWith(prefix, StringComparison.Ordinal));
        a.Sections.Single(s => s.Key == "equivalents").Lines[0].ShouldContain(prefix.Split(':')[0].ToUpperInvariant(), Case.Insensitive);
    }

    [Theory]
    [InlineData("what is a glue record", "glossary:glue-record")]
    [InlineData("TTLとは", "glossary:ttl")]
    [InlineData("Was ist eine Lame Delegation?", "glossary:lame-delegation")]
    [InlineData("explain QNAME minimisation", "glossary:qname-minimisation")]
    public void Glossary_FromFreeText(string text, string id)
    {
        var a = Ask.Q(text);
        a.Intent.ShouldBe("glossary");
        a.Title.ShouldBe(Shared.Kb.Glossary[id].Text[a.Locale].Title);
    }

    [Theory]
    [InlineData("why does api.example.com fail?")]
    [InlineData("check example.com MX")]
    [InlineData("dig example.com")]
    [InlineData("なぜ api.example.com は SERVFAIL?")]
    public void LiveCheckRequests_AreRecognised(string text)
    {
        var a = Ask.Q(text);
        a.Intent.ShouldBe("dig");
        a.Summary.ShouldContain("example.com");
    }

    [Theory]
    [InlineData("asdkjh qwe zzz")]
    [InlineData("hello there")]
    public void Gibberish_IsUnknown_WithHelp(string text)
    {
        var a = Ask.Q(text);
        a.Intent.ShouldBe("unknown");
        a.Actions.ShouldContain(x => x.Command == "/help");
    }

    [Fact]
    public void ExplicitLocale_WinsOverTheScript() => Ask.Q("NXDOMAINとは", "de").Locale.ShouldBe(Bot.Engine.Contracts.Locale.De);
}
