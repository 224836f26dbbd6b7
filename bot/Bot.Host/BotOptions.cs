using Bot.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Host;

/// <summary>Settings of the local web chat (section "WebChat").</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests to /api/chat larger than this are answered 413.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}

internal sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.LinksBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"Engine:LinksBaseUrl must be an absolute http(s) URL (is '{options.LinksBaseUrl}').");
        }

        if (options.MaxInputChars is < 100 or > 100_000)
        {
            errors.Add($"Engine:MaxInputChars must be between 100 and 100000 (is {options.MaxInputChars}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options) =>
        options.MaxBodyBytes is < 1024 or > 10 * 1024 * 1024
            ? ValidateOptionsResult.Fail($"WebChat:MaxBodyBytes must be between 1024 and 10485760 (is {options.MaxBodyBytes}).")
            : ValidateOptionsResult.Success;
}

internal sealed class DnsCheckOptionsValidator : IValidateOptions<Bot.Engine.Diagnosis.DnsCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, Bot.Engine.Diagnosis.DnsCheckOptions options)
    {
        var errors = new List<string>();
        void Endpoints(IEnumerable<string> values, string key)
        {
            var i = 0;
            foreach (var v in values)
            {
                if (!Bot.Engine.Diagnosis.DnsCheckOptions.TryParseEndpoint(v, out _))
                {
                    errors.Add($"Dns:{key}:{i} must be an IP address, optionally with a port (is '{v}').");
                }

                i++;
            }
        }

        Endpoints(options.Resolvers, nameof(options.Resolvers));
        Endpoints(options.PublicResolvers, nameof(options.PublicResolvers));
        Endpoints(options.RootHints, nameof(options.RootHints));
        Endpoints(options.AllowedResolvers, nameof(options.AllowedResolvers));
        for (var i = 0; i < options.AllowTargets.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.AllowTargets[i], out _))
            {
                errors.Add($"Dns:AllowTargets:{i} must be a CIDR range such as 127.0.0.0/8 (is '{options.AllowTargets[i]}').");
            }
        }

        if (options.MaxQueries is < 5 or > 1000)
        {
            errors.Add($"Dns:MaxQueries must be between 5 and 1000 (is {options.MaxQueries}).");
        }

        if (options.Deadline < TimeSpan.FromMilliseconds(200) || options.Deadline > TimeSpan.FromSeconds(30))
        {
            errors.Add($"Dns:Deadline must be between 00:00:00.2 and 00:00:30 (is {options.Deadline}).");
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(50) || options.AttemptTimeout > options.Deadline)
        {
            errors.Add($"Dns:AttemptTimeout must be at least 50 ms and at most Dns:Deadline (is {options.AttemptTimeout}).");
        }

        if (options.Attempts is < 1 or > 5)
        {
            errors.Add($"Dns:Attempts must be between 1 and 5 (is {options.Attempts}).");
        }

        if (options.PerUserPerMinute < 1 || options.GlobalPerMinute < 1 || options.MaxConcurrentChecks < 1)
        {
            errors.Add("Dns:PerUserPerMinute, Dns:GlobalPerMinute and Dns:MaxConcurrentChecks must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal static class BotOptionsRegistration
{
    public static IServiceCollection AddBotOptions(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>();
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateOnStart();
        services.AddOptions<Bot.Engine.Diagnosis.DnsCheckOptions>().BindConfiguration(Bot.Engine.Diagnosis.DnsCheckOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Bot.Engine.Diagnosis.DnsCheckOptions>, DnsCheckOptionsValidator>();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        return services;
    }
}
