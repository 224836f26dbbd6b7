namespace Bot.Host.Web;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Ready means the knowledge base is loaded, validated and indexed.
        app.MapGet("/healthz", (EngineHolder holder) => holder.IsReady
            ? Results.Text($"ok {holder.Engine.Result.Knowledge.Codes.Count} codes\n", "text/plain")
            : Results.Text("starting\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
