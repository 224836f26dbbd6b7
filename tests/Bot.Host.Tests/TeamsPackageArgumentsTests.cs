using Bot.Host.Cli;

namespace Bot.Host.Tests;

/// <summary>The checks behind package-teams' arguments, in-process, over the edge cases.</summary>
public sealed class TeamsPackageArgumentsTests
{
    [Theory]
    [InlineData("bot.example.org", "bot.example.org")]
    [InlineData(" Bot.Example.ORG. ", "bot.example.org")]
    [InlineData("dns-triage.eu-west.example.co.uk", "dns-triage.eu-west.example.co.uk")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    public void Host_ValidName_IsNormalised(string text, string expected)
    {
        TeamsPackageArguments.TryParseHost(text, out var host, out var error).ShouldBeTrue(error);
        host.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("bot..example.org")]
    [InlineData("-bot.example.org")]
    [InlineData("bot-.example.org")]
    [InlineData("bot_1.example.org")]
    [InlineData("bot.example.org:8443")]
    [InlineData("https://bot.example.org")]
    [InlineData("bot.example.org/api/messages")]
    [InlineData("192.0.2.1")]
    [InlineData("2001:db8::1")]
    [InlineData("bot.example.123")]
    [InlineData("*.example.org")]
    public void Host_NotADnsName_IsRefusedWithAReason(string text)
    {
        TeamsPackageArguments.TryParseHost(text, out _, out var error).ShouldBeFalse();
        error.ShouldStartWith("--host");
        error.ShouldContain($"'{text}'");
    }

    [Fact]
    public void Host_LabelOf64Characters_IsRefused()
    {
        TeamsPackageArguments.TryParseHost(new string('a', 64) + ".example.org", out _, out _).ShouldBeFalse();
        TeamsPackageArguments.TryParseHost(new string('a', 63) + ".example.org", out _, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("6F1C2B3A-4D5E-4F60-8A9B-0C1D2E3F4A5B", true)]
    [InlineData(" 6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b ", true)]
    [InlineData("6f1c2b3a4d5e4f608a9b0c1d2e3f4a5b", false)]
    [InlineData("{6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b}", false)]
    [InlineData("00000000-0000-0000-0000-000000000000", false)]
    [InlineData("28:6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b", false)]
    public void AppId_OnlyAGuidInItsUsualForm(string text, bool valid)
    {
        TeamsPackageArguments.TryParseAppId(text, out var id, out _).ShouldBe(valid);
        if (valid)
        {
            id.ToString("D").ShouldBe("6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b");
        }
    }

    [Theory]
    [InlineData("https://example.org/privacy", true)]
    [InlineData("http://example.org/privacy", false)]
    [InlineData("example.org/privacy", false)]
    [InlineData("ftp://example.org/privacy", false)]
    public void DeveloperUrl_MustBeAbsoluteHttps(string text, bool valid)
    {
        TeamsPackageArguments.TryParseHttpsUrl("--privacy-url", text, out _, out var error).ShouldBe(valid);
        (error.Length > 0).ShouldBe(!valid);
    }

    [Fact]
    public void Below_AddsThePageUnderTheWebsite_WithOrWithoutATrailingSlash()
    {
        TeamsPackageArguments.Below(new Uri("https://example.org/bot/"), "privacy").AbsoluteUri.ShouldBe("https://example.org/bot/privacy");
        TeamsPackageArguments.Below(new Uri("https://example.org/bot"), "terms").AbsoluteUri.ShouldBe("https://example.org/bot/terms");
    }
}
