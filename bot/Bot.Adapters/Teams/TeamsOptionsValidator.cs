using Microsoft.Extensions.Options;

namespace Bot.Adapters.Teams;

internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!Guid.TryParse(options.AppId, out _))
        {
            errors.Add("Teams:AppId must be the Azure Bot registration's Microsoft App ID (a GUID).");
        }

        if (options.AppType == TeamsAppType.UserAssignedMSI)
        {
            if (!Guid.TryParse(options.ManagedIdentityClientId, out _))
            {
                errors.Add("Teams:ManagedIdentityClientId must be the managed identity's client id (a GUID) when Teams:AppType is UserAssignedMSI.");
            }
        }
        else if (options.UsesCertificate)
        {
            if (!string.IsNullOrWhiteSpace(options.AppPassword))
            {
                errors.Add("Teams:AppPassword and Teams:CertificatePath are both set: set the one credential the app registration uses.");
            }
            else if (TeamsClientCertificate.Problem(options) is { } problem)
            {
                errors.Add($"Teams:CertificatePath: {problem}");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.AppPassword))
        {
            errors.Add("Teams:AppPassword (the client secret) or Teams:CertificatePath (a certificate of the app registration) is required to send replies.");
        }

        if (options.AppType == TeamsAppType.SingleTenant && !Guid.TryParse(options.TenantId, out _) && string.IsNullOrWhiteSpace(options.TokenEndpoint))
        {
            errors.Add("Teams:TenantId must be the Entra tenant id (a GUID) for a single-tenant registration (or set Teams:AppType=MultiTenant).");
        }

        foreach (var (key, url) in new[] { ("OpenIdMetadataUrl", options.OpenIdMetadataUrl), ("EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl), ("TokenEndpoint", options.EffectiveTokenEndpoint) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || key == "TokenEndpoint" && options.AppType == TeamsAppType.UserAssignedMSI))))
            {
                errors.Add($"Teams:{key} must be an absolute https URL (http only on loopback): '{url}'.");
            }
        }

        if (options.EffectiveServiceUrlHosts.Any(h => string.IsNullOrWhiteSpace(h) || h.Contains('/', StringComparison.Ordinal) || h == "*" || h == "*."))
        {
            errors.Add("Teams:AllowedServiceUrlHosts holds host names (a leading \"*.\" for subdomains), not URLs or a bare \"*\".");
        }

        if (options.MaxBodyBytes is < 1024 or > 4 * 1024 * 1024)
        {
            errors.Add("Teams:MaxBodyBytes must be between 1024 and 4194304.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            errors.Add("Teams:ClockSkew must be between 0 and 10 minutes.");
        }

        if (options.KeyRefreshInterval < TimeSpan.FromMinutes(5) || options.KeyRefreshInterval > TimeSpan.FromHours(24))
        {
            errors.Add("Teams:KeyRefreshInterval must be between 5 minutes and 24 hours (Bot Framework asks for at least daily).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
