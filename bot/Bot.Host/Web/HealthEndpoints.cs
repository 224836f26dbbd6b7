using Bot.Engine;

namespace Bot.Host.Web;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Ready means the knowledge base is loaded and valid: the engine is built before the host listens.
        app.MapGet("/healthz", (BotEngine engine) => Results.Text($"ok {engine.Knowledge.Codes.Count} codes\n", "text/plain"));
        return app;
    }
}
