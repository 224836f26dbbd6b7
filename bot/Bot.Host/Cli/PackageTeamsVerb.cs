using System.CommandLine;
using System.Globalization;

namespace Bot.Host.Cli;

/// <summary>
/// <c>package-teams --app-id GUID [--host NAME] [--out FILE.zip] [--developer-url URL] ...</c>: writes the Teams app
/// package (manifest.json, color.png, outline.png and the localization files at the zip's root) from
/// manifests/teams, ready to upload in Teams or the Teams admin center. Exit code 2 for bad arguments, 1 when the
/// package cannot be built or written.
/// </summary>
internal static class PackageTeamsVerb
{
    public const string DefaultOut = "dns-triage-bot-teams.zip";

    public static Command Create()
    {
        var appId = new Option<string?>("--app-id") { Description = "The Azure Bot's Microsoft App ID (a GUID); also the Teams app id", HelpName = "GUID" };
        var host = new Option<string?>("--host") { Description = "The bot's public host name (its endpoint is https://<host>/api/messages), added to validDomains", HelpName = "name" };
        var output = new Option<string?>("--out") { Description = $"The zip to write (default: {DefaultOut})", HelpName = "path.zip" };
        var website = new Option<string?>("--developer-url") { Description = "The publisher's https website; privacy and terms pages default to <url>/privacy and <url>/terms", HelpName = "url" };
        var privacy = new Option<string?>("--privacy-url") { Description = "The https privacy statement", HelpName = "url" };
        var terms = new Option<string?>("--terms-url") { Description = "The https terms of use", HelpName = "url" };
        var developer = new Option<string?>("--developer-name") { Description = $"The publisher's name (at most {TeamsPackageArguments.MaxDeveloperName} characters)", HelpName = "name" };
        var command = new Command("package-teams", "Write the Microsoft Teams app package (a zip to upload in Teams)")
        {
            appId, host, output, website, privacy, terms, developer,
        };
        command.SetAction(result =>
        {
            var errors = new List<string>();
            var settings = Settings(result, appId, host, website, privacy, terms, developer, errors);
            var path = OutputPath(result.GetValue(output), errors);
            if (settings is null || path is null)
            {
                foreach (var error in errors)
                {
                    Console.Error.WriteLine(error);
                }

                Console.Error.WriteLine("Usage: package-teams --app-id <GUID> [--host <name>] [--out <path.zip>] [--developer-url <https url>]; see package-teams --help.");
                return 2;
            }

            try
            {
                var entries = TeamsAppPackage.Build(TeamsAppPackage.DefaultSource, settings);
                TeamsAppPackage.Write(path, entries);
                Report(path, settings, entries);
                return 0;
            }
            catch (Exception e) when (e is TeamsPackageException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"No package written: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static TeamsPackageSettings? Settings(
        ParseResult result, Option<string?> appId, Option<string?> host, Option<string?> website, Option<string?> privacy,
        Option<string?> terms, Option<string?> developer, List<string> errors)
    {
        var id = Guid.Empty;
        if (result.GetValue(appId) is not { } idText)
        {
            errors.Add("--app-id is required: the Microsoft App ID (a GUID) of the Azure Bot registration.");
        }
        else if (!TeamsPackageArguments.TryParseAppId(idText, out id, out var error))
        {
            errors.Add(error);
        }

        var hostText = result.GetValue(host);
        string? hostName = null;
        if (hostText is not null && !TeamsPackageArguments.TryParseHost(hostText, out hostName, out var hostError))
        {
            errors.Add(hostError);
        }

        var nameText = result.GetValue(developer);
        string? name = null;
        if (nameText is not null && !TeamsPackageArguments.TryParseDeveloperName(nameText, out name, out var nameError))
        {
            errors.Add(nameError);
        }

        Uri? Url(Option<string?> option)
        {
            var text = result.GetValue(option);
            if (text is null)
            {
                return null;
            }

            if (TeamsPackageArguments.TryParseHttpsUrl(option.Name, text, out var url, out var error))
            {
                return url;
            }

            errors.Add(error);
            return null;
        }

        var site = Url(website);
        var privacyUrl = Url(privacy) ?? (site is null ? null : TeamsPackageArguments.Below(site, "privacy"));
        var termsUrl = Url(terms) ?? (site is null ? null : TeamsPackageArguments.Below(site, "terms"));
        return errors.Count == 0 ? new TeamsPackageSettings(id, hostName, site, privacyUrl, termsUrl, name) : null;
    }

    private static string? OutputPath(string? text, List<string> errors)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(text) ? DefaultOut : text.Trim());
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"--out must name a .zip file; Teams uploads only zips (is '{text}').");
            return null;
        }

        if (Directory.Exists(path))
        {
            errors.Add($"--out names a directory, not a file: {path}");
            return null;
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            errors.Add($"--out: the folder {folder} does not exist.");
            return null;
        }

        return path;
    }

    private static void Report(string path, TeamsPackageSettings settings, IReadOnlyList<TeamsPackageEntry> entries)
    {
        var size = new FileInfo(path).Length;
        Console.WriteLine($"Wrote {path} ({size.ToString("N0", CultureInfo.InvariantCulture)} bytes) for app {settings.AppId:D}:");
        foreach (var entry in entries)
        {
            Console.WriteLine($"  {entry.Name,-14} {entry.Content.Length.ToString("N0", CultureInfo.InvariantCulture),8} bytes");
        }

        Console.WriteLine(settings.Host is null
            ? "No --host: validDomains is empty. Set the Azure Bot's messaging endpoint to https://<your host>/api/messages."
            : $"validDomains: {settings.Host}. Set the Azure Bot's messaging endpoint to https://{settings.Host}/api/messages.");
        if (settings.WebsiteUrl is null && settings.PrivacyUrl is null)
        {
            Console.WriteLine("The developer URLs are the example.com placeholders; pass --developer-url before publishing to an org catalog.");
        }

        Console.WriteLine("Upload it in Teams (Apps > Manage your apps > Upload an app), the Developer Portal (Apps > Import app) or the Teams admin center (Teams apps > Manage apps > Upload new app).");
    }
}
