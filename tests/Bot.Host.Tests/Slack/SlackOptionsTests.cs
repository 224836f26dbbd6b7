using Microsoft.Extensions.Options;

namespace Bot.Host.Tests.Slack;

/// <summary>Bad Slack settings stop the start with a message naming the key.</summary>
public sealed class SlackOptionsTests
{
    private static readonly string[] Valid =
        ["--urls", "http://127.0.0.1:0", "--Dns:Enabled", "false", "--Slack:SigningSecret", "8f742231b10e8888abcd99yyyzzz85a5", "--Slack:BotToken", "xoxb-1"];

    [Theory]
    [InlineData("--Slack:SigningSecret", "short", "Slack:SigningSecret")]
    [InlineData("--Slack:BotToken", "xoxp-user-token", "Slack:BotToken")]
    [InlineData("--Slack:BotUserId", "@dnstriage", "Slack:BotUserId")]
    [InlineData("--Slack:ApiBaseUrl", "http://slack.example/api/", "Slack:ApiBaseUrl")]
    [InlineData("--Slack:TimestampWindow", "00:00:00", "Slack:TimestampWindow")]
    [InlineData("--Slack:MaxBodyBytes", "10", "Slack:MaxBodyBytes")]
    [InlineData("--Slack:TriageChannels:0", "#ops", "Slack:TriageChannels")]
    [InlineData("--Slack:TriageReaction", ":mag:", "Slack:TriageReaction")]
    [InlineData("--Slack:ChannelAnswersPerMinute", "0", "Slack:ChannelAnswersPerMinute")]
    [InlineData("--Slack:ResponseUrlHosts:0", "https://hooks.slack.com/", "Slack:ResponseUrlHosts")]
    [InlineData("--Slack:DefaultLocale", "fr", "Slack:DefaultLocale")]
    public async Task BadSlackOption_FailsTheStart_NamingTheKey(string key, string value, string named)
    {
        await using var app = BotHost.Build([.. Valid, key, value]);
        var error = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());
        error.Message.ShouldContain(named);
    }

    [Fact]
    public async Task SigningSecretWithoutBotToken_FailsTheStart()
    {
        await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Dns:Enabled", "false", "--Slack:SigningSecret", "8f742231b10e8888abcd99yyyzzz85a5"]);
        (await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync())).Message.ShouldContain("Slack:BotToken");
    }
}
