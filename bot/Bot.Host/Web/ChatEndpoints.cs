using System.Text.Json;
using Bot.Engine.Contracts;
using Bot.Engine.Rendering;
using Microsoft.Extensions.Options;

namespace Bot.Host.Web;

/// <summary><c>POST /api/chat</c> {text, locale?} → the answer model as JSON, with its text and HTML renderings.</summary>
internal static partial class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", HandleAsync);
        app.MapGet("/api/ui", UiStringsAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, EngineHolder holder, IOptions<WebChatOptions> options, ILoggerFactory logs)
    {
        var limits = options.Value;
        if (!limits.Enabled)
        {
            return Results.NotFound();
        }

        if (http.Request.ContentLength > limits.MaxBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limits.MaxBodyBytes} bytes.");
        }

        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send JSON: {\"text\": \"/rcode 2\", \"locale\": \"en\"}.");
        }

        var body = await Bot.Adapters.RequestBody.ReadBoundedAsync(http.Request, limits.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {limits.MaxBodyBytes} bytes.");
        }

        ChatQuery? query;
        try
        {
            query = JsonSerializer.Deserialize(body, AnswerJsonContext.Default.ChatQuery);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON of the form {\"text\": \"...\", \"locale\": \"en|ja|de\"}.");
        }

        if (query?.Text is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "The field \"text\" is required.");
        }

        var engine = await holder.Engine.WaitAsync(http.RequestAborted);
        var user = http.Connection.RemoteIpAddress?.ToString() ?? "web";
        var answer = await engine.AnswerAsync(new ChatRequest(query.Text, Locales.Parse(query.Locale), "web", user), http.RequestAborted);
        if (answer.Intent == "error" && engine.LastFault is { } fault)
        {
            Fault(logs.CreateLogger("Bot.WebChat"), fault);
        }

        var ui = engine.Knowledge.Ui;
        var document = AnswerDocument.From(answer, new TextRenderer(ui).Render(answer), new HtmlRenderer(ui).Render(answer));
        return Results.Text(AnswerJson.Serialize(document), "application/json; charset=utf-8");
    }

    /// <summary>The web chat page's own strings in every language: {"en": {"send": "Ask", ...}, "ja": {...}}.</summary>
    private static async Task<IResult> UiStringsAsync(EngineHolder holder, CancellationToken cancellationToken)
    {
        var ui = (await holder.Engine.WaitAsync(cancellationToken)).Knowledge.Ui;
        var strings = Locales.All.ToDictionary(
            l => l.Tag(),
            l => Bot.Engine.Localization.UiKeys.WebChat.ToDictionary(k => k["webchat.".Length..], k => ui[k, l]));
        return Results.Json(strings);
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    [LoggerMessage(EventId = 200, Level = LogLevel.Error, Message = "The engine failed on a web chat question")]
    private static partial void Fault(ILogger log, Exception exception);
}
