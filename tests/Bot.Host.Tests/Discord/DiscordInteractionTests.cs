using System.Net;
using System.Text.Json;

using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord;

/// <summary>Signed interactions through the real HTTP pipeline (Kestrel on 127.0.0.1), answers checked as Discord sees them.</summary>
public sealed class DiscordInteractionTests(DiscordHost discord) : IClassFixture<DiscordHost>
{
    [Fact]
    public async Task Ping_IsAnsweredWithPong()
    {
        var response = await discord.SendAsync("""{"type":1}""");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"type":1}""");
    }

    [Theory]
    [InlineData("en-US", "SERVFAIL", "What it means")]
    [InlineData("ja", "SERVFAIL", "意味")]
    [InlineData("de", "SERVFAIL", "Was das bedeutet")]
    public async Task Rcode2_AnswersInline_InTheUsersLocale(string locale, string title, string heading)
    {
        var r = await discord.InteractAsync(DiscordHost.Command("rcode", locale, """[{"name":"code","type":3,"value":"2"}]"""));
        r.GetProperty("type").GetInt32().ShouldBe(4);
        var data = r.GetProperty("data");
        var embed = data.GetProperty("embeds")[0];
        embed.GetProperty("title").GetString()!.ShouldContain(title);
        string.Join('\n', Shown(embed)).ShouldContain(heading);
        data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("rcode", """[{"name":"code","type":3,"value":"SERVFAIL"},{"name":"compare","type":3,"value":"REFUSED"}]""", "REFUSED")]
    [InlineData("ede", """[{"name":"code","type":3,"value":"9"}]""", "EDE 9")]
    [InlineData("compare", """[{"name":"a","type":3,"value":"NXDOMAIN"},{"name":"b","type":3,"value":"NODATA"}]""", "NODATA")]
    [InlineData("guide", """[{"name":"topic","type":3,"value":"dnssec"}]""", "DNSSEC")]
    [InlineData("glossary", """[{"name":"term","type":3,"value":"ttl"}]""", "TTL")]
    [InlineData("help", "[]", "/rcode")]
    [InlineData("dig", """[{"name":"name","type":3,"value":"example.com"}]""", "example.com")]
    public async Task EveryCommand_Answers(string command, string options, string expected)
    {
        foreach (var locale in new[] { "en-US", "ja", "de" })
        {
            var r = await discord.InteractAsync(DiscordHost.Command(command, locale, options));
            r.GetProperty("type").GetInt32().ShouldBe(4);
            r.GetProperty("data").GetProperty("embeds")[0].GetRawText().ShouldContain(expected);
            var offered = r.GetProperty("data").GetProperty("components").EnumerateArray()
                .SelectMany(row => row.GetProperty("components").EnumerateArray())
                .Select(c => c.TryGetProperty("custom_id", out var id) ? id.GetString()! : "")
                .Where(id => id.StartsWith("l|", StringComparison.Ordinal)).Select(id => id[2..4]).ToList();
            offered.Count.ShouldBe(2, "the other two languages are offered");
            offered.ShouldNotContain(locale[..2], "the answer is already in the user's language");
        }
    }

    [Fact]
    public async Task PrivateOption_MakesTheAnswerEphemeral()
    {
        var r = await discord.InteractAsync(DiscordHost.Command("rcode", "en-US", """[{"name":"code","type":3,"value":"3"},{"name":"private","type":5,"value":true}]"""));
        r.GetProperty("data").GetProperty("flags").GetInt32().ShouldBe(64);
    }

    [Theory]
    [InlineData("rcode", "code", "SERV", "SERVFAIL")]
    [InlineData("rcode", "code", "2", "SERVFAIL")]
    [InlineData("ede", "code", "dnskey", "DNSKEY Missing")]
    [InlineData("guide", "topic", "", "DNSSEC")]
    [InlineData("glossary", "term", "glue", "Glue")]
    public async Task Autocomplete_OffersUpTo25LocalizedChoices(string command, string option, string typed, string expected)
    {
        var r = await discord.InteractAsync(DiscordHost.Autocomplete(command, option, typed));
        r.GetProperty("type").GetInt32().ShouldBe(8);
        var choices = r.GetProperty("data").GetProperty("choices");
        choices.GetArrayLength().ShouldBeInRange(1, 25);
        choices.EnumerateArray().ShouldContain(c => c.GetProperty("name").GetString()!.Contains(expected, StringComparison.OrdinalIgnoreCase));
        choices.EnumerateArray().ShouldAllBe(c => c.GetProperty("name").GetString()!.Length <= 100 && c.GetProperty("value").GetString()!.Length <= 100);
    }

    [Fact]
    public async Task Autocomplete_IsLocalized()
    {
        var r = await discord.InteractAsync(DiscordHost.Autocomplete("rcode", "code", "3", "ja"));
        r.GetProperty("data").GetProperty("choices").EnumerateArray().ShouldContain(c => c.GetProperty("name").GetString()!.Any(ch => ch > 0x3000));
    }

    [Fact]
    public async Task LanguageButton_UpdatesTheMessageInThatLanguage()
    {
        var r = await discord.InteractAsync(DiscordHost.Component("l|de|/rcode 2"));
        r.GetProperty("type").GetInt32().ShouldBe(7);
        r.GetProperty("data").GetProperty("embeds")[0].GetRawText().ShouldContain("Was das bedeutet");
    }

    [Fact]
    public async Task FixButton_ShowsTheFixSteps()
    {
        var r = await discord.InteractAsync(DiscordHost.Component("f|en|/rcode 2"));
        r.GetProperty("type").GetInt32().ShouldBe(7);
        var embed = r.GetProperty("data").GetProperty("embeds")[0].GetRawText();
        embed.ShouldContain("How to fix it");
        embed.ShouldNotContain("When you see it");
    }

    [Fact]
    public async Task ActionButton_AnswersWithANewMessage()
    {
        var r = await discord.InteractAsync(DiscordHost.Component("a|en|/compare SERVFAIL REFUSED"));
        r.GetProperty("type").GetInt32().ShouldBe(4);
        r.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString()!.ShouldContain("REFUSED");
    }

    [Fact]
    public async Task CompareSelect_ComparesWithTheChosenCode()
    {
        var r = await discord.InteractAsync(DiscordHost.Component("c|ja|SERVFAIL", values: """["NXDOMAIN"]"""));
        r.GetProperty("type").GetInt32().ShouldBe(4);
        var title = r.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString()!;
        title.ShouldContain("NXDOMAIN");
        title.ShouldContain("違い");
    }

    [Fact]
    public async Task AnswersCarryButtonsWithValidCustomIds()
    {
        var r = await discord.InteractAsync(DiscordHost.Command("rcode", "en-US", """[{"name":"code","type":3,"value":"2"}]"""));
        var ids = r.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(c => c.TryGetProperty("custom_id", out var id) ? id.GetString() : null).OfType<string>().ToList();
        ids.ShouldNotBeEmpty();
        ids.Where(id => !Bot.Adapters.Discord.DiscordCustomId.TryDecode(id, out _)).ShouldBeEmpty();
        ids.ShouldContain(id => id.StartsWith("l|ja|", StringComparison.Ordinal));
        ids.ShouldContain(id => id.StartsWith("f|en|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameInteractionTwice_IsAnsweredOnce_WithTheSameResponse()
    {
        var json = DiscordHost.Command("rcode", "en-US", """[{"name":"code","type":3,"value":"5"}]""", id: "9000000000000001");
        var first = await (await discord.SendAsync(json)).Content.ReadAsStringAsync();
        var second = await (await discord.SendAsync(json)).Content.ReadAsStringAsync();
        second.ShouldBe(first);
    }

    [Fact]
    public async Task ForgedSignature_Is401()
    {
        var bad = new string('0', 128);
        (await discord.SendAsync("""{"type":1}""", signature: bad)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AlteredBody_Is401()
    {
        var json = DiscordHost.Command("rcode", "en-US", """[{"name":"code","type":3,"value":"2"}]""");
        var response = await discord.SendAsync(json, tamper: body => [.. body[..^2], (byte)' ', .. body[^2..]]);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("")]
    [InlineData("0011")]
    public async Task MalformedSignatureHeader_Is401(string signature) =>
        (await discord.SendAsync("""{"type":1}""", signature: signature)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task MissingHeaders_Are401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/discord/interactions", UriKind.Relative)) { Content = new StringContent("""{"type":1}""") };
        (await discord.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-3600)]
    [InlineData(3600)]
    public async Task StaleOrFutureTimestamp_Is401_EvenWhenSigned(int offsetSeconds)
    {
        var timestamp = DateTimeOffset.UtcNow.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await discord.SendAsync("""{"type":1}""", timestamp: timestamp)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReplayedRequest_WithAnotherTimestamp_Is401()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = Convert.ToHexString(Bot.Adapters.Discord.Ed25519.Sign([.. System.Text.Encoding.ASCII.GetBytes(now.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. System.Text.Encoding.UTF8.GetBytes("""{"type":1}""")], discord.Keys.SecretKey));
        (await discord.SendAsync("""{"type":1}""", timestamp: (now + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature: signature)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var big = "{\"type\":2,\"pad\":\"" + new string('a', 70_000) + "\"}";
        (await discord.SendAsync(big)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"two"}""")]
    [InlineData("""{"type":2}""")]
    public async Task MalformedJson_WithAValidSignature_Is400(string json) =>
        (await discord.SendAsync(json)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

    [Fact]
    public async Task UserText_CannotMentionOrLink()
    {
        var r = await discord.InteractAsync(DiscordHost.Command("rcode", "en-US", """[{"name":"code","type":3,"value":"@everyone <@123> [x](https://evil.example)"}]"""));
        var shown = string.Join('\n', Shown(r.GetProperty("data")));
        shown.ShouldContain("everyone");
        shown.ShouldNotContain("@everyone");
        shown.ShouldNotContain("<@123>");
        shown.ShouldNotContain("[x](https://evil.example)");
        r.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().ShouldBe(0);
    }

    /// <summary>Every string Discord shows (content, embeds, labels); custom_ids are not shown.</summary>
    private static IEnumerable<string> Shown(JsonElement e, string? property = null) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Where(p => p.Name is not ("custom_id" or "url")).SelectMany(p => Shown(p.Value, p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(x => Shown(x, property)),
        JsonValueKind.String => [e.GetString()!],
        _ => [],
    };
}

public sealed class DiscordDisabledTests : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = BotHost.Build(["--urls", "http://127.0.0.1:0"]);
        await _app.StartAsync();
        var address = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(_app.Services).Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app!.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task WithoutAPublicKey_TheEndpointIs404() =>
        (await _client.PostAsync(new Uri("/discord/interactions", UriKind.Relative), new StringContent("""{"type":1}"""))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task MalformedPublicKey_FailsTheStart()
    {
        await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Discord:PublicKey", "abc", "--Discord:ApplicationId", "1"]);
        var error = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
        error.Message.ShouldContain("Discord:PublicKey");
    }
}
