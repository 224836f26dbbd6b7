using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.TestSupport.Teams;

/// <summary>
/// A loopback stand-in for the Bot Framework: OpenID metadata and signing keys (with endorsements, rotatable), the
/// token endpoint, and the Bot Connector REST API, which records every call and can answer 429 first.
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (RSA Key, string[] Endorsements)> _keys = new();
    private int _tooManyLeft;
    private int _failStatus = StatusCodes.Status429TooManyRequests;
    private int _tokensIssued;
    private int _keyFetches;
    private int _tokenRefused;

    private FakeBotFramework(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The serviceUrl activities carry (this fake's Connector).</summary>
    public string ServiceUrl => BaseUrl + "/connector/";

    public ConcurrentQueue<(string Method, string Path, string Body, string? Authorization)> Calls { get; } = new();

    public SemaphoreSlim Called { get; } = new(0);

    /// <summary>Told of every Connector call as it arrives (method, raw path, body); the load tool times replies with it.</summary>
    public Action<string, string, string>? OnConnectorCall { get; set; }

    public int TokensIssued => _tokensIssued;

    public int KeyFetches => _keyFetches;

    /// <summary>The certificate registered on the fake app: client assertions must be signed with its key.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? ClientCertificate { get; set; }

    /// <summary>The claims of the last client assertion the token endpoint accepted.</summary>
    public JsonWebToken? LastAssertion { get; private set; }

    /// <summary>Token requests refused (bad secret, bad or missing assertion).</summary>
    public int TokenRequestsRefused => _tokenRefused;

    public void AddKey(string kid, RSA key, params string[] endorsements) => _keys[kid] = (key, endorsements);

    /// <summary>The next <paramref name="count"/> Connector calls get 429 with Retry-After: 1.</summary>
    public void TooManyRequests(int count) => Fail(count, StatusCodes.Status429TooManyRequests);

    /// <summary>The next <paramref name="count"/> Connector calls get <paramref name="status"/> with Retry-After: 1.</summary>
    public void Fail(int count, int status)
    {
        _failStatus = status;
        _tooManyLeft = count;
    }

    public static async Task<FakeBotFramework> StartAsync()
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        var fake = new FakeBotFramework(app);
        app.MapGet("/openid", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = "https://api.botframework.com",
            ["jwks_uri"] = fake.BaseUrl + "/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/keys", () =>
        {
            Interlocked.Increment(ref fake._keyFetches);
            return Results.Json(new { keys = fake._keys.Select(k => Jwk(k.Key, k.Value.Key, k.Value.Endorsements)).ToArray() });
        });
        app.MapPost("/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var credential = form.ContainsKey("client_assertion")
                ? await fake.AssertionValidAsync(form["client_assertion"].ToString(), form["client_assertion_type"].ToString(), form["client_id"].ToString())
                : !string.IsNullOrEmpty(form["client_secret"]);
            if (form["grant_type"] != "client_credentials" || form["scope"] != "https://api.botframework.com/.default" || !credential)
            {
                Interlocked.Increment(ref fake._tokenRefused);
                return Results.BadRequest();
            }

            var n = Interlocked.Increment(ref fake._tokensIssued);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = $"connector-token-{n}" });
        });
        app.Map("/connector/{**rest}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var path = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
            fake.OnConnectorCall?.Invoke(http.Request.Method, path, body);
            fake.Calls.Enqueue((http.Request.Method, path, body, http.Request.Headers.Authorization));
            fake.Called.Release();
            if (Interlocked.Decrement(ref fake._tooManyLeft) >= 0)
            {
                http.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(fake._failStatus);
            }

            return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N")[..8] });
        });
        fake.BaseUrl = await LoopbackApp.StartAsync(app);
        return fake;
    }

    /// <summary>Waits for the next Connector call that is not a typing indicator (unless <paramref name="typing"/>).</summary>
    public async Task<(string Method, string Path, JsonElement Body, string? Authorization)> NextCallAsync(bool typing = false, int seconds = 20)
    {
        while (true)
        {
            (await Called.WaitAsync(TimeSpan.FromSeconds(seconds))).ShouldBeTrue("nothing reached the fake Bot Connector");
            Calls.TryDequeue(out var call).ShouldBeTrue();
            var body = JsonDocument.Parse(call.Body).RootElement.Clone();
            if (typing || body.GetProperty("type").GetString() != "typing")
            {
                return (call.Method, call.Path, body, call.Authorization);
            }
        }
    }

    /// <summary>As the Microsoft identity platform checks a certificate credential: PS256 over the registered certificate's
    /// key, x5t#S256 its thumbprint, aud this token endpoint, iss = sub = the client id, a jti, a short lifetime.</summary>
    private async Task<bool> AssertionValidAsync(string assertion, string type, string clientId)
    {
        if (ClientCertificate is null || type != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        {
            return false;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = new X509SecurityKey(ClientCertificate),
            ValidAlgorithms = [SecurityAlgorithms.RsaSsaPssSha256],
            ValidAudience = BaseUrl + "/token",
            ValidIssuer = clientId,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return false;
        }

        var thumbprint = Base64UrlEncoder.Encode(ClientCertificate.GetCertHash(HashAlgorithmName.SHA256));
        var ok = token.TryGetHeaderValue<string>("x5t#S256", out var x5t) && x5t == thumbprint
            && token.Subject == clientId && !string.IsNullOrEmpty(token.Id) && token.ValidTo - token.ValidFrom <= TimeSpan.FromMinutes(10);
        if (ok)
        {
            LastAssertion = token;
        }

        return ok;
    }

    private static Dictionary<string, object> Jwk(string kid, RSA key, string[] endorsements)
    {
        var p = key.ExportParameters(false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = endorsements,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var (key, _) in _keys.Values)
        {
            key.Dispose();
        }

        Called.Dispose();
    }
}
