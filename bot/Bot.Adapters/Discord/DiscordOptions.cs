using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>Settings of the Discord adapter (section "Discord"). Without a public key the endpoint is off.</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key from the Developer Portal, 64 hex characters.</summary>
    public string? PublicKey { get; set; }

    /// <summary>For registering commands and for the gateway client; never logged.</summary>
    public string? BotToken { get; set; }

    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Requests whose X-Signature-Timestamp is further from now than this are rejected (replay defence).</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Connect to the gateway and answer ordinary messages (needs <see cref="BotToken"/> too).</summary>
    public bool GatewayEnabled { get; set; }

    /// <summary>Discord's public gateway, the default of <see cref="GatewayUrl"/>.</summary>
    public const string DefaultGatewayUrl = "wss://gateway.discord.gg";

    /// <summary>
    /// The gateway's address without query; <c>?v=10&amp;encoding=json</c> is appended. Left at the default, the
    /// <c>url</c> from GET /gateway/bot is used (this address when that call fails); set to anything else, it wins.
    /// </summary>
    public string GatewayUrl { get; set; } = DefaultGatewayUrl;

    /// <summary>
    /// <see cref="GatewayUrl"/> was set to something other than Discord's own gateway (a proxy, a test fake): connect
    /// there, not to the URL GET /gateway/bot names.
    /// </summary>
    public bool GatewayUrlIsExplicit => !string.Equals(GatewayUrl.TrimEnd('/'), DefaultGatewayUrl, StringComparison.OrdinalIgnoreCase);

    /// <summary>Ask for the privileged MESSAGE_CONTENT intent (must be enabled in the Developer Portal, else close 4014).</summary>
    public bool MessageContentIntent { get; set; }

    /// <summary>Channel ids where pasted dig output and error messages are answered without a mention.</summary>
    public List<string> TriageChannels { get; set; } = [];

    /// <summary>Answers (replies or reactions) the gateway client gives in one channel per minute at most.</summary>
    public int ChannelAnswersPerMinute { get; set; } = 10;

    /// <summary><c>Reply</c> (answer in a reply) or <c>Reaction</c> (react to triage-channel pastes; reply only when asked).</summary>
    public string TriageReply { get; set; } = nameof(DiscordTriageReply.Reply);

    public bool Enabled => !string.IsNullOrWhiteSpace(PublicKey);

    /// <summary>Why the gateway client is off, or null when it runs.</summary>
    public string? GatewayOffReason =>
        !GatewayEnabled ? "Discord:GatewayEnabled is false"
        : string.IsNullOrWhiteSpace(BotToken) ? "Discord:BotToken is not set"
        : null;

    public DiscordTriageReply TriageReplyMode =>
        Enum.TryParse<DiscordTriageReply>(TriageReply, ignoreCase: true, out var mode) ? mode : DiscordTriageReply.Reply;

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

        ValidateGateway(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateGateway(DiscordOptions options, List<string> errors)
    {
        if (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != Uri.UriSchemeWss && gateway.Scheme != Uri.UriSchemeWs) || gateway.Query.Length > 0)
        {
            errors.Add($"Discord:GatewayUrl must be an absolute ws(s) URL without a query (is '{options.GatewayUrl}'); ?v=10&encoding=json is added.");
        }

        foreach (var channel in options.TriageChannels)
        {
            if (channel.Length is 0 or > 20 || !channel.All(char.IsAsciiDigit))
            {
                errors.Add($"Discord:TriageChannels must hold channel ids (digits only); '{channel}' is not one.");
            }
        }

        if (options.ChannelAnswersPerMinute is < 1 or > 60)
        {
            errors.Add($"Discord:ChannelAnswersPerMinute must be between 1 and 60 (is {options.ChannelAnswersPerMinute}).");
        }

        if (!Enum.TryParse<DiscordTriageReply>(options.TriageReply, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || options.TriageReply.Any(char.IsAsciiDigit))
        {
            errors.Add($"Discord:TriageReply must be Reply or Reaction (is '{options.TriageReply}').");
        }
    }
}

/// <summary>How the gateway client answers a paste in a triage channel.</summary>
public enum DiscordTriageReply
{
    /// <summary>A reply to the message, with the answer.</summary>
    Reply,

    /// <summary>A reaction on the message; replies only when mentioned or in a DM.</summary>
    Reaction,
}
