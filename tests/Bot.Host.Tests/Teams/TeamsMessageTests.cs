using System.Net;
using System.Text.Json;
using Bot.TestSupport.Teams;

namespace Bot.Host.Tests.Teams;

/// <summary>Authenticated activities through the real HTTP pipeline; replies checked as they reach the fake Bot Connector.</summary>
public sealed class TeamsMessageTests(TeamsHost teams) : IClassFixture<TeamsHost>
{
    private static string Shown(JsonElement card) => string.Join('\n', Strings(card));

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Where(p => p.Name is "text" or "title" or "value" or "placeholder" or "body" or "items" or "inlines" or "facts" or "actions" or "card" or "choices").SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [e.GetString()!],
        _ => [],
    };

    private static JsonElement Card(JsonElement reply)
    {
        var attachment = reply.GetProperty("attachments")[0];
        attachment.GetProperty("contentType").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        return attachment.GetProperty("content");
    }

    [Theory]
    [InlineData("<at>DNS Bot</at> /rcode 2", "en-US", "SERVFAIL", "What it means")]
    [InlineData("<at>DNS Bot</at> SERVFAIL と REFUSED の違いは?", "ja-JP", "REFUSED", "違い")]
    [InlineData("<at>DNS Bot</at> rcode 5", "de-DE", "REFUSED", "Was das bedeutet")]
    public async Task Message_IsAcknowledgedAtOnce_AndAnsweredWithACardInTheThread(string text, string locale, string code, string words)
    {
        var id = Guid.NewGuid().ToString("N");
        var response = await teams.SendAsync(teams.Message(text, locale, id));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var reply = await teams.Fake.NextCallAsync();
        reply.Method.ShouldBe("POST");
        reply.Path.ShouldBe($"/connector/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities/{id}");
        reply.Authorization.ShouldStartWith("Bearer connector-token-");
        reply.Body.GetProperty("type").GetString().ShouldBe("message");
        reply.Body.GetProperty("replyToId").GetString().ShouldBe(id);
        reply.Body.GetProperty("from").GetProperty("id").GetString().ShouldBe(TeamsHost.BotId);
        reply.Body.GetProperty("text").GetString()!.ShouldContain(code);
        var card = Card(reply.Body);
        card.GetProperty("version").GetString().ShouldBe("1.5");
        Shown(card).ShouldContain(words);
    }

    [Fact]
    public async Task PersonalChat_WithoutAMention_IsAnswered()
    {
        var id = Guid.NewGuid().ToString("N");
        var json = teams.Message("NXDOMAINとは", "ja-JP", id, conversationId: "a:1on1-" + id)
            .Replace("\"conversationType\":\"channel\"", "\"conversationType\":\"personal\"", StringComparison.Ordinal);
        (await teams.SendAsync(json)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var reply = await teams.Fake.NextCallAsync();
        reply.Path.ShouldBe($"/connector/v3/conversations/a%3A1on1-{id}/activities/{id}");
        reply.Body.GetProperty("locale").GetString().ShouldBe("ja");
        Shown(Card(reply.Body)).ShouldContain("NXDOMAIN");
    }

    [Fact]
    public async Task UnavailableConnector_IsRetried_ThenTheReplyIsDelivered()
    {
        teams.Fake.Fail(2, 503);
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 9"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var calls = new[] { await teams.Fake.NextCallAsync(), await teams.Fake.NextCallAsync(), await teams.Fake.NextCallAsync() };
        calls.Select(c => c.Path).Distinct().Count().ShouldBe(1, "the same reply, retried");
        (await teams.Fake.Called.WaitAsync(TimeSpan.FromSeconds(2))).ShouldBeFalse("no more attempts after the success");
    }

    [Fact]
    public async Task CardSubmit_RoutesToTheCommandItCarries_InItsLanguage()
    {
        var value = """{"botCommand":"/rcode 3","botLocale":"de"}""";
        (await teams.SendAsync(teams.Message("", "en-US", value: value))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var reply = await teams.Fake.NextCallAsync();
        reply.Body.GetProperty("locale").GetString().ShouldBe("de");
        Shown(Card(reply.Body)).ShouldContain("NXDOMAIN");
        Shown(Card(reply.Body)).ShouldContain("Was das bedeutet");
    }

    [Fact]
    public async Task CompareSubmit_ComparesTheTwoCodes()
    {
        var value = """{"botCompareFrom":"SERVFAIL","botCompareWith":"REFUSED (RCODE 5)","botLocale":"en"}""";
        (await teams.SendAsync(teams.Message("", value: value))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var shown = Shown(Card((await teams.Fake.NextCallAsync()).Body));
        shown.ShouldContain("SERVFAIL");
        shown.ShouldContain("REFUSED");
    }

    [Fact]
    public async Task ExecuteInvoke_IsAnsweredSynchronously_WithTheReplacementCard()
    {
        var response = await teams.SendAsync(teams.Invoke("bot.language", """{"botCommand":"/rcode 2","botLocale":"ja"}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("statusCode").GetInt32().ShouldBe(200);
        body.GetProperty("type").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        Shown(body.GetProperty("value")).ShouldContain("意味");
    }

    [Fact]
    public async Task ExecuteInvoke_FixVerb_ShowsTheFixSteps()
    {
        var response = await teams.SendAsync(teams.Invoke("bot.fix", """{"botCommand":"/rcode 2","botLocale":"en","botView":"fix"}"""));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var shown = Shown(body.GetProperty("value"));
        shown.ShouldContain("How to fix it");
        shown.ShouldNotContain("When you see it");
    }

    [Fact]
    public async Task ExecuteInvoke_WithoutACommand_IsAnInvokeError()
    {
        var response = await teams.SendAsync(teams.Invoke("bot.fix", """{"other":1}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("statusCode").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task BotAddedToAConversation_PostsAWelcomeCard()
    {
        var activity = $$$"""
            {"type":"conversationUpdate","id":"{{{Guid.NewGuid():N}}}","serviceUrl":"{{{teams.Fake.ServiceUrl}}}","channelId":"msteams",
             "from":{"id":"29:admin"},"recipient":{"id":"{{{TeamsHost.BotId}}}","name":"DNS Bot"},"locale":"ja-JP",
             "conversation":{"id":"19:welcome@thread.tacv2","conversationType":"channel"},"membersAdded":[{"id":"{{{TeamsHost.BotId}}}"}]}
            """;
        (await teams.SendAsync(activity)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var call = await teams.Fake.NextCallAsync();
        call.Path.ShouldBe("/connector/v3/conversations/19%3Awelcome%40thread.tacv2/activities");
        Shown(Card(call.Body)).ShouldContain("DNS トリアージボット");
    }

    [Fact]
    public async Task SameActivityDeliveredTwice_OrConcurrently_IsAnsweredOnce()
    {
        var json = teams.Message("<at>DNS Bot</at> /rcode 0", id: "dup-" + Guid.NewGuid().ToString("N"));
        var statuses = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ => (await teams.SendAsync(json)).StatusCode));
        statuses.Count(s => s == HttpStatusCode.Accepted).ShouldBe(1);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(4);
        (await teams.SendAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await teams.Fake.NextCallAsync();
        (await teams.Fake.Called.WaitAsync(TimeSpan.FromSeconds(3))).ShouldBeFalse("a second reply was sent for one activity");
    }

    [Fact]
    public async Task RateLimitedReply_WaitsRetryAfter_ThenIsDelivered()
    {
        teams.Fake.TooManyRequests(1);
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 4"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var first = await teams.Fake.NextCallAsync();
        var second = await teams.Fake.NextCallAsync();
        second.Path.ShouldBe(first.Path);
        second.Body.GetRawText().ShouldBe(first.Body.GetRawText());
    }

    [Fact]
    public async Task TheConnectorToken_IsFetchedOnce_AndReused()
    {
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 1"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await teams.Fake.NextCallAsync();
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 6"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await teams.Fake.NextCallAsync();
        teams.Fake.TokensIssued.ShouldBe(1);
    }

    [Fact]
    public async Task OtherActivityTypes_AreAcknowledged_AndIgnored()
    {
        var activity = $$$"""{"type":"messageReaction","id":"r1","serviceUrl":"{{{teams.Fake.ServiceUrl}}}","channelId":"msteams","conversation":{"id":"c"},"recipient":{"id":"{{{TeamsHost.BotId}}}"}}""";
        (await teams.SendAsync(activity)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teams.Fake.Called.WaitAsync(TimeSpan.FromSeconds(1))).ShouldBeFalse();
    }

    [Fact]
    public async Task UserText_CannotInjectMentionsOrMarkup()
    {
        (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode <at>Everyone</at> [x](https://evil.example) **b**"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var reply = await teams.Fake.NextCallAsync();
        reply.Body.TryGetProperty("entities", out _).ShouldBeFalse("the bot never sends mention entities");
        reply.Body.GetRawText().ShouldNotContain("<at>");
        reply.Body.GetProperty("textFormat").GetString().ShouldBe("plain");

        // Teams parses Markdown in TextBlock and FactSet text only; user text must never reach those as a link.
        MarkdownTexts(Card(reply.Body)).ShouldNotContain(t => t.Contains("](https://evil.example)", StringComparison.Ordinal));
    }

    private static IEnumerable<string> MarkdownTexts(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            return e.EnumerateArray().SelectMany(MarkdownTexts);
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var type = e.TryGetProperty("type", out var t) ? t.GetString() : null;
        var own = type == "TextBlock" && e.TryGetProperty("text", out var text) ? [text.GetString()!]
            : type == "FactSet" ? e.GetProperty("facts").EnumerateArray().SelectMany(f => new[] { f.GetProperty("title").GetString()!, f.GetProperty("value").GetString()! })
            : Enumerable.Empty<string>();
        return own.Concat(e.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array).SelectMany(p => MarkdownTexts(p.Value)));
    }
}
