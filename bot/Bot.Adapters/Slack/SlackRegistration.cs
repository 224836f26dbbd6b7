using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Slack;

public static partial class SlackRegistration
{
    /// <summary>Options (validated at start), the Web API client, the event handler and the endpoints.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();

        // No redirects: a response_url or API call is never followed somewhere the allowlist did not check.
        services.AddSingleton(sp => new SlackWebClient(
            PlatformHttpClient.Create(TimeSpan.FromSeconds(15)),
            sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SlackWebClient>>()));
        services.AddSingleton<SlackUserLanguages>();
        services.AddSingleton<SlackEvents>();
        services.AddSingleton<SlackEndpoint>();
        return services;
    }

    /// <summary><c>POST /slack/commands</c>, <c>/slack/events</c>, <c>/slack/interactivity</c>; 404 without a signing secret.</summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/commands", (HttpContext http, SlackEndpoint endpoint) => endpoint.HandleCommandsAsync(http));
        app.MapPost("/slack/events", (HttpContext http, SlackEndpoint endpoint) => endpoint.HandleEventsAsync(http));
        app.MapPost("/slack/interactivity", (HttpContext http, SlackEndpoint endpoint) => endpoint.HandleInteractivityAsync(http));
        var services = app.ServiceProvider;
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
        {
            var options = services.GetRequiredService<IOptions<SlackOptions>>().Value;
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Bot.Slack");
            if (options.Enabled)
            {
                Enabled(log, options.TriageChannels.Count, options.TriageReply.ToString());
            }
            else
            {
                Disabled(log);
            }
        });
        return app;
    }

    [LoggerMessage(EventId = 630, Level = LogLevel.Information, Message = "Slack endpoints on (/slack/commands, /slack/events, /slack/interactivity); {Channels} triage channel(s), triage answers by {Reply}")]
    private static partial void Enabled(ILogger log, int channels, string reply);

    [LoggerMessage(EventId = 631, Level = LogLevel.Information, Message = "Slack endpoints off: Slack:SigningSecret is not set (POST /slack/* answers 404)")]
    private static partial void Disabled(ILogger log);
}
