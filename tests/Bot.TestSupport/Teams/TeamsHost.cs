using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.TestSupport.Teams;

/// <summary>The bot host with Teams configured against a <see cref="FakeBotFramework"/>, and a client that sends activities with tokens signed by the fake's keys.</summary>
public class TeamsHost : PlatformHost
{
    public const string AppId = "0b7c5f8e-3d2a-4c1b-9e6f-1a2b3c4d5e6f";
    public const string TenantId = "11111111-2222-4333-8444-555555555555";
    public const string BotId = "28:" + AppId;

    public FakeBotFramework Fake { get; private set; } = null!;

    public RSA SigningKey { get; } = RSA.Create(2048);

    /// <summary>Runs once the fake is up, before the host starts (e.g. to register a client certificate).</summary>
    protected Action<FakeBotFramework>? OnFakeStarted { get; set; }

    protected override async Task<IReadOnlyList<string>> StartFakeAsync()
    {
        Fake = await FakeBotFramework.StartAsync();
        Fake.AddKey("key-1", SigningKey, "msteams", "webchat");
        OnFakeStarted?.Invoke(Fake);
        return
        [
            "--Teams:AppId", AppId,
            "--Teams:AppPassword", "test-secret",
            "--Teams:TenantId", TenantId,
            "--Teams:OpenIdMetadataUrl", Fake.BaseUrl + "/openid",
            "--Teams:TokenEndpoint", Fake.BaseUrl + "/token",
            "--Teams:AllowedServiceUrlHosts:0", "127.0.0.1",
        ];
    }

    protected override ValueTask StopFakeAsync() => Fake.DisposeAsync();

    /// <summary>A token as the Bot Framework signs it; every claim can be varied to test a failure.</summary>
    public string Token(string? serviceUrl = null, string issuer = "https://api.botframework.com", string audience = AppId, RSA? key = null, string kid = "key-1",
        DateTime? expires = null, DateTime? notBefore = null)
    {
        var claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? Fake.ServiceUrl, ["appid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db" };
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? SigningKey) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    public Task<HttpResponseMessage> SendAsync(string activityJson, string? token = "", Func<byte[], byte[]>? tamper = null)
    {
        var body = Encoding.UTF8.GetBytes(activityJson);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative)) { Content = new ByteArrayContent(tamper?.Invoke(body) ?? body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Length == 0 ? Token() : token);
        }

        return Client.SendAsync(request);
    }

    /// <summary>A message activity in a channel, mentioning the bot, as Teams sends it.</summary>
    public string Message(string text, string locale = "en-US", string? id = null, string conversationId = "19:abc@thread.tacv2;messageid=1700000000000", string? value = null, string? serviceUrl = null, string channelId = "msteams") =>
        $$$"""
        {"type":"message","id":"{{{id ?? Guid.NewGuid().ToString("N")}}}","timestamp":"2026-11-22T08:00:00.000Z","serviceUrl":"{{{serviceUrl ?? Fake.ServiceUrl}}}","channelId":"{{{channelId}}}",
         "from":{"id":"29:user-1","name":"Jane","aadObjectId":"aad-1"},"recipient":{"id":"{{{BotId}}}","name":"DNS Bot"},
         "conversation":{"id":"{{{conversationId}}}","conversationType":"channel","tenantId":"{{{TenantId}}}","isGroup":true},
         "text":{{{System.Text.Json.JsonSerializer.Serialize(text)}}},"textFormat":"plain","locale":"{{{locale}}}",
         "entities":[{"type":"mention","mentioned":{"id":"{{{BotId}}}","name":"DNS Bot"},"text":"<at>DNS Bot</at>"},{"type":"clientInfo","locale":"{{{locale}}}","platform":"Web"}],
         "channelData":{"tenant":{"id":"{{{TenantId}}}"}}{{{(value is null ? "" : ",\"value\":" + value)}}} }
        """;

    /// <summary>An Action.Execute invoke from a card.</summary>
    public string Invoke(string verb, string data, string locale = "en-US") =>
        $$$"""
        {"type":"invoke","name":"adaptiveCard/action","id":"{{{Guid.NewGuid():N}}}","serviceUrl":"{{{Fake.ServiceUrl}}}","channelId":"msteams",
         "from":{"id":"29:user-1","name":"Jane"},"recipient":{"id":"{{{BotId}}}","name":"DNS Bot"},
         "conversation":{"id":"a:1on1-conversation","conversationType":"personal","tenantId":"{{{TenantId}}}"},"locale":"{{{locale}}}",
         "value":{"action":{"type":"Action.Execute","id":"x","verb":"{{{verb}}}","data":{{{data}}} },"trigger":"manual"} }
        """;
}
