using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Bot.Host.Tests;

public sealed class ChatApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Healthz_Returns200()
    {
        var response = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("en", "SERVFAIL")]
    [InlineData("ja", "SERVFAIL")]
    [InlineData("de", "SERVFAIL")]
    public async Task Chat_Rcode2_ReturnsTheAnswerModel(string locale, string expected)
    {
        var response = await host.Client.PostAsync(new Uri("/api/chat", UriKind.Relative), Json($$"""{"text":"/rcode 2","locale":"{{locale}}"}"""));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        root.GetProperty("intent").GetString().ShouldBe("code");
        root.GetProperty("locale").GetString().ShouldBe(locale);
        root.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ShouldBe(["dns:rcode:2"]);
        root.GetProperty("title").GetString()!.ShouldContain(expected);
        root.GetProperty("text").GetString()!.ShouldContain(expected);
        root.GetProperty("html").GetString()!.ShouldStartWith("<article");
    }

    [Fact]
    public async Task Chat_WithoutLocale_DetectsJapanese()
    {
        var response = await host.Client.PostAsJsonAsync(new Uri("/api/chat", UriKind.Relative), new { text = "NXDOMAINとは" });
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("locale").GetString().ShouldBe("ja");
        doc.RootElement.GetProperty("codes")[0].GetString().ShouldBe("dns:rcode:3");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"locale\":\"en\"}")]
    [InlineData("{\"text\": 5}")]
    public async Task Chat_MalformedBody_Returns400(string body)
    {
        var response = await host.Client.PostAsync(new Uri("/api/chat", UriKind.Relative), Json(body));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Chat_OversizedBody_Returns413()
    {
        var big = "{\"text\":\"" + new string('a', 70_000) + "\"}";
        var response = await host.Client.PostAsync(new Uri("/api/chat", UriKind.Relative), Json(big));
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Chat_OversizedChunkedBody_Returns413()
    {
        var big = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', 70_000) + "\"}");
        using var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/chat", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var response = await host.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Chat_NotJson_Returns415()
    {
        var response = await host.Client.PostAsync(new Uri("/api/chat", UriKind.Relative), new StringContent("/rcode 2", Encoding.UTF8, "text/plain"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Chat_BinaryText_GetsAnAnswerNotAnError()
    {
        var response = await host.Client.PostAsJsonAsync(new Uri("/api/chat", UriKind.Relative), new { text = "\u0000\u0001\uFFFD\u00ff\u0002 SERVFAIL \u0007" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("codes")[0].GetString().ShouldBe("dns:rcode:2");
    }

    [Theory]
    [InlineData("/guides/dnssec", "DNSSEC")]
    [InlineData("/guides/troubleshooting?lang=ja", "dig")]
    [InlineData("/guides/rcodes?lang=de", "RCODE")]
    [InlineData("/guides", "dnssec")]
    public async Task GuidePages_AreServed(string path, string expected)
    {
        var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(expected);
        html.ShouldNotContain("](guide:");
    }

    [Fact]
    public async Task UiStrings_ComeFromTheKnowledgeBase_InEveryLanguage()
    {
        using var doc = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/api/ui", UriKind.Relative)));
        doc.RootElement.GetProperty("ja").GetProperty("send").GetString().ShouldBe("質問");
        doc.RootElement.GetProperty("de").GetProperty("send").GetString().ShouldBe("Fragen");
        doc.RootElement.GetProperty("en").GetProperty("placeholder").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task UnknownGuide_Returns404() =>
        (await host.Client.GetAsync(new Uri("/guides/no-such-guide", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task ChatPage_IsServedWithItsAssets_AndNoExternalReferences()
    {
        foreach (var path in new[] { "/", "/app.js", "/app.css" })
        {
            var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            var body = await response.Content.ReadAsStringAsync();
            body.ShouldNotContain("https://", Case.Insensitive, path);
        }
    }
}
