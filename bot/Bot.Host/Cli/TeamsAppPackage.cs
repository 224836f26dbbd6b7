using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Host.Cli;

/// <summary>A Teams manifest folder that cannot be packaged (a missing file, bad JSON, a placeholder left over).</summary>
internal sealed class TeamsPackageException(string message) : Exception(message);

/// <summary>One file of the app package, stored at the root of the zip.</summary>
internal sealed record TeamsPackageEntry(string Name, byte[] Content);

/// <summary>
/// Builds the Teams app package from manifests/teams: manifest.json with the placeholders replaced, plus the files
/// it names (the two icons and the localization files), all at the root of the zip as Teams requires.
/// </summary>
internal static class TeamsAppPackage
{
    public const string AppIdPlaceholder = "{{APP_ID}}";
    public const string HostPlaceholder = "{{BOT_HOST}}";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // The manifest is read by Teams, never embedded in HTML: keep "<", "&" and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string DefaultSource => Path.Combine(AppContext.BaseDirectory, "manifests", "teams");

    public static IReadOnlyList<TeamsPackageEntry> Build(string source, TeamsPackageSettings settings)
    {
        var manifest = ParseJson("manifest.json", Replace(Read(source, "manifest.json"), settings));
        if (settings.Host is null && manifest["validDomains"] is JsonArray domains)
        {
            // No host given: the bot itself needs no valid domain (its endpoint is set in the Azure Bot).
            foreach (var placeholder in domains.Where(d => (string?)d == HostPlaceholder).ToList())
            {
                domains.Remove(placeholder);
            }
        }

        if (manifest["developer"] is JsonObject developer)
        {
            Set(developer, "name", settings.DeveloperName);
            Set(developer, "websiteUrl", settings.WebsiteUrl?.AbsoluteUri);
            Set(developer, "privacyUrl", settings.PrivacyUrl?.AbsoluteUri);
            Set(developer, "termsOfUseUrl", settings.TermsOfUseUrl?.AbsoluteUri);
        }

        var entries = new List<TeamsPackageEntry> { Entry("manifest.json", manifest.ToJsonString(Indented) + "\n") };
        foreach (var icon in new[] { "color", "outline" })
        {
            var name = FileName(manifest["icons"]?[icon], $"icons.{icon}");
            entries.Add(new TeamsPackageEntry(name, PngOfSize(name, Read(source, name), icon == "color" ? 192 : 32)));
        }

        foreach (var language in manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
        {
            var name = FileName(language?["file"], "localizationInfo.additionalLanguages[].file");
            var text = Replace(Read(source, name), settings);
            ParseJson(name, text);
            entries.Add(Entry(name, text)); // as written: the translators' formatting stays
        }

        return entries;
    }

    /// <summary>Writes the zip next to its final place first, so a failed write never leaves half a package.</summary>
    public static void Write(string path, IReadOnlyList<TeamsPackageEntry> entries)
    {
        var temporary = path + ".tmp";
        try
        {
            using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
            {
                foreach (var entry in entries)
                {
                    using var stream = zip.CreateEntry(entry.Name, CompressionLevel.Optimal).Open();
                    stream.Write(entry.Content);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // gone already after the move; a leftover only when writing failed
        }
    }

    private static byte[] Read(string source, string name)
    {
        var path = Path.Combine(source, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : throw new TeamsPackageException($"{path} is missing.");
    }

    private static string Replace(byte[] utf8, TeamsPackageSettings settings)
    {
        // A GUID and a DNS name need no escaping inside a JSON string.
        var text = Encoding.UTF8.GetString(utf8).Replace(AppIdPlaceholder, settings.AppId.ToString("D"), StringComparison.Ordinal);
        return settings.Host is null ? text : text.Replace(HostPlaceholder, settings.Host, StringComparison.Ordinal);
    }

    private static JsonObject ParseJson(string name, string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new TeamsPackageException($"{name} is not valid JSON: {e.Message}");
        }

        return node as JsonObject ?? throw new TeamsPackageException($"{name} must hold a JSON object.");
    }

    private static TeamsPackageEntry Entry(string name, string text)
    {
        var start = text.IndexOf("{{", StringComparison.Ordinal);
        if (start >= 0)
        {
            var end = text.IndexOf("}}", start, StringComparison.Ordinal);
            var placeholder = end > start ? text[start..(end + 2)] : "{{";
            throw new TeamsPackageException($"{name} still holds the placeholder {placeholder} after packaging.");
        }

        return new(name, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A file the manifest names: Teams reads only the zip's root, so a path with folders is refused.</summary>
    private static string FileName(JsonNode? value, string field)
    {
        var name = (string?)value;
        return !string.IsNullOrEmpty(name) && name == Path.GetFileName(name) && !name.Contains('\\', StringComparison.Ordinal)
            ? name
            : throw new TeamsPackageException($"manifest.json {field} must name a file at the package root (is '{name}').");
    }

    /// <summary>Checks the IHDR size (PNG spec §11.2.2) so a wrong icon fails here, not at upload.</summary>
    private static byte[] PngOfSize(string name, byte[] png, int size)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(signature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new TeamsPackageException($"{name} is not a PNG file.");
        }

        var (width, height) = (BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)));
        return width == size && height == size ? png : throw new TeamsPackageException($"{name} must be {size}×{size} pixels (is {width}×{height}).");
    }

    private static void Set(JsonObject target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }
}
