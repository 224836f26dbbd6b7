using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>Settings of the Discord adapter (section "Discord"). Without a public key the endpoint is off.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key from the Developer Portal, 64 hex characters.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Only for registering commands (and, later, the gateway); never logged.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Requests whose X-Signature-Timestamp is further from now than this are rejected (replay defence).</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public bool Enabled => !string.IsNullOrWhiteSpace(PublicKey);

    public byte[] PublicKeyBytes() => Convert.FromHexString(PublicKey!);
}

internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        if (options.Enabled)
        {
            if (options.PublicKey!.Length != 64 || !options.PublicKey.All(Uri.IsHexDigit))
            {
                errors.Add("Discord:PublicKey must be the application's public key: 64 hexadecimal characters.");
            }

            if (string.IsNullOrWhiteSpace(options.ApplicationId) || !options.ApplicationId.All(char.IsAsciiDigit))
            {
                errors.Add("Discord:ApplicationId must be the application's numeric id when Discord:PublicKey is set.");
            }
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL (is '{options.ApiBaseUrl}').");
        }

        if (options.TimestampWindow <= TimeSpan.Zero || options.TimestampWindow > TimeSpan.FromHours(1))
        {
            errors.Add("Discord:TimestampWindow must be between 00:00:01 and 01:00:00.");
        }

        if (options.MaxBodyBytes is < 1024 or > 10 * 1024 * 1024)
        {
            errors.Add("Discord:MaxBodyBytes must be between 1024 and 10485760.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
