using Bot.Engine;
using Bot.Host.Web;

namespace Bot.Host;

/// <summary>The web host: configuration, the engine, and the endpoints. Reads like a table of contents.</summary>
public static class BotHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
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
        builder.Services.AddSingleton(KnowledgeHost.Load);
        builder.Services.AddSingleton(sp => new BotEngine(sp.GetRequiredService<Bot.Engine.Knowledge.KnowledgeBase>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EngineOptions>>().Value));
        builder.Services.AddSingleton<GuidePages>();
        builder.Services.AddHostedService<StartupCheck>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealth();
        app.MapChatApi();
        app.MapGuidePages();
        return app;
    }
}
