using Bot.Adapters;
using Bot.Adapters.Discord;

// Usage: Bot.DiscordBare <public key hex> [--urls http://127.0.0.1:5192]
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args[1..], ContentRootPath = AppContext.BaseDirectory });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var signature = new DiscordSignature(Convert.FromHexString(args[0]), TimeSpan.FromMinutes(5), TimeProvider.System);
var app = builder.Build();
app.MapPost("/discord/interactions", async (HttpContext context) =>
{
    // Read and checked exactly as the bot does (RequestBody, DiscordSignature), with the bot's 64 KB cap.
    if (await RequestBody.ReadBoundedAsync(context.Request, 64 * 1024, context.RequestAborted) is not { } body)
    {
        context.Response.StatusCode = 413;
        return;
    }

    if (!signature.IsValid(context.Request.Headers["X-Signature-Timestamp"], context.Request.Headers["X-Signature-Ed25519"], body))
    {
        context.Response.StatusCode = 401;
        return;
    }

    context.Response.ContentType = "application/json";
    await context.Response.Body.WriteAsync(body);
});
app.Run();
