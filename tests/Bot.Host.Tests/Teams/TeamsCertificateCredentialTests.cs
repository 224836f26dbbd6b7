using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bot.TestSupport.Teams;
using Microsoft.Extensions.Options;

namespace Bot.Host.Tests.Teams;

/// <summary>A registration that authenticates with a certificate instead of a secret: the outbound token is asked
/// for with a signed client assertion, which the fake identity platform checks as Entra does.</summary>
public sealed class TeamsCertificateCredentialTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("teams-cert-").FullName;
    private readonly X509Certificate2 _certificate = SelfSigned("CN=dns-triage-bot test");

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static X509Certificate2 SelfSigned(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private string Pfx(X509Certificate2 certificate, string? password)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    private (string Cert, string Key) Pem(X509Certificate2 certificate)
    {
        var cert = Path.Combine(_dir, "bot.crt");
        var key = Path.Combine(_dir, "bot.key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        return (cert, key);
    }

    private static async Task<TeamsHost> StartAsync(X509Certificate2 registered, params string[] args)
    {
        var host = new CertificateTeamsHost(registered);
        host.Args.AddRange(["--Teams:AppPassword", ""]);
        host.Args.AddRange(args);
        await host.InitializeAsync();
        return host;
    }

    [Fact]
    public async Task PfxWithPassword_RepliesWithATokenFromASignedAssertion()
    {
        var teams = await StartAsync(_certificate, "--Teams:CertificatePath", Pfx(_certificate, "s3cret"), "--Teams:CertificatePassword", "s3cret");
        try
        {
            (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 2"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var reply = await teams.Fake.NextCallAsync();
            reply.Authorization.ShouldBe("Bearer connector-token-1");
            var assertion = teams.Fake.LastAssertion.ShouldNotBeNull();
            assertion.Alg.ShouldBe("PS256");
            assertion.Issuer.ShouldBe(TeamsHost.AppId);
            assertion.Audiences.ShouldBe([teams.Fake.BaseUrl + "/token"]);
        }
        finally
        {
            await teams.DisposeAsync();
        }
    }

    [Fact]
    public async Task PemCertificateAndKeyFiles_AreAccepted()
    {
        var (cert, key) = Pem(_certificate);
        var teams = await StartAsync(_certificate, "--Teams:CertificatePath", cert, "--Teams:CertificateKeyPath", key);
        try
        {
            (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 3"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await teams.Fake.NextCallAsync()).Authorization.ShouldBe("Bearer connector-token-1");
            teams.Fake.TokenRequestsRefused.ShouldBe(0);
        }
        finally
        {
            await teams.DisposeAsync();
        }
    }

    [Fact]
    public async Task CertificateTheAppDoesNotKnow_GetsNoToken_AndNothingIsSent()
    {
        using var other = SelfSigned("CN=someone else");
        var teams = await StartAsync(_certificate, "--Teams:CertificatePath", Pfx(other, null));
        try
        {
            (await teams.SendAsync(teams.Message("<at>DNS Bot</at> /rcode 2"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await teams.Fake.Called.WaitAsync(TimeSpan.FromSeconds(2))).ShouldBeFalse("without a token nothing may reach the Connector");
            teams.Fake.TokenRequestsRefused.ShouldBeGreaterThan(0);
        }
        finally
        {
            await teams.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("missing-file", "no file at")]
    [InlineData("wrong-password", "could not be loaded")]
    [InlineData("no-private-key", "could not be loaded")]
    [InlineData("with-secret-too", "both set")]
    public async Task UnusableCertificateSettings_FailTheStart_Clearly(string kind, string expected)
    {
        string[] args = kind switch
        {
            "missing-file" => ["--Teams:CertificatePath", Path.Combine(_dir, "absent.pfx")],
            "wrong-password" => ["--Teams:CertificatePath", Pfx(_certificate, "right"), "--Teams:CertificatePassword", "wrong"],
            "no-private-key" => ["--Teams:CertificatePath", WritePublicOnly()],
            _ => ["--Teams:CertificatePath", Pfx(_certificate, null), "--Teams:AppPassword", "a-secret"],
        };
        var host = new CertificateTeamsHost(_certificate);
        host.Args.AddRange(["--Teams:AppPassword", ""]);
        host.Args.AddRange(args);
        var error = await Should.ThrowAsync<OptionsValidationException>(host.InitializeAsync);
        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain("right");
        await host.Fake.DisposeAsync();
    }

    private string WritePublicOnly()
    {
        var path = Path.Combine(_dir, "public-only.crt");
        File.WriteAllText(path, _certificate.ExportCertificatePem());
        return path;
    }

    /// <summary>The usual Teams host, its fake identity platform knowing the app's certificate.</summary>
    private sealed class CertificateTeamsHost(X509Certificate2 registered) : TeamsHost
    {
        public override async Task InitializeAsync()
        {
            OnFakeStarted = fake => fake.ClientCertificate = registered;
            await base.InitializeAsync();
        }
    }
}
