using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bot.Adapters.Discord;

namespace Bot.TestSupport.Discord;

/// <summary>The bot host with Discord configured (a test key pair), its fake REST API, and a signed-request client.</summary>
public class DiscordHost : PlatformHost
{
    public (byte[] PublicKey, byte[] SecretKey) Keys { get; } = Ed25519.GenerateKeyPair();

    public FakeDiscordApi Api { get; private set; } = null!;

    protected override async Task<IReadOnlyList<string>> StartFakeAsync()
    {
        Api = await FakeDiscordApi.StartAsync();
        return
        [
            "--Discord:PublicKey", Convert.ToHexString(Keys.PublicKey),
            "--Discord:ApplicationId", "123456789012345678",
            "--Discord:ApiBaseUrl", Api.BaseUrl,
        ];
    }

    protected override ValueTask StopFakeAsync() => Api.DisposeAsync();

    public Task<HttpResponseMessage> SendAsync(string json, string? timestamp = null, Func<byte[], byte[]>? tamper = null, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        signature ??= Convert.ToHexString(Ed25519.Sign([.. Encoding.ASCII.GetBytes(timestamp), .. body], Keys.SecretKey)).ToLowerInvariant();
        var sent = tamper?.Invoke(body) ?? body;
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/discord/interactions", UriKind.Relative)) { Content = new ByteArrayContent(sent) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return Client.SendAsync(request);
    }

    public async Task<JsonElement> InteractAsync(string json)
    {
        var response = await SendAsync(json);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Command(string name, string locale = "en-US", string options = "[]", string? id = null) =>
        $$$"""{"id":"{{{id ?? Guid.NewGuid().ToString("N")}}}","application_id":"123456789012345678","type":2,"token":"tok-{{{Guid.NewGuid():N}}}","version":1,"locale":"{{{locale}}}","guild_locale":"en-US","member":{"user":{"id":"42"} },"data":{"id":"1","name":"{{{name}}}","type":1,"options":{{{options}}} }}""";

    public static string Component(string customId, string locale = "en-US", string values = "[]") =>
        $$$"""{"id":"{{{Guid.NewGuid():N}}}","application_id":"123456789012345678","type":3,"token":"tok-{{{Guid.NewGuid():N}}}","version":1,"locale":"{{{locale}}}","user":{"id":"42"},"data":{"custom_id":"{{{customId}}}","component_type":2,"values":{{{values}}} }}""";

    public static string Autocomplete(string command, string option, string typed, string locale = "en-US") =>
        $$$"""{"id":"{{{Guid.NewGuid():N}}}","application_id":"123456789012345678","type":4,"token":"tok","version":1,"locale":"{{{locale}}}","user":{"id":"42"},"data":{"id":"1","name":"{{{command}}}","type":1,"options":[{"name":"{{{option}}}","type":3,"value":"{{{typed}}}","focused":true}]}}""";
}
