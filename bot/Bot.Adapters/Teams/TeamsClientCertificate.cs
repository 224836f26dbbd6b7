using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Adapters.Teams;

/// <summary>
/// Certificate credentials for the outbound token: the certificate (with its RSA private key) loaded from
/// <see cref="TeamsOptions.CertificatePath"/>, and the client assertion the Microsoft identity platform expects in place
/// of a secret (a JWT signed PS256, header <c>x5t#S256</c> = the SHA-256 thumbprint, aud = the token endpoint,
/// iss = sub = the app id, a fresh jti, valid for ten minutes).
/// </summary>
public static class TeamsClientCertificate
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly TimeSpan AssertionLifetime = TimeSpan.FromMinutes(10);
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Loads the certificate; throws <see cref="CryptographicException"/> or an I/O exception when it cannot.</summary>
    public static X509Certificate2 Load(TeamsOptions options)
    {
        var path = options.CertificatePath!;
        var password = string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword;
        X509Certificate2 certificate;
        if (IsPem(path))
        {
            var keyPath = string.IsNullOrWhiteSpace(options.CertificateKeyPath) ? path : options.CertificateKeyPath;
            certificate = password is null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        }
        else
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new CryptographicException("the certificate has no RSA private key with it");
        }

        return certificate;
    }

    /// <summary>Why the configured certificate cannot be used, or null; for the start-up check (names no secret).</summary>
    public static string? Problem(TeamsOptions options)
    {
        if (!File.Exists(options.CertificatePath))
        {
            return $"no file at '{options.CertificatePath}'.";
        }

        if (!string.IsNullOrWhiteSpace(options.CertificateKeyPath) && !File.Exists(options.CertificateKeyPath))
        {
            return $"no key file at Teams:CertificateKeyPath '{options.CertificateKeyPath}'.";
        }

        try
        {
            using var certificate = Load(options);
            return certificate.NotAfter.ToUniversalTime() < DateTime.UtcNow
                ? $"the certificate '{certificate.Subject}' expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}."
                : null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"'{options.CertificatePath}' could not be loaded as a certificate with its RSA private key ({e.Message.TrimEnd('.')}); a PKCS#12 file needs Teams:CertificatePassword if it has one, a PEM file its key (in the file or Teams:CertificateKeyPath).";
        }
    }

    /// <summary>A client assertion for one token request.</summary>
    public static string Assertion(X509Certificate2 certificate, string appId, string tokenEndpoint, DateTimeOffset now) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            Audience = tokenEndpoint,
            Issuer = appId,
            Claims = new Dictionary<string, object> { ["sub"] = appId, ["jti"] = Guid.NewGuid().ToString() },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + AssertionLifetime).UtcDateTime,
            AdditionalHeaderClaims = new Dictionary<string, object> { ["x5t#S256"] = Base64UrlEncoder.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256)) },
            SigningCredentials = new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSsaPssSha256),
        });

    private static bool IsPem(string path)
    {
        Span<byte> head = stackalloc byte[64];
        using var file = File.OpenRead(path);
        var read = file.Read(head);
        return System.Text.Encoding.ASCII.GetString(head[..read]).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
