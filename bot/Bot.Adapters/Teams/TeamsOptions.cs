namespace Bot.Adapters.Teams;

/// <summary>How the bot's Azure registration authenticates (the outbound token's authority follows it).</summary>
public enum TeamsAppType
{
    SingleTenant,
    MultiTenant,
    UserAssignedMSI,
}

/// <summary>Settings of the Teams adapter (section "Teams"). Without an app id the endpoint is off.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The Microsoft App ID of the Azure Bot registration (a GUID): the audience of inbound tokens.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret for outbound tokens; never logged. Either this or <see cref="CertificatePath"/>.</summary>
    public string? AppPassword { get; set; }

    /// <summary>
    /// A certificate registered on the app (Certificates &amp; secrets) instead of a secret: a PKCS#12 file (.pfx/.p12,
    /// with <see cref="CertificatePassword"/> if it has one) or a PEM certificate, its RSA key in the same file or in
    /// <see cref="CertificateKeyPath"/>. Outbound tokens are then asked for with a signed client assertion.
    /// </summary>
    public string? CertificatePath { get; set; }

    public string? CertificateKeyPath { get; set; }

    /// <summary>The PKCS#12 file's password, or an encrypted PEM key's; never logged.</summary>
    public string? CertificatePassword { get; set; }

    public bool UsesCertificate => !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>The Entra tenant of a single-tenant registration (also admits that tenant's Entra-issued tokens).</summary>
    public string? TenantId { get; set; }

    public TeamsAppType AppType { get; set; } = TeamsAppType.SingleTenant;

    /// <summary>For UserAssignedMSI: the managed identity's client id.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Bot Framework OpenID metadata (issuer https://api.botframework.com, keys with endorsements).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Entra OpenID metadata for tokens issued by the configured tenant (read only when TenantId is set).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Where outbound tokens come from. Empty: derived from the app type (single-tenant:
    /// https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token, multi-tenant: .../botframework.com/...,
    /// managed identity: the App Service identity endpoint).
    /// </summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>
    /// Hosts a serviceUrl may point at: the bot's token is only ever sent there. A leading "*." matches subdomains.
    /// Empty: the Bot Framework and Teams hosts.
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>
    /// Without an app id, on a loopback-only host, serve a local Bot Framework Emulator without authentication (see
    /// <see cref="TeamsEmulatorMode"/>). Set false in every deployment, above all behind a reverse proxy.
    /// </summary>
    public bool AllowEmulator { get; set; } = true;

    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Clock skew allowed on token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys are fetched again at least this often (Bot Framework asks for at least daily).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);

    public static readonly IReadOnlyList<string> DefaultServiceUrlHosts =
    [
        "smba.trafficmanager.net", "*.botframework.com", "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us", "smba.infra.dod.teams.microsoft.us", "*.botframework.us", "*.botframework.azure.cn",
    ];

    public IReadOnlyList<string> EffectiveServiceUrlHosts => AllowedServiceUrlHosts.Count > 0 ? AllowedServiceUrlHosts : DefaultServiceUrlHosts;

    public string EffectiveTokenEndpoint => !string.IsNullOrWhiteSpace(TokenEndpoint)
        ? TokenEndpoint
        : AppType switch
        {
            TeamsAppType.MultiTenant => "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token",
            TeamsAppType.UserAssignedMSI => Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT") ?? "http://169.254.169.254/metadata/identity/oauth2/token",
            _ => $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token",
        };
}
