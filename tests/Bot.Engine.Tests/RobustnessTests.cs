using Bot.Engine.Rendering;

namespace Bot.Engine.Tests;

public sealed class RobustnessTests
{
    [Fact]
    public void HugeInput_IsCutWithANote()
    {
        var a = Ask.Q("/rcode 2 " + new string('x', 20_000));
        a.Notices.ShouldHaveSingleItem().ShouldContain("4000");
    }

    [Fact]
    public void ControlCharacters_AreStrippedWithANote()
    {
        var a = Ask.Q("/rcode\u0000 2\u0007\u202E");
        a.Codes.ShouldBe(["dns:rcode:2"]);
        a.Notices.ShouldNotBeEmpty();
    }

    [Fact]
    public void BinaryGarbage_NeverThrows()
    {
        var random = new Random(42);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 5000)];
            random.NextBytes(bytes);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var a = Ask.Q(text);
            a.Title.ShouldNotBeNull();
            a.Summary.ShouldNotBe(Shared.Kb.Ui["error.internal", a.Locale], text);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("/compare")]
    [InlineData("/code")]
    [InlineData("/code http")]
    [InlineData("/rcode")]
    [InlineData("/ede 999999999999")]
    [InlineData("/rcode -1")]
    [InlineData("/glossary nothing-like-this")]
    [InlineData("/scenario nothing-like-this")]
    [InlineData("/guide nothing-like-this")]
    public void EdgeInput_GetsAnAnswer(string text)
    {
        var a = Ask.Q(text);
        a.Title.ShouldNotBeNullOrWhiteSpace();
        a.Intent.ShouldBeOneOf("help", "error", "unknown", "guide", "code", "glossary", "scenario");
    }

    [Fact]
    public void Markup_InUserText_IsEncodedInHtml()
    {
        var a = Ask.Q("<script>x</script><img src=x>");
        var html = new HtmlRenderer(Shared.Kb.Ui).Render(a);
        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        html.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void EveryAnswer_RendersAsTextAndHtml_WithinAllCodes()
    {
        var text = new TextRenderer(Shared.Kb.Ui);
        var html = new HtmlRenderer(Shared.Kb.Ui);
        foreach (var entry in Shared.Kb.Codes.Values)
        {
            foreach (var locale in Bot.Engine.Contracts.Locales.All)
            {
                var a = Ask.Q(Commands.CommandText.For(entry), Bot.Engine.Contracts.Locales.Tag(locale));
                a.Codes.ShouldContain(entry.Id, entry.Id);
                text.Render(a).ShouldNotBeNullOrWhiteSpace();
                html.Render(a).ShouldStartWith("<article");
            }
        }
    }
}
