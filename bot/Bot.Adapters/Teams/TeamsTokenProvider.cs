using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Teams;

/// <summary>
/// The bot's outbound token (platforms.md §2.4): client credentials against the configured authority (single- or
/// multi-tenant), or the managed identity endpoint, for the scope https://api.botframework.com; cached until five
/// minutes before it expires, fetched by one caller at a time.
/// </summary>
public sealed class TeamsTokenProvider(HttpClient http, IOptions<TeamsOptions> options, TimeProvider time) : IDisposable
{
    private const string Resource = "https://api.botframework.com";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset Until)? _cached;
    private System.Security.Cryptography.X509Certificates.X509Certificate2? _certificate;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } c && time.GetUtcNow() < c.Until)
        {
            return c.Token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && time.GetUtcNow() < again.Until)
            {
                return again.Token;
            }

            var response = await RequestAsync(options.Value, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(response.AccessToken))
            {
                throw new TeamsTokenException("the token endpoint answered without an access_token");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Clamp(response.ExpiresIn ?? 3600, 60, 24 * 3600));
            _cached = (response.AccessToken, time.GetUtcNow() + lifetime - (lifetime > 2 * Margin ? Margin : lifetime / 2));
            return response.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the cached token (the Connector answered 401 with it).</summary>
    public void Invalidate() => _cached = null;

    private async Task<TokenResponse> RequestAsync(TeamsOptions o, CancellationToken cancellationToken)
    {
        using var request = o.AppType == TeamsAppType.UserAssignedMSI
            ? ManagedIdentityRequest(o)
            : new HttpRequestMessage(HttpMethod.Post, o.EffectiveTokenEndpoint) { Content = new FormUrlEncodedContent(ClientCredentials(o)) };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo request details; only the status is reported.
            throw new TeamsTokenException($"the token endpoint answered HTTP {(int)response.StatusCode}");
        }

        return await response.Content.ReadFromJsonAsync(TeamsJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new TeamsTokenException("the token endpoint answered with no JSON");
    }

    private Dictionary<string, string> ClientCredentials(TeamsOptions o)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = o.AppId!,
            ["scope"] = Resource + "/.default",
        };
        if (o.UsesCertificate)
        {
            // Loaded once (the start-up check already proved it loads); a fresh assertion for every token request.
            _certificate ??= TeamsClientCertificate.Load(o);
            form["client_assertion_type"] = TeamsClientCertificate.AssertionType;
            form["client_assertion"] = TeamsClientCertificate.Assertion(_certificate, o.AppId!, o.EffectiveTokenEndpoint, time.GetUtcNow());
        }
        else
        {
            form["client_secret"] = o.AppPassword ?? "";
        }

        return form;
    }

    private static HttpRequestMessage ManagedIdentityRequest(TeamsOptions o)
    {
        var url = $"{o.EffectiveTokenEndpoint}?api-version=2019-08-01&resource={Uri.EscapeDataString(Resource)}&client_id={Uri.EscapeDataString(o.ManagedIdentityClientId ?? "")}";
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (Environment.GetEnvironmentVariable("IDENTITY_HEADER") is { Length: > 0 } header)
        {
            request.Headers.Add("X-IDENTITY-HEADER", header); // App Service / Functions
        }
        else
        {
            request.Headers.Add("Metadata", "true"); // the instance metadata service
        }

        return request;
    }

    public void Dispose()
    {
        _gate.Dispose();
        _certificate?.Dispose();
    }
}

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? ExpiresIn);

public sealed class TeamsTokenException(string message) : Exception(message);
