using System.Runtime.CompilerServices;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Adapters.Teams;

/// <summary>
/// Plugs <see cref="OpenSslRsaVerifier"/> into Microsoft.IdentityModel through its own extension point
/// (<see cref="CryptoProviderFactory.CustomCryptoProvider"/>): RS256 verification with an RSA key given as a JWK
/// (n, e) or an <see cref="RsaSecurityKey"/>. Everything else (other algorithms, signing, X.509-only keys, keys under
/// 2048 bits, no OpenSSL 3) is left to the library's own providers. The token handler still does every other check.
/// </summary>
internal sealed class OpenSslRs256Provider : ICryptoProvider
{
    private const int MinimumKeyBits = 2048;

    /// <summary>
    /// The provider for each key object (null: not one of ours), made on first use. The metadata's key objects live
    /// until the next refresh, and their entries go with them.
    /// </summary>
    private readonly ConditionalWeakTable<SecurityKey, StrongBox<SignatureProvider?>> _byKey = [];

    /// <summary>A factory using this provider, or the library's default factory when OpenSSL 3 is not available.</summary>
    public static CryptoProviderFactory CreateFactory() =>
        OpenSslRsaVerifier.IsAvailable ? new CryptoProviderFactory { CustomCryptoProvider = new OpenSslRs256Provider() } : CryptoProviderFactory.Default;

    public bool IsSupportedAlgorithm(string algorithm, params object[] args)
    {
        if (algorithm != SecurityAlgorithms.RsaSha256)
        {
            return false;
        }

        // The factory also asks with the algorithm alone when it releases a provider: say yes so Release sees ours.
        if (args.Length == 0)
        {
            return true;
        }

        return args[0] is SecurityKey key && (args.Length < 2 || args[1] is false) && ProviderFor(key) is not null;
    }

    public object Create(string algorithm, params object[] args) =>
        ProviderFor((SecurityKey)args[0]) ?? throw new NotSupportedException("Only RS256 verification with an RSA public key of at least 2048 bits.");

    public void Release(object cryptoInstance)
    {
        // Ours live as long as their key is cached. A provider of the library's own that reached here (the factory
        // asks by algorithm alone) is disposed as the factory would have done.
        if (cryptoInstance is SignatureProvider { CryptoProviderCache: null } other and not Rs256SignatureProvider)
        {
            other.Dispose();
        }
    }

    private SignatureProvider? ProviderFor(SecurityKey key) =>
        _byKey.GetValue(key, static k => new StrongBox<SignatureProvider?>(NewProvider(k))).Value;

    private static SignatureProvider? NewProvider(SecurityKey key)
    {
        if (Material(key) is not { } material)
        {
            return null;
        }

        var verifier = OpenSslRsaVerifier.TryCreate(material.Modulus, material.Exponent);
        return verifier is null || verifier.SignatureLength * 8 < MinimumKeyBits ? null : new Rs256SignatureProvider(key, verifier);
    }

    private static (byte[] Modulus, byte[] Exponent)? Material(SecurityKey key)
    {
        switch (key)
        {
            case JsonWebKey { Kty: JsonWebAlgorithmsKeyTypes.RSA } jwk when !string.IsNullOrEmpty(jwk.N) && !string.IsNullOrEmpty(jwk.E) && !jwk.HasPrivateKey:
                try
                {
                    return (Base64UrlEncoder.DecodeBytes(jwk.N), Base64UrlEncoder.DecodeBytes(jwk.E));
                }
                catch (FormatException)
                {
                    return null;
                }

            case RsaSecurityKey rsa:
                var parameters = rsa.Rsa?.ExportParameters(includePrivateParameters: false) ?? rsa.Parameters;
                return parameters.Modulus is { } n && parameters.Exponent is { } e ? (n, e) : null;
            default:
                return null;
        }
    }

    private sealed class Rs256SignatureProvider(SecurityKey key, OpenSslRsaVerifier verifier) : SignatureProvider(key, SecurityAlgorithms.RsaSha256)
    {
        public override bool Verify(byte[] input, byte[] signature) => verifier.Verify(input, signature);

        public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength) =>
            verifier.Verify(input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));

        public override byte[] Sign(byte[] input) => throw new NotSupportedException("Verification only.");

        protected override void Dispose(bool disposing)
        {
        }
    }
}
