using System.Security.Claims;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Bot.Adapters.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Benchmarks;

/// <summary>Inbound Bot Framework token validation with the signing keys cached (the per-request cost).</summary>
[MemoryDiagnoser]
public class TeamsBenchmarks
{
    private const string AppId = "0b7c5f8e-3d2a-4c1b-9e6f-1a2b3c4d5e6f";
    private TeamsAuthenticator _authenticator = null!;
    private TeamsAuthenticator _remembering = null!;
    private string _header = null!;
    private RSA _rsa = null!;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private OpenSslRsaVerifier _openSsl = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(_rsa) { KeyId = "k1" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "k1" });
        jwk.AdditionalData["endorsements"] = new[] { "msteams" };
        var config = new OpenIdConnectConfiguration { Issuer = TeamsAuthenticator.BotFrameworkIssuer, JsonWebKeySet = new JsonWebKeySet() };
        config.JsonWebKeySet.Keys.Add(jwk);
        _authenticator = new TeamsAuthenticator(new TeamsOptions { AppId = AppId }, new StaticConfigurationManager<OpenIdConnectConfiguration>(config), NullLogger<TeamsAuthenticator>.Instance)
        {
            RememberVerifiedTokens = false,
        };
        _remembering = new TeamsAuthenticator(new TeamsOptions { AppId = AppId }, new StaticConfigurationManager<OpenIdConnectConfiguration>(config), NullLogger<TeamsAuthenticator>.Instance);
        _header = "Bearer " + new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TeamsAuthenticator.BotFrameworkIssuer,
            Audience = AppId,
            Expires = DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("serviceurl", "https://smba.trafficmanager.net/amer/")]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

        // The token's own signing input and signature, for the RSA check alone.
        var token = _header["Bearer ".Length..];
        _signingInput = System.Text.Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]);
        _signature = Base64UrlEncoder.DecodeBytes(token[(token.LastIndexOf('.') + 1)..]);
        var parameters = _rsa.ExportParameters(false);
        _openSsl = OpenSslRsaVerifier.TryCreate(parameters.Modulus!, parameters.Exponent!) ?? throw new InvalidOperationException("OpenSSL 3 is needed");

        // Measure the accepting path only: a token that fails validation would time the error path instead.
        if (!ValidateToken().GetAwaiter().GetResult() || !ValidateRepeatedToken().GetAwaiter().GetResult() || !RsaCheckDotNet() || !RsaCheckOpenSslContextPerKey())
        {
            throw new InvalidOperationException("The benchmark token does not validate; the figure would be meaningless.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _rsa.Dispose();

    /// <summary>A token seen for the first time: parse, RS256 signature, issuer, audience, lifetime, then the activity checks.</summary>
    [Benchmark(Baseline = true)]
    public async Task<bool> ValidateToken() =>
        await _authenticator.AuthenticateAsync(_header, CancellationToken.None) is { } identity
        && TeamsAuthenticator.Authorize(identity, "https://smba.trafficmanager.net/amer/", "msteams");

    /// <summary>The same token again (the Bot Framework reuses one for about an hour): lifetime and key checked again.</summary>
    [Benchmark]
    public async Task<bool> ValidateRepeatedToken() =>
        await _remembering.AuthenticateAsync(_header, CancellationToken.None) is { } identity
        && TeamsAuthenticator.Authorize(identity, "https://smba.trafficmanager.net/amer/", "msteams");

    /// <summary>The RS256 check alone through .NET's RSA (a new OpenSSL verification context per call).</summary>
    [Benchmark]
    public bool RsaCheckDotNet() => _rsa.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The RS256 check alone as the authenticator does it: OpenSSL with the context kept per key.</summary>
    [Benchmark]
    public bool RsaCheckOpenSslContextPerKey() => _openSsl.Verify(_signingInput, _signature);
}
