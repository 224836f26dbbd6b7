using Bot.Adapters.Slack;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Slack;

/// <summary>users.info's locale as one of the bot's languages (the lookup itself is tested through the host).</summary>
public sealed class SlackUserLanguagesTests
{
    [Theory]
    [InlineData("ja-JP", Locale.Ja)]
    [InlineData("de-DE", Locale.De)]
    [InlineData("de-AT", Locale.De)]
    [InlineData("de-CH", Locale.De)]
    [InlineData("en-US", Locale.En)]
    [InlineData("en-GB", Locale.En)]
    [InlineData("fr-FR", Locale.En)]
    [InlineData("zh-CN", Locale.En)]
    [InlineData("pt-BR", Locale.En)]
    public void SlackLocale_IsJapaneseGermanOrEnglish(string slackLocale, Locale expected) =>
        SlackUserLanguages.FromSlackLocale(slackLocale).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void NoSlackLocale_IsUnknown(string? slackLocale) => SlackUserLanguages.FromSlackLocale(slackLocale).ShouldBeNull();
}
