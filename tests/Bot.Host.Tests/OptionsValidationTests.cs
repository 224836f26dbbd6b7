using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Bot.Host.Tests;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("--Engine:MaxInputChars", "5", "Engine:MaxInputChars")]
    [InlineData("--Engine:LinksBaseUrl", "not a url", "Engine:LinksBaseUrl")]
    [InlineData("--WebChat:MaxBodyBytes", "10", "WebChat:MaxBodyBytes")]
    public async Task BadOption_FailsTheStart_NamingTheKey(string key, string value, string named)
    {
        await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0", key, value]);
        var error = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());
        error.Message.ShouldContain(named);
    }
}
