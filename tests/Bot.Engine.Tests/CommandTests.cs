namespace Bot.Engine.Tests;

public sealed class CommandTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    [InlineData("de")]
    public void Rcode2_AnswersServfail_WithMeaningCausesFixWireAndEquivalents(string locale)
    {
        var a = Ask.Q("/rcode 2", locale);
        a.Intent.ShouldBe("code");
        a.Locale.ToString().ToLowerInvariant().ShouldBe(locale);
        a.Codes.ShouldBe(["dns:rcode:2"]);
        a.Title.ShouldContain("SERVFAIL");
        a.Sections.Select(s => s.Key).ShouldBeSubsetOf(["meaning", "when", "fix", "wire", "equivalents", "related", "meanings", "rcodes", "parts", "also", "provisional"]);
        foreach (var key in new[] { "meaning", "when", "fix", "wire", "equivalents" })
        {
            a.Sections.ShouldContain(s => s.Key == key, key);
        }

        a.Sections.Single(s => s.Key == "fix").Lines.ShouldContain(l => l.Contains("dig", StringComparison.Ordinal));
        a.Links.ShouldContain(l => l.Url.StartsWith("https://www.rfc-editor.org/rfc/rfc1035", StringComparison.Ordinal));
        a.Links.ShouldContain(l => l.Url.StartsWith("http://bot.test/guides/", StringComparison.Ordinal));
        if (locale == "ja")
        {
            Ask.HasJapanese(a.Summary).ShouldBeTrue();
        }
    }

    [Fact]
    public void Rcode_InThreeLanguages_GivesThreeDifferentTexts()
    {
        var texts = new[] { "en", "ja", "de" }.Select(l => Ask.Q("/rcode 3", l).Summary).ToList();
        texts.Distinct().Count().ShouldBe(3);
    }

    [Theory]
    [InlineData("/rcode servfail", "dns:rcode:2")]
    [InlineData("/rcode SERVFAL", "dns:rcode:2")]
    [InlineData("/rcode NXDomain", "dns:rcode:3")]
    [InlineData("/rcode refused", "dns:rcode:5")]
    [InlineData("/rcode BADCOOKIE", "dns:rcode:23")]
    [InlineData("/rcode nodata", "dns:pseudo:nodata")]
    [InlineData("/RCODE 0", "dns:rcode:0")]
    public void Rcode_AcceptsNamesAnyCaseAndTypos(string input, string id) => Ask.Q(input).Codes[0].ShouldBe(id);

    [Fact]
    public void Rcode9_ShowsBothRegistrations()
    {
        var a = Ask.Q("/rcode 9");
        var meanings = a.Sections.Single(s => s.Key == "meanings");
        meanings.Lines.Count.ShouldBe(2);
        a.Links.ShouldContain(l => l.Title.StartsWith("RFC 2136", StringComparison.Ordinal));
        a.Links.ShouldContain(l => l.Title.StartsWith("RFC 8945", StringComparison.Ordinal));
    }

    [Fact]
    public void BareBadvers_IsTheCodeNotAComparison()
    {
        var a = Ask.Q("BADVERS");
        a.Intent.ShouldBe("code");
        a.Summary.ShouldStartWith("BADVERS");
    }

    [Fact]
    public void RcodeByName_BadsigLeadsWithTheTsigMeaning()
    {
        var a = Ask.Q("/rcode BADSIG");
        a.Codes[0].ShouldBe("dns:rcode:16");
        a.Summary.ShouldStartWith("BADSIG");
        a.Sections.Single(s => s.Key == "meanings").Lines[0].ShouldStartWith("`BADSIG`");
    }

    [Theory]
    [InlineData("/rcode 70000")]
    [InlineData("/rcode FOOBAR")]
    public void Rcode_Unknown_SaysSoWithHelp(string input)
    {
        var a = Ask.Q(input);
        a.Intent.ShouldBe("unknown");
        a.Actions.ShouldContain(x => x.Command == "/help");
    }

    [Theory]
    [InlineData("/ede 9", "dns:ede:9")]
    [InlineData("/ede DNSKEY Missing", "dns:ede:9")]
    [InlineData("/ede 22", "dns:ede:22")]
    [InlineData("/ede 50000", "dns:ede:50000")]
    public void Ede_ByNumberOrName(string input, string id) => Ask.Q(input).Codes[0].ShouldBe(id);

    [Fact]
    public void Ede_NamesTheRcodeItUsuallyComesWith()
    {
        var a = Ask.Q("/ede 7");
        a.Sections.ShouldContain(s => s.Key == "rcodes" && s.Lines.Any(l => l.Contains("SERVFAIL", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/code http 503", "http:status:503")]
    [InlineData("/code HTTP 418", "http:status:418")]
    [InlineData("/code grpc 14", "grpc:status:14")]
    [InlineData("/code grpc UNAVAILABLE", "grpc:status:14")]
    [InlineData("/code sip 486", "sip:response:486")]
    [InlineData("/code smtp 550", "smtp:reply:550")]
    [InlineData("/code smtp 5.1.1", "smtp:enhanced:5.1.1")]
    [InlineData("/code smtp 4.4.3", "smtp:enhanced:4.4.3")]
    [InlineData("/code opcode 5", "dns:opcode:5")]
    [InlineData("/code flag tc", "dns:flag:tc")]
    [InlineData("/code 503", "http:status:503")]
    public void Code_AnyProtocol(string input, string id) => Ask.Q(input).Codes[0].ShouldBe(id);

    [Fact]
    public void Code_SmtpEnhancedDetail_ExplainsClassAndDetail()
    {
        var a = Ask.Q("/code smtp 5.1.1");
        a.Codes.ShouldContain("smtp:enhanced:X.1.1");
        a.Codes.ShouldContain("smtp:enhanced:5.XXX.YYY");
        a.Title.ShouldContain("5.1.1");
    }

    [Fact]
    public void Code_UnknownProtocol_ExplainsUsage()
    {
        var a = Ask.Q("/code ftp 550");
        a.Intent.ShouldBe("error");
        a.Summary.ShouldContain("/code");
    }

    [Fact]
    public void BareNumberThatExistsInSeveralProtocols_PicksHttpAndListsTheOthers()
    {
        var a = Ask.Q("503");
        a.Codes[0].ShouldBe("http:status:503");
        a.Sections.Single(s => s.Key == "also").Lines.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("/compare 2 5", "dns:rcode:2", "dns:rcode:5")]
    [InlineData("/compare SERVFAIL NXDOMAIN", "dns:rcode:2", "dns:rcode:3")]
    [InlineData("/compare SERVFAIL http 503", "dns:rcode:2", "http:status:503")]
    public void Compare_TwoCodes(string input, string a, string b)
    {
        var answer = Ask.Q(input);
        answer.Intent.ShouldBe("compare");
        answer.Codes.ShouldBe([a, b]);
        answer.Sections.ShouldContain(s => s.Key == "differences");
        answer.Sections.ShouldContain(s => s.Key == "meaning");
    }

    [Fact]
    public void Compare_OneCode_ExplainsUsage() => Ask.Q("/compare 2").Intent.ShouldBe("error");

    [Fact]
    public void Compare_TheTwoNotauths()
    {
        var a = Ask.Q("/compare NOTAUTH NOTAUTH");
        a.Intent.ShouldBe("compare");
        a.Codes.ShouldBe(["dns:rcode:9"]);
        a.Summary.ShouldBe(Shared.Kb.FindComparison("dns:rcode:9#zone", "dns:rcode:9#tsig")!.Text.En.Summary);
    }

    [Theory]
    [InlineData("dns:rcode:2", "dns:rcode:5")]
    [InlineData("dns:rcode:2", "dns:rcode:3")]
    [InlineData("dns:rcode:3", "dns:pseudo:nodata")]
    [InlineData("dns:rcode:4", "dns:rcode:5")]
    [InlineData("dns:rcode:1", "dns:rcode:4")]
    [InlineData("dns:rcode:1", "dns:rcode:16#badvers")]
    [InlineData("dns:rcode:9#zone", "dns:rcode:9#tsig")]
    [InlineData("dns:rcode:6", "dns:rcode:7")]
    [InlineData("dns:rcode:8", "dns:rcode:3")]
    [InlineData("dns:rcode:16#badsig", "dns:rcode:17")]
    [InlineData("dns:rcode:18", "dns:rcode:16#badsig")]
    [InlineData("dns:rcode:23", "dns:rcode:5")]
    [InlineData("dns:rcode:2", "dns:rcode:11")]
    [InlineData("dns:rcode:2", "dns:rcode:4")]
    public void CuratedPairs_AreUsedByCompare(string a, string b)
    {
        var curated = Shared.Kb.FindComparison(a, b);
        curated.ShouldNotBeNull($"{a} / {b}");
        foreach (var locale in new[] { "en", "ja", "de" })
        {
            var answer = Ask.Q($"/compare {a} {b}", locale);
            answer.Intent.ShouldBe("compare");
            answer.Summary.ShouldBe(curated.Text[Bot.Engine.Contracts.Locales.Parse(locale)!.Value].Summary);
            answer.Sections.Single(s => s.Key == "differences").Lines.ShouldBe(curated.Text[Bot.Engine.Contracts.Locales.Parse(locale)!.Value].Points);
        }
    }

    [Fact]
    public void Guide_ListsAllGuides_AndOneGuideHasContentsAndLink()
    {
        var list = Ask.Q("/guide");
        list.Intent.ShouldBe("guide");
        list.Links.Count.ShouldBe(8);
        var dnssec = Ask.Q("/guide dnssec", "de");
        dnssec.Intent.ShouldBe("guide");
        dnssec.Links.Single().Url.ShouldBe("http://bot.test/guides/dnssec?lang=de");
        dnssec.Sections.Single(s => s.Key == "contents").Lines.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("/glossary ttl", "glossary:ttl")]
    [InlineData("/glossary glue record", "glossary:glue-record")]
    [InlineData("/glossary lame delegation", "glossary:lame-delegation")]
    [InlineData("/glossary EDNS(0)", "glossary:edns0")]
    public void Glossary_FindsTerms(string input, string id)
    {
        var a = Ask.Q(input);
        a.Intent.ShouldBe("glossary");
        a.Title.ShouldBe(Shared.Kb.Glossary[id].Text.En.Title);
    }

    [Fact]
    public void Glossary_HasEveryRequiredTerm()
    {
        string[] required = ["tcp-ip", "port", "latency", "timeout", "firewall", "doh", "dot", "ipv6", "subnet", "mtu", "udp", "dns-lookup",
            "cdn", "request-response", "rfc", "iana", "wire-format", "extension-mechanism", "connectionless", "text-vs-binary-protocol",
            "dns-resolution", "record-types", "ttl", "dnssec", "anycast", "recursive-resolver", "authoritative-name-server", "glue-record",
            "edns0", "zone", "propagation", "cname", "mx", "srv", "ptr", "cache-poisoning", "root-server", "split-horizon", "wildcard-record",
            "spf-dkim-dmarc", "lame-delegation", "delegation", "soa-serial", "nsid", "dns-cookie", "qname-minimisation"];
        foreach (var slug in required)
        {
            Shared.Kb.Glossary.ContainsKey("glossary:" + slug).ShouldBeTrue(slug);
        }
    }

    [Theory]
    [InlineData("/scenario servfail-lame-delegation", "scenario:servfail-lame-delegation")]
    [InlineData("/scenario lame delegation", "scenario:servfail-lame-delegation")]
    [InlineData("/scenario notauth-update", "scenario:notauth-update")]
    public void Scenario_HasSymptomsConfirmationCauseAndFix(string input, string id)
    {
        var a = Ask.Q(input);
        a.Intent.ShouldBe("scenario");
        a.Title.ShouldBe(Shared.Kb.Scenarios[id].Text.En.Title);
        a.Sections.Select(s => s.Key).ShouldBe(["symptoms", "confirm", "fix"]);
    }

    [Fact]
    public void Scenarios_CoverEveryListedCase() =>
        Shared.Kb.Scenarios.Keys.ShouldBe(
            ["scenario:nxdomain-no-domain", "scenario:nxdomain-missing-record", "scenario:refused-recursion", "scenario:servfail-lame-delegation",
             "scenario:servfail-dnssec-expired", "scenario:servfail-dnssec-ds-mismatch", "scenario:servfail-unreachable-ns",
             "scenario:formerr-malformed-query", "scenario:ttl-failover-delay", "scenario:notauth-update"], ignoreOrder: true);

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    [InlineData("de")]
    public void Help_ListsEveryCommand(string locale)
    {
        var a = Ask.Q("/help", locale);
        a.Intent.ShouldBe("help");
        var commands = string.Join('\n', a.Sections.Single(s => s.Key == "commands").Lines);
        foreach (var c in new[] { "/rcode", "/ede", "/code", "/compare", "/guide", "/glossary", "/scenario", "/dig" })
        {
            commands.ShouldContain(c);
        }
    }

    [Fact]
    public void Dig_SaysLiveChecksAreNotEnabled()
    {
        var a = Ask.Q("/dig api.example.com MX");
        a.Intent.ShouldBe("dig");
        a.Summary.ShouldContain("api.example.com");
    }

    [Fact]
    public void UnknownCommand_SuggestsTheClosest()
    {
        var a = Ask.Q("/rcod 2");
        a.Intent.ShouldBe("error");
        a.Actions.ShouldContain(x => x.Command == "/rcode 2");
    }
}
