using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Adapters.Teams;

/// <summary>
/// Inbound authentication of Bot Framework requests (platforms.md §2.3): a Bearer JWT, RS256, signed with a key from
/// the OpenID metadata (cached, refreshed on schedule and once on an unknown key id), issuer Bot Framework (or the
/// configured tenant's Entra issuers), audience the app id, lifetime with skew. <see cref="Authorize"/> then ties the
/// token to the activity: the <c>serviceurl</c> claim and the signing key's endorsements for the channel.
/// </summary>
public sealed partial class TeamsAuthenticator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly TeamsOptions _options;
    private readonly ILogger<TeamsAuthenticator> _log;
    private readonly IConfigurationManager<OpenIdConnectConfiguration> _botFramework;
    private readonly IConfigurationManager<OpenIdConnectConfiguration>? _entra;
    private readonly string[] _entraIssuers;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>RS256 checks through OpenSSL with a verification context kept per key (<see cref="OpenSslRsaVerifier"/>), where available.</summary>
    private readonly CryptoProviderFactory _crypto = OpenSslRs256Provider.CreateFactory();

    /// <summary>
    /// Tokens whose signature, issuer and audience were verified, by their exact text. The Bot Framework sends the
    /// same token with every activity for about an hour, so a repeat costs a lookup instead of an RSA check; what
    /// can change is checked again on every use: the lifetime, and that the signing key is still published (with
    /// its current endorsements). Bounded: emptied when full.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, VerifiedToken> _verified = new(StringComparer.Ordinal);
    private const int MaxVerifiedTokens = 512;

    /// <summary>False only in the benchmark that times the full validation of a token seen for the first time.</summary>
    internal bool RememberVerifiedTokens { get; init; } = true;

    public TeamsAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory http, ILogger<TeamsAuthenticator> log)
    {
        _options = options.Value;
        _log = log;
        _botFramework = Manager(_options.OpenIdMetadataUrl, http);
        if (Guid.TryParse(_options.TenantId, out var tenant))
        {
            _entra = Manager(_options.EntraOpenIdMetadataUrl, http);
            _entraIssuers = [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"];
        }
        else
        {
            _entraIssuers = [];
        }
    }

    /// <summary>With given Bot Framework metadata (benchmarks: validation cost with the keys cached).</summary>
    internal TeamsAuthenticator(TeamsOptions options, IConfigurationManager<OpenIdConnectConfiguration> botFramework, ILogger<TeamsAuthenticator> log)
    {
        _options = options;
        _log = log;
        _botFramework = botFramework;
        _entraIssuers = [];
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Manager(string url, IHttpClientFactory http)
    {
        var uri = new Uri(url);
        var retriever = new HttpDocumentRetriever(http.CreateClient(nameof(TeamsAuthenticator))) { RequireHttps = !uri.IsLoopback };
        return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = _options.KeyRefreshInterval,
        };
    }

    /// <summary>Validates the Authorization header's token; null when it is missing or not valid (→ 401).</summary>
    public async Task<TeamsIdentity?> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) || authorization.Length > 16 * 1024)
        {
            return null;
        }

        var token = authorization[bearer.Length..].Trim();
        if (_verified.TryGetValue(token, out var seen))
        {
            if (await StillValidAsync(seen, cancellationToken).ConfigureAwait(false) is { } again)
            {
                return again;
            }

            _verified.TryRemove(token, out _);
        }

        JsonWebToken unverified;
        string issuer;
        string? kid;
        try
        {
            unverified = new JsonWebToken(token);
            issuer = unverified.Issuer;
            kid = unverified.Kid;
        }
        catch (ArgumentException)
        {
            return null;
        }

        // The unverified issuer only chooses where the keys come from; the token is then validated in full.
        var fromBotFramework = issuer == BotFrameworkIssuer;
        var manager = fromBotFramework ? _botFramework : _entraIssuers.Contains(issuer, StringComparer.Ordinal) ? _entra : null;
        if (manager is null)
        {
            Rejected(_log, "issuer not accepted");
            return null;
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            OpenIdConnectConfiguration config;
            try
            {
                config = await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                MetadataUnavailable(_log, e);
                return null;
            }

            var key = kid is null ? null : config.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
            if (key is null)
            {
                if (attempt == 0)
                {
                    // A key may have been added since the last fetch: refresh once (the manager throttles refreshes).
                    manager.RequestRefresh();
                    continue;
                }

                Rejected(_log, "unknown signing key");
                return null;
            }

            // The parsed token is validated as it is (signature over its exact bytes); parsing it twice would cost a third of the time.
            var result = await _handler.ValidateTokenAsync(unverified, new TokenValidationParameters
            {
                ValidIssuers = fromBotFramework ? [BotFrameworkIssuer] : _entraIssuers,
                ValidAudience = _options.AppId,
                IssuerSigningKey = key,
                CryptoProviderFactory = _crypto,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateLifetime = true,
                ClockSkew = _options.ClockSkew,
            }).ConfigureAwait(false);
            if (!result.IsValid)
            {
                Rejected(_log, result.Exception?.GetType().Name ?? "invalid");
                return null;
            }

            // Only the serviceurl claim is needed: read it from the validated token rather than building a ClaimsIdentity.
            var serviceUrl = unverified.TryGetPayloadValue<string>("serviceurl", out var claim) ? claim : null;
            var identity = new TeamsIdentity(serviceUrl, fromBotFramework, Endorsements(key));
            if (RememberVerifiedTokens)
            {
                if (_verified.Count >= MaxVerifiedTokens)
                {
                    _verified.Clear();
                }

                _verified[token] = new VerifiedToken(identity, kid!, manager, unverified.ValidFrom, unverified.ValidTo);
            }

            return identity;
        }

        return null;
    }

    /// <summary>A remembered token, if it is still within its lifetime and its key is still published; else null.</summary>
    private async Task<TeamsIdentity?> StillValidAsync(VerifiedToken seen, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        if (now + _options.ClockSkew < seen.NotBefore || now - _options.ClockSkew > seen.Expires)
        {
            return null;
        }

        OpenIdConnectConfiguration config;
        try
        {
            config = await seen.Keys.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        var key = config.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == seen.Kid);
        return key is null ? null : seen.Identity with { Endorsements = Endorsements(key) };
    }

    private sealed record VerifiedToken(TeamsIdentity Identity, string Kid, IConfigurationManager<OpenIdConnectConfiguration> Keys, DateTime NotBefore, DateTime Expires);

    /// <summary>
    /// Ties a valid token to the activity: the <c>serviceurl</c> claim must equal the activity's serviceUrl
    /// (required on Bot Framework tokens; checked on Entra tokens when present), and a Bot Framework signing key
    /// must be endorsed for the activity's channel. False → 403.
    /// </summary>
    public static bool Authorize(TeamsIdentity identity, string serviceUrl, string channelId)
    {
        var claim = identity.ServiceUrlClaim;
        if (claim is null ? identity.FromBotFramework : !string.Equals(claim.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !identity.FromBotFramework || identity.Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return [];
        }

        return value switch
        {
            IEnumerable<object> items => [.. items.Select(i => i?.ToString() ?? "")],
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.GetString() ?? "")],
            _ => [],
        };
    }

    [LoggerMessage(EventId = 520, Level = LogLevel.Warning, Message = "Teams request rejected: {Reason}")]
    private static partial void Rejected(ILogger log, string reason);

    [LoggerMessage(EventId = 521, Level = LogLevel.Error, Message = "The OpenID metadata or signing keys could not be fetched; Teams requests are rejected until they can")]
    private static partial void MetadataUnavailable(ILogger log, Exception error);
}

/// <summary>A validated token: its serviceurl claim, whether Bot Framework issued it, and its signing key's endorsements.</summary>
public sealed record TeamsIdentity(string? ServiceUrlClaim, bool FromBotFramework, IReadOnlyList<string> Endorsements);
