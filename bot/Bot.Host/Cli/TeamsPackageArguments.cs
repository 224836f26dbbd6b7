using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Bot.Host.Cli;

/// <summary>What <c>package-teams</c> puts into the manifest, checked: each parser returns the value or says what is wrong.</summary>
internal sealed record TeamsPackageSettings(Guid AppId, string? Host, Uri? WebsiteUrl, Uri? PrivacyUrl, Uri? TermsOfUseUrl, string? DeveloperName);

internal static partial class TeamsPackageArguments
{
    /// <summary>Teams manifest limit for developer.name.</summary>
    public const int MaxDeveloperName = 32;

    /// <summary>Teams manifest limit for developer URLs.</summary>
    public const int MaxUrl = 2048;

    // RFC 1035 §2.3.1 as relaxed by RFC 1123 §2.1: letters, digits and inner hyphens, 1-63 octets a label.
    [GeneratedRegex("^(?!-)[a-z0-9-]{1,63}(?<!-)$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    /// <summary>The Microsoft App ID of the Azure Bot: a GUID in its usual 8-4-4-4-12 form.</summary>
    public static bool TryParseAppId(string? text, out Guid appId, out string error)
    {
        error = "";
        if (Guid.TryParseExact(text?.Trim(), "D", out appId) && appId != Guid.Empty)
        {
            return true;
        }

        error = $"--app-id must be the Azure Bot's Microsoft App ID, a GUID such as 00000000-0000-0000-0000-000000000000 but not all zeros (is '{text}').";
        return false;
    }

    /// <summary>
    /// The public host name of the bot (the host of its https://…/api/messages endpoint), lower-cased and without a
    /// trailing dot. Teams' validDomains takes names, so URLs, ports, IP addresses and single labels are refused.
    /// </summary>
    public static bool TryParseHost(string? text, out string host, out string error)
    {
        host = (text ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        error = "";
        if (host.Contains("://", StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal))
        {
            var hint = Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? $" such as {uri.Host}" : "";
            error = $"--host takes the bot's host name{hint}, not a URL (is '{text}').";
            return false;
        }

        if (IPAddress.TryParse(host, out _))
        {
            error = $"--host must be a DNS name; Teams does not accept IP addresses as valid domains (is '{text}').";
            return false;
        }

        if (host.Contains(':', StringComparison.Ordinal))
        {
            error = $"--host takes the name only, without a port, as Teams' validDomains does (is '{text}').";
            return false;
        }

        try
        {
            // An internationalised name goes into the manifest in its ASCII (punycode) form.
            host = new IdnMapping().GetAscii(host);
        }
        catch (ArgumentException)
        {
            // Not a valid name; the checks below say why.
        }

        var labels = host.Split('.');
        if (host.Length is 0 or > 253 || labels.Length < 2 || !labels.All(Label().IsMatch) || labels[^1].All(char.IsAsciiDigit))
        {
            error = $"--host must be a fully qualified DNS name such as bot.example.com: labels of letters, digits and inner hyphens, at most 63 characters each (is '{text}').";
            return false;
        }

        return true;
    }

    /// <summary>An absolute https URL of at most 2048 characters, as the manifest's developer URLs must be.</summary>
    public static bool TryParseHttpsUrl(string option, string? text, out Uri? url, out string error)
    {
        error = "";
        if (Uri.TryCreate(text?.Trim(), UriKind.Absolute, out url) && url.Scheme == Uri.UriSchemeHttps && url.AbsoluteUri.Length <= MaxUrl)
        {
            return true;
        }

        error = $"{option} must be an absolute https:// URL of at most {MaxUrl.ToString(CultureInfo.InvariantCulture)} characters (is '{text}').";
        return false;
    }

    public static bool TryParseDeveloperName(string? text, out string name, out string error)
    {
        name = (text ?? "").Trim();
        error = "";
        if (name.Length is > 0 and <= MaxDeveloperName)
        {
            return true;
        }

        error = $"--developer-name must be 1 to {MaxDeveloperName.ToString(CultureInfo.InvariantCulture)} characters (is '{text}').";
        return false;
    }

    /// <summary>A page under the developer's website, e.g. https://example.org/bot + "privacy".</summary>
    public static Uri Below(Uri website, string page) => new(website.AbsoluteUri.TrimEnd('/') + "/" + page);
}
