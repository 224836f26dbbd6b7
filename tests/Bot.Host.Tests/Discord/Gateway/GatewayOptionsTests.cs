using Bot.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Tests.Discord.Gateway;

public sealed class GatewayOptionsTests
{
    [Theory]
    [InlineData("--Discord:TriageReply", "Emoji", "Discord:TriageReply must be Reply or Reaction")]
    [InlineData("--Discord:TriageReply", "1", "Discord:TriageReply must be Reply or Reaction")]
    [InlineData("--Discord:TriageChannels:0", "#on-call", "Discord:TriageChannels must hold channel ids")]
    [InlineData("--Discord:ChannelAnswersPerMinute", "0", "Discord:ChannelAnswersPerMinute must be between 1 and 60")]
    [InlineData("--Discord:GatewayUrl", "https://gateway.discord.gg", "Discord:GatewayUrl must be an absolute ws(s) URL")]
    [InlineData("--Discord:GatewayUrl", "wss://gateway.discord.gg/?v=9", "Discord:GatewayUrl must be an absolute ws(s) URL")]
    public async Task BadGatewayOption_FailsTheStart_NamingTheKey(string key, string value, string message)
    {
        await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Dns:Enabled", "false", key, value]);
        var error = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());
        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData(new[] { "--Discord:GatewayEnabled", "true" }, "Discord:BotToken is not set")]
    [InlineData(new[] { "--Discord:BotToken", "t" }, "Discord:GatewayEnabled is false")]
    public async Task GatewayOff_TheStartSaysWhy(string[] args, string why)
    {
        var logs = new LogCollector();
        await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Dns:Enabled", "false", .. args], configure: b => b.Logging.AddProvider(logs));
        await app.StartAsync();
        (await logs.WaitForAsync(l => l.EventId == 446)).Message.ShouldBe("Discord gateway off: " + why);
        await app.StopAsync();
    }
}
