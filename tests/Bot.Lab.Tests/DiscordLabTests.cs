using System.Text.Json;
using Bot.TestSupport.Discord;

namespace Bot.Lab.Tests;

/// <summary>
/// A signed Discord <c>/dig</c> against the lab: answered DEFERRED at once, diagnosed in the background against the
/// lab's resolvers and root, and finished by a PATCH of <c>@original</c> on the fake Discord API with the diagnosis.
/// </summary>
[Collection("lab")]
public sealed class DiscordLabTests(LabFixture lab)
{
    [Fact]
    public async Task DeferredDig_OfALameZone_IsPatchedWithTheLameDelegationDiagnosis()
    {
        var discord = new DiscordHost();
        discord.Args.AddRange(
        [
            "--Dns:Enabled", "true",
            "--Dns:Resolvers:0", lab.Validating.Address.ToString(),
            "--Dns:Resolvers:1", lab.Plain.Address.ToString(),
            "--Dns:RootHints:0", lab.Root,
            "--Dns:AllowTargets:0", "127.0.0.0/8",
            "--Dns:Deadline", "00:00:10",
            "--Dns:AttemptTimeout", "00:00:03",
        ]);
        await discord.InitializeAsync();
        try
        {
            var json = DiscordHost.Command("dig", "en-US", """[{"name":"name","type":3,"value":"www.lame.test"}]""");
            var token = JsonDocument.Parse(json).RootElement.GetProperty("token").GetString();
            (await discord.InteractAsync(json)).GetRawText().ShouldBe("""{"type":5}""");

            (await discord.Api.Received.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue("the deferred check never edited the original");
            discord.Api.Requests.TryDequeue(out var patch).ShouldBeTrue();
            patch.Method.ShouldBe("PATCH");
            patch.Path.ShouldBe($"/api/v10/webhooks/123456789012345678/{token}/messages/@original");
            patch.Authorization.ShouldBeNull("webhook edits are authorised by the interaction token, not the bot token");
            var embed = JsonDocument.Parse(patch.Body).RootElement.GetProperty("embeds")[0];
            var shown = embed.GetRawText();
            embed.GetProperty("title").GetString()!.ShouldContain("www.lame.test");
            shown.ShouldContain("Lame delegation");
            shown.ShouldContain("SERVFAIL");
            shown.ShouldContain("REFUSED");
        }
        finally
        {
            await discord.DisposeAsync();
        }
    }
}
