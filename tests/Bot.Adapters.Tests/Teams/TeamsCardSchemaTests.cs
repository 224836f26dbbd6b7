using Bot.Adapters.Teams.Cards;
using Bot.Adapters.Tests.Discord;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Teams;

/// <summary>Every card the renderer produces — the goldens, huge and hostile answers, every locale and view — is a valid card of our Adaptive Card 1.5 subset within the size budget.</summary>
public sealed class TeamsCardSchemaTests
{
    private static readonly TeamsCardRenderer Renderer = new(Knowledge.Ui);

    private static readonly Dictionary<string, Func<AdaptiveCard>> Cards = BuildCases();

    public static TheoryData<string> CardNames => [.. Cards.Keys];

    public static TheoryData<string> GoldenFiles => [.. TeamsGoldenTests.Cases.Select(c => c.File)];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Rendered_card_is_valid_and_within_the_budget(string name)
    {
        var json = TeamsCardRenderer.Json(Cards[name]());

        AdaptiveCardValidator.Validate(json, TeamsCardRenderer.MaxCardBytes).ShouldBeEmpty(name);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Golden_file_is_a_valid_card(string file)
    {
        var path = Path.Combine(TeamsGoldenTests.GoldenDirectory(), file);

        AdaptiveCardValidator.Validate(File.ReadAllText(path)).ShouldBeEmpty(file);
    }

    [Theory]
    [InlineData("""{"type":"AdaptiveCard","version":"1.6","$schema":"http://adaptivecards.io/schemas/adaptive-card.json"}""", "version")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"Image","url":"https://x.example/a.png"}]}""", "not an element")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"TextBlock"}]}""", "text: a string is required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"TextBlock","text":"x","size":"Huge"}]}""", "size")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""", "unknown property")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"FactSet","facts":[{"title":"a"}]}]}""", "value: a string is required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"Container","items":[{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"x","fontType":"Mono"}]}],"style":"loud"}]}""", "fontType")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"Input.ChoiceSet","choices":[{"title":"a","value":"a"}]}]}""", "id: a string is required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","actions":[{"type":"Action.OpenUrl","title":"x","url":"javascript:alert(1)"}]}""", "not an absolute http(s) URL")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","actions":[{"type":"Action.Submit","title":"x","data":"text"}]}""", "data: an object")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","actions":[{"type":"Action.Execute","title":"x","fallback":{"type":"Action.Submit","title":"x"}}]}""", "verb: a string is required")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","actions":[{"type":"Action.ShowCard","title":"x","card":{"type":"AdaptiveCard","actions":[{"type":"Action.ToggleVisibility","title":"y"}]}}]}""", "not an action")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","msteams":{"width":"Full","entities":[]}}""", "mentions")]
    public void Validator_rejects_cards_outside_the_subset(string json, string expected)
    {
        var errors = AdaptiveCardValidator.Validate(json);

        errors.ShouldContain(e => e.Contains(expected, StringComparison.Ordinal), string.Join("\n", errors));
    }

    [Fact]
    public void Validator_rejects_a_card_over_the_budget()
    {
        var json = $$"""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","fallbackText":"{{new string('x', 90_000)}}"}""";

        AdaptiveCardValidator.Validate(json, TeamsCardRenderer.MaxCardBytes).Count.ShouldBe(2);
    }

    private static Dictionary<string, Func<AdaptiveCard>> BuildCases()
    {
        var cases = new Dictionary<string, Func<AdaptiveCard>>(StringComparer.Ordinal);
        foreach (var (file, answer, command, focusFix) in TeamsGoldenTests.Cases)
        {
            cases[file] = () => Renderer.Render(answer(), command, focusFix);
        }

        foreach (var locale in Locales.All)
        {
            var tag = locale.Tag();
            cases[$"huge-{tag}"] = () => Renderer.Render(TeamsSamples.Huge(locale), "/rcode 2");
            cases[$"huge-{tag}-fix"] = () => Renderer.Render(TeamsSamples.Huge(locale), "/rcode 2", focusFix: true);
            cases[$"huge-japanese-text-{tag}"] = () => Renderer.Render(TeamsSamples.Huge(locale, japanese: true), "/rcode 2");
            cases[$"servfail-{tag}-no-command"] = () => Renderer.Render(SampleAnswers.Servfail(locale), null);
            cases[$"dig-{tag}-fix"] = () => Renderer.Render(SampleAnswers.Dig() with { Locale = locale }, "/dig api.example.com A", focusFix: true);
        }

        cases["hostile"] = () => Renderer.Render(TeamsSamples.HostileAnswer(), "/help " + TeamsSamples.Hostile);
        cases["hostile-fix"] = () => Renderer.Render(TeamsSamples.HostileAnswer(), "/help", focusFix: true);
        cases["minimal"] = () => Renderer.Render(TeamsSamples.Minimal(), null);
        cases["empty-title"] = () => Renderer.Render(TeamsSamples.Minimal() with { Title = " \u0007 ", Summary = "" }, "/x");
        cases["huge-command"] = () => Renderer.Render(SampleAnswers.Dig(), "/dig " + new string('a', 20_000));
        foreach (var severity in Enum.GetValues<Severity>())
        {
            cases[$"severity-{severity}"] = () => Renderer.Render(SampleAnswers.Compare() with { Severity = severity }, "/compare 2 5");
        }

        return cases;
    }
}
