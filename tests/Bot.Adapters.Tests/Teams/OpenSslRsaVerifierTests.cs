using System.Security.Cryptography;
using System.Text;
using Bot.Adapters.Teams;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Adapters.Tests.Teams;

/// <summary>
/// The OpenSSL RS256 verifier the Teams authenticator plugs into Microsoft.IdentityModel must agree with .NET's own
/// RSA on every signature, valid or not. The test machines (Debian 12) have OpenSSL 3, so it is expected to load.
/// </summary>
public sealed class OpenSslRsaVerifierTests : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly byte[] _data = Encoding.ASCII.GetBytes("eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0");

    public void Dispose() => _rsa.Dispose();

    private OpenSslRsaVerifier Verifier(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        return OpenSslRsaVerifier.TryCreate(p.Modulus!, p.Exponent!).ShouldNotBeNull("OpenSSL 3 is on the test machines");
    }

    private byte[] Sign(byte[] data) => _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    [Fact]
    public void AValidSignature_Verifies()
    {
        OpenSslRsaVerifier.IsAvailable.ShouldBeTrue();
        Verifier(_rsa).Verify(_data, Sign(_data)).ShouldBeTrue();
    }

    [Fact]
    public void AnAlteredMessage_AnAlteredSignature_OrAnotherKey_AreRejected()
    {
        var verifier = Verifier(_rsa);
        var signature = Sign(_data);

        var altered = (byte[])_data.Clone();
        altered[^1] ^= 1;
        verifier.Verify(altered, signature).ShouldBeFalse();

        var badSignature = (byte[])signature.Clone();
        badSignature[10] ^= 0x80;
        verifier.Verify(_data, badSignature).ShouldBeFalse();

        using var other = RSA.Create(2048);
        Verifier(other).Verify(_data, signature).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(257)]
    [InlineData(512)]
    public void ASignatureOfTheWrongLength_IsRejected(int length)
    {
        var signature = new byte[length];
        Sign(_data).AsSpan(0, Math.Min(length, 256)).CopyTo(signature);
        Verifier(_rsa).Verify(_data, signature).ShouldBeFalse();
    }

    [Fact]
    public void ASha1OrPssSignature_IsNotAnRs256Signature()
    {
        var verifier = Verifier(_rsa);
        verifier.Verify(_data, _rsa.SignData(_data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)).ShouldBeFalse();
        verifier.Verify(_data, _rsa.SignData(_data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss)).ShouldBeFalse();
    }

    [Fact]
    public void AFailedCheck_LeavesNothingBehind_ForDotNetsOwnCryptography()
    {
        var verifier = Verifier(_rsa);
        var bad = new byte[256];
        verifier.Verify(_data, bad).ShouldBeFalse();

        // On the same thread, .NET's own OpenSSL calls still work and agree.
        _rsa.VerifyData(_data, Sign(_data), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        ecdsa.VerifyData(_data, ecdsa.SignData(_data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256).ShouldBeTrue();
    }

    [Fact]
    public async Task ManyThreadsAtOnce_EachGetTheRightAnswer()
    {
        var verifier = Verifier(_rsa);
        var messages = Enumerable.Range(0, 64).Select(i => Encoding.ASCII.GetBytes($"token {i}")).ToArray();
        var signatures = messages.Select(Sign).ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            var wrong = 0;
            for (var round = 0; round < 20; round++)
            {
                for (var i = 0; i < messages.Length; i++)
                {
                    // Every message against its own signature (true) and its neighbour's (false).
                    wrong += verifier.Verify(messages[i], signatures[i]) ? 0 : 1;
                    wrong += verifier.Verify(messages[i], signatures[(i + 1) % messages.Length]) ? 1 : 0;
                }
            }

            return wrong;
        })));
        results.ShouldAllBe(w => w == 0);
    }

    [Fact]
    public void AKeyThatIsNotRsa_OrEmpty_GivesNoVerifier()
    {
        OpenSslRsaVerifier.TryCreate([], [1, 0, 1]).ShouldBeNull();
        OpenSslRsaVerifier.TryCreate([0, 0, 0], [1, 0, 1]).ShouldBeNull();
    }

    [Fact]
    public async Task TheTokenHandler_UsesIt_AndStillRejectsWhatItShould()
    {
        var factory = OpenSslRs256Provider.CreateFactory();
        factory.CustomCryptoProvider.ShouldBeOfType<OpenSslRs256Provider>();

        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "k1" });
        factory.CustomCryptoProvider.IsSupportedAlgorithm(SecurityAlgorithms.RsaSha256, jwk, false).ShouldBeTrue();
        factory.CustomCryptoProvider.IsSupportedAlgorithm(SecurityAlgorithms.RsaSha256, jwk, true).ShouldBeFalse("verification only");
        factory.CustomCryptoProvider.IsSupportedAlgorithm(SecurityAlgorithms.RsaSha512, jwk, false).ShouldBeFalse();
        using var small = RSA.Create(1024);
        factory.CustomCryptoProvider.IsSupportedAlgorithm(SecurityAlgorithms.RsaSha256, new RsaSecurityKey(small.ExportParameters(false)), false)
            .ShouldBeFalse("keys under 2048 bits are left to the library's own rules");

        var handler = new JsonWebTokenHandler();
        var signing = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256);
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = "app",
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = signing,
        });
        TokenValidationParameters Parameters(SecurityKey key) => new()
        {
            ValidIssuer = "https://api.botframework.com",
            ValidAudience = "app",
            IssuerSigningKey = key,
            CryptoProviderFactory = factory,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        };

        (await handler.ValidateTokenAsync(token, Parameters(jwk))).IsValid.ShouldBeTrue();

        var tampered = token[..^4] + (token[^4] == 'A' ? 'B' : 'A') + token[^3..];
        (await handler.ValidateTokenAsync(tampered, Parameters(jwk))).IsValid.ShouldBeFalse();

        using var other = RSA.Create(2048);
        var otherJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(other.ExportParameters(false)) { KeyId = "k1" });
        (await handler.ValidateTokenAsync(token, Parameters(otherJwk))).IsValid.ShouldBeFalse();
    }
}
