using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Teams;

public static partial class TeamsRegistration
{
    /// <summary>Options (validated at start), token validation, the outbound token and Connector client, the handler.</summary>
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddHttpClient(nameof(TeamsAuthenticator), c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<TeamsAuthenticator>();

        // Singletons with their own pooled handlers: the token cache and the per-conversation limits must be shared.
        services.AddSingleton(sp => new TeamsTokenProvider(PlatformHttpClient.Create(TimeSpan.FromSeconds(15)), sp.GetRequiredService<IOptions<TeamsOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TeamsEmulatorMode>();
        services.AddSingleton(sp => new TeamsConnector(PlatformHttpClient.Create(TimeSpan.FromSeconds(20)), sp.GetRequiredService<TeamsTokenProvider>(),
            sp.GetRequiredService<IOptions<TeamsOptions>>(), sp.GetRequiredService<ILogger<TeamsConnector>>(), sp.GetRequiredService<TeamsEmulatorMode>()));
        services.AddSingleton<TeamsBot>();
        services.AddSingleton<TeamsEndpoint>();
        return services;
    }

    /// <summary><c>POST /api/messages</c>; answers 404 when no app id is configured.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpContext http, TeamsEndpoint endpoint) => endpoint.HandleAsync(http));
        var services = app.ServiceProvider;
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            var options = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bot.Teams");
            var addresses = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features
                .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            if (options.Enabled)
            {
                Enabled(log, options.AppId!, options.AppType.ToString());
            }
            else if (services.GetRequiredService<TeamsEmulatorMode>().Decide(options, addresses))
            {
                Emulator(log);
            }
            else
            {
                Disabled(log);
            }
        });
        return app;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Teams endpoint /api/messages on for app {AppId} ({AppType})")]
    private static partial void Enabled(ILogger log, string appId, string appType);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Teams emulator mode: Teams:AppId is not set and the host listens on loopback only, so POST /api/messages accepts activities from loopback WITHOUT authentication and replies to loopback serviceUrls only (for the Bot Framework Emulator / Agents Playground; set Teams:AppId for real use, and Teams:AllowEmulator=false in any deployment)")]
    private static partial void Emulator(ILogger log);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Teams endpoint off: Teams:AppId is not set (POST /api/messages answers 404; the emulator mode needs a loopback-only host and Teams:AllowEmulator)")]
    private static partial void Disabled(ILogger log);
}
