using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

public static partial class DiscordRegistration
{
    /// <summary>Options (validated at start), the REST client, the interaction handler, the gateway client.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services)
    {
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddHttpClient<DiscordRestClient>(c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<DiscordInteractions>();
        // The gateway client decides itself whether it runs (Discord:GatewayEnabled and Discord:BotToken) and logs why.
        services.AddSingleton<Gateway.GatewayMessageHandler>();
        services.AddHostedService<Gateway.DiscordGateway>();
        return services;
    }

    /// <summary><c>POST /discord/interactions</c>; answers 404 when no public key is configured.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder app)
    {
        app.MapPost("/discord/interactions", (Microsoft.AspNetCore.Http.HttpContext http, DiscordInteractions handler) => handler.HandleAsync(http));
        // Logged once started: the options are validated at start (ValidateOnStart), not while the app is being built.
        var services = app.ServiceProvider;
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bot.Discord");
            if (options.Enabled)
            {
                Enabled(log, options.ApplicationId ?? "?");
            }
            else
            {
                Disabled(log);
            }
        });
        return app;
    }

    [LoggerMessage(EventId = 420, Level = LogLevel.Information, Message = "Discord interactions endpoint on for application {ApplicationId}")]
    private static partial void Enabled(ILogger log, string applicationId);

    [LoggerMessage(EventId = 421, Level = LogLevel.Information, Message = "Discord interactions endpoint off: Discord:PublicKey is not set (POST /discord/interactions answers 404)")]
    private static partial void Disabled(ILogger log);
}
