using Bot.Adapters.Discord;
using Bot.Adapters.Slack;
using Bot.Adapters.Teams;
using Bot.Engine;
using Bot.Host.Web;

namespace Bot.Host;

/// <summary>The web host: configuration, the engine, and the endpoints. Reads like a table of contents.</summary>
public static class BotHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Task<Bot.Engine.Knowledge.KnowledgeBase>? knowledge = null, Action<WebApplicationBuilder>? configure = null)
    {
        knowledge ??= EngineHolder.BeginLoading();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The listen address is the standard `urls` setting (ASPNETCORE_URLS, --urls); this is only the default.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddBotOptions();
        builder.Services.AddSingleton(sp => new EngineHolder(
            knowledge,
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Bot.Engine.EngineOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Bot.Engine.Diagnosis.DnsCheckOptions>>()));
        builder.Services.AddSingleton<IEngineProvider>(sp => sp.GetRequiredService<EngineHolder>());
        builder.Services.AddSingleton<GuidePages>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Bot.Adapters.BackgroundQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Bot.Adapters.BackgroundQueue>());
        builder.Services.AddDiscord();
        builder.Services.AddTeams();
        builder.Services.AddSlack();
        builder.Services.AddHostedService<EngineStartup>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealth();
        app.MapChatApi();
        app.MapGuidePages();
        app.MapDiscord();
        app.MapTeams();
        app.MapSlack();
        return app;
    }
}
