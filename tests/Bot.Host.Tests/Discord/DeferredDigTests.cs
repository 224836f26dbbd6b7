using System.Text.Json;

using Bot.TestSupport;
using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord;

/// <summary>
/// The host with live checks on, pointed at a loopback DNS responder that refuses everything (resolvers and root
/// hints alike), so a /dig is deferred, diagnosed in the background and finished by a PATCH to the fake Discord API.
/// </summary>
public sealed class LiveDiscordHost : DiscordHost
{
    public LiveDiscordHost() => UseRefusingDns();
}

public sealed class DeferredDigTests(LiveDiscordHost discord) : IClassFixture<LiveDiscordHost>
{
    private async Task<(string Method, string Path, string Body, string? Authorization)> NextRequestAsync()
    {
        (await discord.Api.Received.WaitAsync(TimeSpan.FromSeconds(20))).ShouldBeTrue("no request reached the fake Discord API");
        discord.Api.Requests.TryDequeue(out var request).ShouldBeTrue();
        return request;
    }

    [Fact]
    public async Task Dig_IsDeferred_ThenTheOriginalIsPatchedWithTheDiagnosis()
    {
        var json = DiscordHost.Command("dig", "en-US", """[{"name":"name","type":3,"value":"example.com"}]""");
        var token = JsonDocument.Parse(json).RootElement.GetProperty("token").GetString();
        var response = await discord.InteractAsync(json);
        response.GetRawText().ShouldBe("""{"type":5}""");

        var patch = await NextRequestAsync();
        patch.Method.ShouldBe("PATCH");
        patch.Path.ShouldBe($"/api/v10/webhooks/123456789012345678/{token}/messages/@original");
        var message = JsonDocument.Parse(patch.Body).RootElement;
        message.GetProperty("embeds")[0].GetProperty("title").GetString()!.ShouldContain("example.com");
        message.GetProperty("embeds")[0].GetRawText().ShouldContain("REFUSED");
        message.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task LanguageButton_OnALiveCheck_RunsItAgain_AndEditsTheMessageInThatLanguage()
    {
        var json = DiscordHost.Component("l|ja|/dig example.com");
        var token = JsonDocument.Parse(json).RootElement.GetProperty("token").GetString();
        (await discord.InteractAsync(json)).GetRawText().ShouldBe("""{"type":6}""");
        var patch = await NextRequestAsync();
        patch.Method.ShouldBe("PATCH");
        patch.Path.ShouldBe($"/api/v10/webhooks/123456789012345678/{token}/messages/@original");
        var embed = JsonDocument.Parse(patch.Body).RootElement.GetProperty("embeds")[0];
        embed.GetProperty("title").GetString()!.ShouldContain("example.com");
        // The finished check (its evidence), in Japanese: the heading comes from knowledge/ui (section.evidence).
        embed.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ShouldContain("根拠となった問い合わせ");
    }

    [Fact]
    public async Task PrivateDig_IsDeferredEphemeral()
    {
        var response = await discord.InteractAsync(DiscordHost.Command("dig", "ja", """[{"name":"name","type":3,"value":"example.com"},{"name":"private","type":5,"value":true}]"""));
        response.GetRawText().ShouldBe("""{"type":5,"data":{"flags":64}}""");
        (await NextRequestAsync()).Body.ShouldContain("example.com");
    }

    [Fact]
    public async Task RateLimitedEdit_WaitsRetryAfter_ThenSucceeds()
    {
        discord.Api.TooManyRequests(1);
        await discord.InteractAsync(DiscordHost.Command("dig", "de", """[{"name":"name","type":3,"value":"example.org"}]"""));
        var first = await NextRequestAsync();
        var second = await NextRequestAsync();
        first.Path.ShouldBe(second.Path);
        second.Body.ShouldBe(first.Body);
    }

    [Fact]
    public async Task DeliveredTwice_StartsOneCheck_AndPatchesOnce()
    {
        var json = DiscordHost.Command("dig", "en-US", """[{"name":"name","type":3,"value":"example.net"}]""", id: "9100000000000002");
        (await discord.InteractAsync(json)).GetRawText().ShouldBe("""{"type":5}""");
        (await discord.InteractAsync(json)).GetRawText().ShouldBe("""{"type":5}""");
        (await NextRequestAsync()).Method.ShouldBe("PATCH");
        (await discord.Api.Received.WaitAsync(TimeSpan.FromSeconds(4))).ShouldBeFalse("a second PATCH was sent for the same interaction");
    }

    [Fact]
    public async Task DeliveredConcurrently_StartsOneCheck_AndEveryDeliveryGetsTheSameResponse()
    {
        var json = DiscordHost.Command("dig", "en-US", """[{"name":"name","type":3,"value":"example.edu"}]""", id: "9100000000000003");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => discord.InteractAsync(json)));
        responses.Select(r => r.GetRawText()).Distinct().ShouldBe(["""{"type":5}"""]);
        (await NextRequestAsync()).Method.ShouldBe("PATCH");
        (await discord.Api.Received.WaitAsync(TimeSpan.FromSeconds(4))).ShouldBeFalse("a second check ran for the same interaction");
    }
}
