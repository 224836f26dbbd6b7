using System.Globalization;
using System.Text;
using System.Text.Json;
using Bot.Engine;
using Bot.Engine.Contracts;
using Bot.Engine.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>
/// <c>POST /discord/interactions</c>: verify (raw bytes, before parsing) → parse → de-duplicate by interaction id →
/// answer inline (knowledge, autocomplete, components) or defer and finish in the background (live checks).
/// One response per interaction: a repeated delivery gets the first response again and starts nothing new.
/// </summary>
public sealed partial class DiscordInteractions(
    IOptions<DiscordOptions> options,
    IEngineProvider engines,
    DiscordRestClient rest,
    BackgroundQueue queue,
    TimeProvider time,
    ILogger<DiscordInteractions> log) : IDisposable
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>A check's own deadline is seconds; this only bounds a stuck one well inside the token's 15 minutes.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(2);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<string?>> _inFlight = new(StringComparer.Ordinal);
    private readonly RenderedAnswers _rendered = new();
    private readonly DeliveryLedger<string> _ledger = new(TokenLifetime, time);
    private DiscordSignature? _signature;

    public async Task HandleAsync(HttpContext http)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Over the cap (declared or sent) → null, read no further.
        var body = await RequestBody.ReadBoundedAsync(http.Request, o.MaxBodyBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        _signature ??= new DiscordSignature(o.PublicKeyBytes(), o.TimestampWindow, time);
        if (!_signature.IsValid(http.Request.Headers["X-Signature-Timestamp"], http.Request.Headers["X-Signature-Ed25519"], body))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsync("invalid request signature", http.RequestAborted).ConfigureAwait(false);
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = Interaction.Parse(body);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        string? response;
        if (interaction.Type == 1)
        {
            response = """{"type":1}""";
        }
        else if (_ledger.TryGet(interaction.Id, out var earlier))
        {
            Duplicate(log, interaction.Id);
            response = earlier;
        }
        else
        {
            response = await RespondOnceAsync(interaction, http.RequestAborted).ConfigureAwait(false);
            if (response is null)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }

        http.Response.ContentType = "application/json";
        await RenderedAnswers.WriteAsync(http.Response, response, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// received → acknowledged: exactly one delivery of an interaction id computes the response (and starts any
    /// background work); a delivery arriving while that is in progress waits for it and sends the same response.
    /// </summary>
    private async Task<string?> RespondOnceAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _inFlight.GetOrAdd(interaction.Id, mine);
        if (current != mine)
        {
            Duplicate(log, interaction.Id);
            return await current.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var engine = await engines.GetAsync(cancellationToken).ConfigureAwait(false);
            var response = interaction.Type switch
            {
                2 => Command(engine, interaction),
                3 => Component(engine, interaction),
                4 => Autocomplete(engine, interaction),
                _ => null,
            };
            if (response is not null)
            {
                _ledger.Set(interaction.Id, response);
            }

            mine.SetResult(response);
            return response;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            throw;
        }
        finally
        {
            _inFlight.TryRemove(interaction.Id, out _);
        }
    }

    public void Dispose() => _rendered.Dispose();

    private string Command(BotEngine engine, Interaction i)
    {
        var text = CommandText(i);
        var ephemeral = i.Bool("private");
        var key = string.Create(CultureInfo.InvariantCulture, $"c|{ephemeral}|{i.Locale}|{text}");
        if (_rendered.TryGet(engine, key) is { } known)
        {
            return known;
        }

        var request = new ChatRequest(text, i.Locale, "discord", i.UserId);
        var answer = engine.Answer(request);
        if (answer.WantsLiveCheck && engine.LiveChecksEnabled)
        {
            // Visibility is decided now: a deferred response's ephemeral flag cannot change later.
            return Defer(engine, i, request, text, focusFix: false)
                ? ephemeral ? """{"type":5,"data":{"flags":64}}""" : """{"type":5}"""
                : Message(engine, 4, engine.Error(UiKeys.DigQueueFull, answer.Locale), null, ephemeral: true);
        }

        return _rendered.Add(engine, key, Message(engine, 4, answer, text, ephemeral));
    }

    private string? Component(BotEngine engine, Interaction i)
    {
        if (!DiscordCustomId.TryDecode(i.CustomId, out var id))
        {
            return null;
        }

        string command;
        int type;
        switch (id.Kind)
        {
            case DiscordComponentKind.Compare:
                if (i.Values.FirstOrDefault() is not { } other)
                {
                    return null;
                }

                (command, type) = ($"/compare {id.Argument} {other}", 4);
                break;
            case DiscordComponentKind.Language or DiscordComponentKind.Fix:
                (command, type) = (id.Argument, 7);
                break;
            default:
                (command, type) = (id.Argument, 4);
                break;
        }

        var focusFix = id.Kind == DiscordComponentKind.Fix;
        var key = string.Create(CultureInfo.InvariantCulture, $"k|{type}|{focusFix}|{id.Locale}|{command}");
        if (_rendered.TryGet(engine, key) is { } known)
        {
            return known;
        }

        var request = new ChatRequest(command, id.Locale, "discord", i.UserId);
        var answer = engine.Answer(request);
        if (answer.WantsLiveCheck && engine.LiveChecksEnabled)
        {
            // A live check behind a button ("Refresh", "Run live check", or the language and fix buttons of a check's
            // answer) is run again: acknowledge with a deferred update, then edit the message in place.
            return Defer(engine, i, request, command, focusFix)
                ? """{"type":6}"""
                : Message(engine, 4, engine.Error(UiKeys.DigQueueFull, answer.Locale), null, ephemeral: true);
        }

        return _rendered.Add(engine, key, Message(engine, type, answer, command, focusFix: focusFix));
    }

    private static string Autocomplete(BotEngine engine, Interaction i)
    {
        var (option, typed) = i.Focused;
        var choices = DiscordAutocomplete.Choices(engine, i.CommandName ?? "", option ?? "", typed ?? "", i.Locale ?? Locale.En);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("type", 8);
            w.WriteStartObject("data");
            w.WriteStartArray("choices");
            foreach (var (name, value) in choices)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("value", value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Queues the live check; false when the queue is full (then nothing was deferred).</summary>
    private bool Defer(BotEngine engine, Interaction i, ChatRequest request, string command, bool focusFix)
    {
        var renderer = new DiscordRenderer(engine.Knowledge.Ui);
        var accepted = queue.TryEnqueue(async stopping =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(CheckTimeout);
            var locale = request.Locale ?? Locale.En;
            string json;
            try
            {
                var answer = await engine.AnswerAsync(request, timeout.Token).ConfigureAwait(false);
                json = Serialize(renderer.Render(answer, command, focusFix));
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                json = Serialize(renderer.Render(engine.Error(UiKeys.DigTimeout, locale), command));
            }

            var result = await rest.EditOriginalAsync(i.Token, json, stopping).ConfigureAwait(false);
            if (!result.Ok)
            {
                EditFailed(log, i.Id, result.Status, result.Code);
            }
        });
        if (!accepted)
        {
            QueueFull(log, i.Id);
        }

        return accepted;
    }

    private static string Message(BotEngine engine, int type, Answer answer, string? command, bool ephemeral = false, bool focusFix = false)
    {
        var message = new DiscordRenderer(engine.Knowledge.Ui).Render(answer, command, focusFix);
        if (ephemeral)
        {
            message = message with { Flags = 64 };
        }

        return $$"""{"type":{{type}},"data":{{Serialize(message)}}}""";
    }

    private static string Serialize(DiscordMessage message) => JsonSerializer.Serialize(message, DiscordWireJson.Context.DiscordMessage);

    /// <summary>The engine command for a slash command: the options in the order the command takes them.</summary>
    private static string CommandText(Interaction i) => i.CommandName switch
    {
        "rcode" when i.String("compare") is { Length: > 0 } other => $"/compare {i.String("code")} {other}",
        "rcode" => $"/rcode {i.String("code")}",
        "ede" => $"/ede {i.String("code")}",
        "compare" => $"/compare {i.String("a")} {i.String("b")}",
        "dig" => string.Join(' ', new[]
        {
            "/dig", i.String("name"), i.String("type"), i.String("resolver") is { Length: > 0 } r ? "@" + r : null,
            i.Bool("dnssec") ? "+dnssec" : null, i.Bool("cd") ? "+cd" : null,
        }.Where(x => !string.IsNullOrWhiteSpace(x))),
        "guide" => $"/guide {i.String("topic")}".TrimEnd(),
        "glossary" => $"/glossary {i.String("term")}",
        _ => "/help",
    };

    [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "Discord interaction {Id} delivered again; answered once")]
    private static partial void Duplicate(ILogger log, string id);

    [LoggerMessage(EventId = 411, Level = LogLevel.Warning, Message = "Editing the response of Discord interaction {Id} failed: HTTP {Status}, code {Code}")]
    private static partial void EditFailed(ILogger log, string id, int status, int? code);

    [LoggerMessage(EventId = 412, Level = LogLevel.Error, Message = "Background queue full; Discord interaction {Id} answered with a busy message")]
    private static partial void QueueFull(ILogger log, string id);
}
