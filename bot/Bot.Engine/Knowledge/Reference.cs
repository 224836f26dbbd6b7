using System.Text.RegularExpressions;

namespace Bot.Engine.Knowledge;

/// <summary>A reference (RFC, draft or URL) and the link made from it.</summary>
public sealed partial record Reference(string Label, string Url)
{
    /// <summary>Parses "RFC 1035", "RFC 1035 §4.1.1", "draft-ietf-deleg" or an https URL; null if it is none of them.</summary>
    public static Reference? TryParse(string text)
    {
        var rfc = RfcPattern().Match(text);
        if (rfc.Success)
        {
            var number = rfc.Groups["n"].Value;
            var section = rfc.Groups["s"].Success ? rfc.Groups["s"].Value : null;
            var url = $"https://www.rfc-editor.org/rfc/rfc{number}" + (section is null ? "" : $"#section-{section}");
            return new Reference(text, url);
        }

        if (DraftPattern().IsMatch(text))
        {
            return new Reference(text, $"https://datatracker.ietf.org/doc/{text}/");
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            var label = uri.Host.EndsWith("github.com", StringComparison.OrdinalIgnoreCase)
                ? uri.AbsolutePath.Trim('/').Replace("/pull/", " PR #", StringComparison.Ordinal)
                : uri.Host + uri.AbsolutePath.TrimEnd('/');
            return new Reference(label, uri.ToString());
        }

        return null;
    }

    [GeneratedRegex(@"^RFC (?<n>[1-9][0-9]{0,4})(?: §(?<s>[0-9A-Z]+(?:\.[0-9]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RfcPattern();

    [GeneratedRegex(@"^draft-[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DraftPattern();
}
