using Bot.Adapters.Slack;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;

namespace Bot.Adapters.Tests.Slack;

/// <summary>
/// Real engine answers (not hand-built samples) rendered for Slack: within every limit in every language and view,
/// and every command behind a button or option is one the engine understands.
/// </summary>
public sealed class SlackEngineAnswerTests
{
    private static readonly Lazy<BotEngine> Engine = new(() => new BotEngine(KnowledgeLoader.LoadEmbedded(), new EngineOptions { LinksBaseUrl = "https://bot.example" }));

    private static readonly string[] Questions =
    [
        "/rcode 2", "/rcode NXDOMAIN", "/ede 9", "/compare SERVFAIL REFUSED", "/guide", "/guide dnssec", "/glossary TTL",
        "/help", "/dig example.com AAAA", "what does REFUSED mean?",
        ";; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 4242\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1\n; EDE: 9 (DNSKEY Missing)",
        "<!channel> *bold* <https://evil.example|x>",
    ];

    public static TheoryData<string> All() => [.. Questions];

    [Theory]
    [MemberData(nameof(All))]
    public void Engine_answers_render_within_every_limit_and_their_buttons_run(string question)
    {
        var renderer = new SlackRenderer(Engine.Value.Knowledge.Ui);
        foreach (var locale in Locales.All)
        {
            var answer = Engine.Value.Answer(new ChatRequest(question, locale, "slack"));
            foreach (var focusFix in new[] { false, true })
            {
                var message = renderer.Render(answer, question, focusFix);
                BlockKitLimits.Assert(message);
                foreach (var value in SlackRendererTests.Values(message).Where(v => v.Kind is SlackActionKind.Action or SlackActionKind.Compare))
                {
                    var next = Engine.Value.Answer(new ChatRequest(value.Command, value.Locale, "slack"));
                    next.Intent.ShouldNotBeOneOf(["error", "unknown"], $"{question} → {value.Encode()}");
                }
            }
        }
    }

    [Fact]
    public void A_code_answer_offers_compare_options_the_engine_can_compare()
    {
        var answer = Engine.Value.Answer(new ChatRequest("/rcode 2", Locale.En, "slack"));

        var compare = SlackRendererTests.Values(new SlackRenderer(Engine.Value.Knowledge.Ui).Render(answer, "/rcode 2"))
            .Where(v => v.Kind == SlackActionKind.Compare)
            .ToList();

        compare.ShouldNotBeEmpty();
        compare.ShouldAllBe(v => Engine.Value.Answer(new ChatRequest(v.Command, Locale.En, "slack")).Intent == "compare");
    }
}
