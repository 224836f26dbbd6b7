using Bot.Adapters.Slack;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Slack;

/// <summary>Slack's message markup read back as the text the user saw, and the option words of slash commands.</summary>
public sealed class SlackInputTests
{
    [Theory]
    [InlineData("why does <http://api.example.com|api.example.com> fail?", "why does api.example.com fail?")]
    [InlineData("see <https://example.com/x>", "see https://example.com/x")]
    [InlineData("; &lt;&lt;&gt;&gt; DiG 9.18 &lt;&lt;&gt;&gt; example.com", "; <<>> DiG 9.18 <<>> example.com")]
    [InlineData("a &amp;lt; b", "a &lt; b")]
    [InlineData("ping <@U123> in <#C123|ops> <!here> <!subteam^S1|@oncall>", "ping @U123 in #ops @here @@oncall")]
    [InlineData("mail <mailto:a@example.com|a@example.com>", "mail a@example.com")]
    public void Plain_IsTheTextShown(string slack, string expected) => SlackInput.Plain(slack).ShouldBe(expected);

    [Theory]
    [InlineData("<@UBOT1> /rcode 2", "UBOT1", "/rcode 2")]
    [InlineData("<@UBOT1|dnstriage> what is SERVFAIL? <@UBOT1>", "UBOT1", "what is SERVFAIL?")]
    [InlineData("<@UBOT1> ask <@UOTHER>", "UBOT1", "ask @UOTHER")]
    [InlineData("<@UANY> /rcode 5", null, "/rcode 5")]
    public void Question_RemovesTheBotsMention(string text, string? bot, string expected) => SlackInput.Question(text, bot).ShouldBe(expected);

    [Theory]
    [InlineData("2", true, "2", null, false)]
    [InlineData("2 ja", true, "2", Locale.Ja, false)]
    [InlineData("2 share", true, "2", null, true)]
    [InlineData("SERVFAIL REFUSED de share", true, "SERVFAIL REFUSED", Locale.De, true)]
    [InlineData("2 share 日本語", true, "2", Locale.Ja, true)]
    [InlineData("share", true, "share", null, false)]
    [InlineData("de", true, "de", null, false)]
    [InlineData("share", false, "", null, true)]
    [InlineData("", false, "", null, false)]
    [InlineData("2 ja ja", true, "2 ja", Locale.Ja, false)]
    public void CommandOptions_AreTrailingWordsAfterAnArgument(string text, bool takesArguments, string args, Locale? locale, bool share) =>
        SlackInput.CommandOptions(text, takesArguments).ShouldBe((args, locale, share));

    [Theory]
    [InlineData("/dig example.com A @1.1.1.1", "example.com")]
    [InlineData("why does api.example.com fail?", "api.example.com")]
    [InlineData("なぜ api.example.com は SERVFAIL?", "api.example.com")]
    [InlineData("/dig", "…")]
    public void CheckTarget_IsTheNameChecked(string command, string expected) => SlackInput.CheckTarget(command).ShouldBe(expected);
}
