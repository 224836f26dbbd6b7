using System.Text.RegularExpressions;
using Bot.Engine.Contracts;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Slack;

internal sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.SigningSecret!.Trim().Length < 16 || options.SigningSecret.Any(char.IsWhiteSpace))
        {
            errors.Add("Slack:SigningSecret must be the app's signing secret (Basic Information → App Credentials), at least 16 characters without spaces.");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken) || !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal) || options.BotToken.Any(char.IsWhiteSpace))
        {
            errors.Add("Slack:BotToken must be the bot token (xoxb-…, OAuth & Permissions) when Slack:SigningSecret is set: answers to mentions and direct messages are posted with it.");
        }

        if (!string.IsNullOrEmpty(options.BotUserId) && !UserId().IsMatch(options.BotUserId))
        {
            errors.Add($"Slack:BotUserId must be a Slack user id such as U0123ABCD (or empty to ask auth.test): '{options.BotUserId}'.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && !(api.Scheme == Uri.UriSchemeHttp && api.IsLoopback)))
        {
            errors.Add($"Slack:ApiBaseUrl must be an absolute https URL (http only on loopback): '{options.ApiBaseUrl}'.");
        }

        if (options.TimestampWindow < TimeSpan.FromSeconds(1) || options.TimestampWindow > TimeSpan.FromHours(1))
        {
            errors.Add("Slack:TimestampWindow must be between 00:00:01 and 01:00:00.");
        }

        if (options.MaxBodyBytes is < 1024 or > 10 * 1024 * 1024)
        {
            errors.Add("Slack:MaxBodyBytes must be between 1024 and 10485760.");
        }

        foreach (var channel in options.TriageChannels.Where(c => !ChannelId().IsMatch(c)))
        {
            errors.Add($"Slack:TriageChannels holds channel ids such as C0123ABCD (channel details → About), not names: '{channel}'.");
        }

        if (!Reaction().IsMatch(options.TriageReaction))
        {
            errors.Add($"Slack:TriageReaction must be an emoji name without colons, such as mag: '{options.TriageReaction}'.");
        }

        if (options.ChannelAnswersPerMinute is < 1 or > 60)
        {
            errors.Add("Slack:ChannelAnswersPerMinute must be between 1 and 60 (Slack posts about one message a second per channel).");
        }

        if (options.EffectiveResponseUrlHosts.Any(h => string.IsNullOrWhiteSpace(h) || h.Contains('/', StringComparison.Ordinal) || h.Contains(':', StringComparison.Ordinal) || h == "*" || h == "*."))
        {
            errors.Add("Slack:ResponseUrlHosts holds host names (a leading \"*.\" for subdomains), not URLs, ports or a bare \"*\".");
        }

        if (Locales.Parse(options.DefaultLocale) is null)
        {
            errors.Add($"Slack:DefaultLocale must be en, ja or de: '{options.DefaultLocale}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[UW][A-Z0-9]{2,20}$")]
    private static partial Regex UserId();

    [GeneratedRegex("^[CGD][A-Z0-9]{2,20}$")]
    private static partial Regex ChannelId();

    [GeneratedRegex("^[a-z0-9_+'-]{1,100}$")]
    private static partial Regex Reaction();
}
