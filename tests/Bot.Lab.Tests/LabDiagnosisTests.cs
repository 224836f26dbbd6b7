using System.Net;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Diagnosis;
using Bot.Engine.Knowledge;

namespace Bot.Lab.Tests;

/// <summary>The whole live check against the lab: each broken world is diagnosed with the right cause and evidence.</summary>
[Collection("lab")]
public sealed class LabDiagnosisTests(LabFixture lab)
{
    private static readonly Lazy<KnowledgeBase> Kb = new(KnowledgeLoader.LoadEmbedded);

    private BotEngine Engine(Action<DnsCheckOptions>? change = null)
    {
        var options = lab.CheckOptions();
        change?.Invoke(options);
        return new BotEngine(Kb.Value, new EngineOptions(), new LiveChecker(options));
    }

    [Theory]
    [InlineData("/dig www.ok.test", "ok")]
    [InlineData("/dig v4only.ok.test AAAA", "nodata")]
    [InlineData("/dig nope.ok.test", "nxdomain")]
    [InlineData("/dig www.lame.test", "lame-delegation")]
    [InlineData("/dig www.partial.test", "partially-unreachable")]
    [InlineData("/dig www.unreachable.test", "nameservers-unreachable")]
    [InlineData("/dig www.expired.test", "dnssec-signature-expired")]
    [InlineData("/dig www.future.test", "dnssec-signature-not-yet-valid")]
    [InlineData("/dig www.dsmismatch.test", "dnssec-ds-mismatch")]
    [InlineData("/dig www.unsigneds.test", "dnssec-unsigned-with-ds")]
    [InlineData("/dig www.serial.test", "soa-serial-mismatch")]
    [InlineData("/dig www.ok.test @127.53.3.1", "refused")]
    [InlineData("/dig big.ok.test TXT", "ok")]
    public async Task EachLabScenario_IsDiagnosed(string command, string cause)
    {
        var answer = await Engine().AnswerAsync(new ChatRequest(command));
        answer.Intent.ShouldBe("dig");
        answer.Diagnosis.ShouldNotBeNull(answer.Summary);
        answer.Diagnosis.Cause.ShouldBe(cause, string.Join('\n', answer.Diagnosis.Evidence));
        answer.Diagnosis.Evidence.ShouldNotBeEmpty();
        answer.Diagnosis.Queries.ShouldBeLessThanOrEqualTo(60);
        answer.Title.ShouldContain(Kb.Value.Causes[cause].Text.En.Title);
        answer.Sections.Single(s => s.Key == "resolvers").Lines.Count.ShouldBeGreaterThan(1);
        answer.Sections.Single(s => s.Key == "fix").Lines.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ServfailFromExpiredSignatures_ShowsTheCodesTheCdCheckAndTheSignatureDates()
    {
        var answer = await Engine().AnswerAsync(new ChatRequest("/dig www.expired.test"));
        answer.Codes.ShouldContain("dns:rcode:2");
        answer.Codes.ShouldContain(c => c == "dns:ede:7" || c == "dns:ede:6");
        var evidence = string.Join('\n', answer.Diagnosis!.Evidence.Select(e => $"{e.Server} {e.Question} {e.Result}"));
        evidence.ShouldContain("+cd");
        evidence.ShouldContain("expired (validity 20200101000000");
        answer.Sections.Single(s => s.Key == "codes").Lines.ShouldContain(l => l.StartsWith("SERVFAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DsMismatch_CitesTheDsAndTheKeyTags()
    {
        var answer = await Engine().AnswerAsync(new ChatRequest("/dig www.dsmismatch.test"));
        answer.Diagnosis!.Evidence.ShouldContain(e => e.Question == "dsmismatch.test. DS +norecurse" && e.Result.StartsWith("DS ", StringComparison.Ordinal));
        answer.Diagnosis.Evidence.ShouldContain(e => e.Result.Contains("no DS matches any DNSKEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SilentNameservers_AreATimeout_NotUnreachable()
    {
        // Black holes on the two NS addresses of unreachable.test: datagrams are read and never answered.
        using var hole1 = new FakeUdpServer(new IPEndPoint(IPAddress.Parse("127.53.5.1"), 53), _ => []);
        using var hole2 = new FakeUdpServer(new IPEndPoint(IPAddress.Parse("127.53.5.2"), 53), _ => []);
        var answer = await Engine(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(400);
            o.Deadline = TimeSpan.FromSeconds(3);
        }).AnswerAsync(new ChatRequest("/dig www.unreachable.test"));
        answer.Diagnosis!.Cause.ShouldBe("nameservers-timeout", string.Join('\n', answer.Diagnosis.Evidence));
    }

    [Theory]
    [InlineData("why does www.lame.test fail?", "lame-delegation", "en")]
    [InlineData("なぜ www.expired.test は SERVFAIL?", "dnssec-signature-expired", "ja")]
    [InlineData("Warum schlägt www.dsmismatch.test fehl?", "dnssec-ds-mismatch", "de")]
    [InlineData("check ok.test MX", "ok", "en")]
    public async Task FreeTextQuestions_RunTheCheck_InTheirLanguage(string text, string cause, string locale)
    {
        var answer = await Engine().AnswerAsync(new ChatRequest(text));
        answer.Diagnosis!.Cause.ShouldBe(cause);
        answer.Locale.Tag().ShouldBe(locale);
        answer.Summary.ShouldBe(Kb.Value.Causes[cause].Text[answer.Locale].Summary);
    }

    [Fact]
    public async Task NamedResolverNotOnTheAllowlist_IsNotQueried()
    {
        var answer = await Engine().AnswerAsync(new ChatRequest("/dig www.ok.test @127.53.9.9"));
        answer.Diagnosis.ShouldBeNull();
        answer.Summary.ShouldContain("127.53.9.9");
    }

    [Fact]
    public async Task DeadResolvers_AreResolverUnreachable()
    {
        var answer = await Engine(o => o.Resolvers = ["127.53.9.9"]).AnswerAsync(new ChatRequest("/dig www.ok.test"));
        answer.Diagnosis!.Cause.ShouldBe("resolver-unreachable");
    }

    [Fact]
    public async Task WithoutAnAllowedRange_LoopbackIsNeverProbed()
    {
        var answer = await Engine(o => o.AllowTargets = []).AnswerAsync(new ChatRequest("/dig www.ok.test"));
        answer.Diagnosis!.Cause.ShouldBe("resolver-unreachable");
        answer.Diagnosis.Evidence.ShouldAllBe(e => e.Result.StartsWith("not queried", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueryBudget_IsAHardCap()
    {
        var answer = await Engine(o => o.MaxQueries = 5).AnswerAsync(new ChatRequest("/dig www.lame.test"));
        answer.Diagnosis!.Queries.ShouldBeLessThanOrEqualTo(5);
    }

    [Fact]
    public async Task PerUserRateLimit_StopsTheSecondCheck()
    {
        var engine = Engine(o => o.PerUserPerMinute = 1);
        (await engine.AnswerAsync(new ChatRequest("/dig www.ok.test", UserId: "alice"))).Diagnosis.ShouldNotBeNull();
        var second = await engine.AnswerAsync(new ChatRequest("/dig www.ok.test", UserId: "alice"));
        second.Diagnosis.ShouldBeNull();
        second.Summary.ShouldBe(Kb.Value.Ui["dig.rate_limited", Locale.En]);
        (await engine.AnswerAsync(new ChatRequest("/dig www.ok.test", UserId: "bob"))).Diagnosis.ShouldNotBeNull();
    }

    [Fact]
    public async Task Trace_ShowsTheDelegationFromTheRoot()
    {
        var answer = await Engine().AnswerAsync(new ChatRequest("/dig www.ok.test +trace"));
        var trace = answer.Sections.Single(s => s.Key == "trace").Lines;
        trace[0].ShouldStartWith(".");
        trace.ShouldContain(l => l.Contains("referral to ok.test.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DigSection_RendersTheUsersOwnFlags()
    {
        var answer = await Engine().AnswerAsync(new ChatRequest("/dig www.ok.test +dnssec +cd"));
        var dig = string.Join('\n', answer.Sections.Single(s => s.Key == "dig").Lines);
        dig.ShouldContain(" cd;"); // checking disabled, as asked (the resolver may still set ad)
        dig.ShouldContain("RRSIG");
        dig.ShouldContain("; EDNS: version: 0, flags: do; udp:");
    }
}
