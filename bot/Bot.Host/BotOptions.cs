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

internal static class BotOptionsRegistration
{
    public static IServiceCollection AddBotOptions(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>();
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        return services;
    }
}
