using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Engine.Contracts;

namespace Bot.Engine.Rendering;

/// <summary>The JSON form of an answer (ask --json, POST /api/chat): the answer model plus its rendered text.</summary>
public sealed record AnswerDocument
{
    public required string Intent { get; init; }
    public required string Locale { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string Severity { get; init; }
    public required IReadOnlyList<string> Codes { get; init; }
    public required string Text { get; init; }
    public string? Html { get; init; }
    public string? Recognizer { get; init; }
    public DiagnosisSummary? Diagnosis { get; init; }
    public required IReadOnlyList<SectionDocument> Sections { get; init; }
    public required IReadOnlyList<Fact> Facts { get; init; }
    public required IReadOnlyList<LinkDocument> Links { get; init; }
    public required IReadOnlyList<AnswerAction> Actions { get; init; }
    public required IReadOnlyList<string> Notices { get; init; }

    public static AnswerDocument From(Answer answer, string text, string? html = null) => new()
    {
        Intent = answer.Intent,
        Locale = answer.Locale.Tag(),
        Title = answer.Title,
        Summary = answer.Summary,
        Severity = answer.Severity.ToString().ToLowerInvariant(),
        Codes = answer.Codes,
        Text = text,
        Html = html,
        Recognizer = answer.Recognizer,
        Diagnosis = answer.Diagnosis,
        Sections = [.. answer.Sections.Select(s => new SectionDocument(s.Key, s.Heading, s.Kind.ToString().ToLowerInvariant(), s.Lines))],
        Facts = answer.Facts,
        Links = [.. answer.Links.Select(l => new LinkDocument(l.Title, l.Url, l.Kind.ToString().ToLowerInvariant()))],
        Actions = answer.Actions,
        Notices = answer.Notices,
    };
}

public sealed record SectionDocument(string Key, string Heading, string Kind, IReadOnlyList<string> Lines);

public sealed record LinkDocument(string Title, string Url, string Kind);

/// <summary>The chat API's request body.</summary>
public sealed record ChatQuery(string? Text, string? Locale);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(AnswerDocument))]
[JsonSerializable(typeof(ChatQuery))]
public sealed partial class AnswerJsonContext : JsonSerializerContext;

public static class AnswerJson
{
    private static readonly AnswerJsonContext Indented = new(new JsonSerializerOptions(AnswerJsonContext.Default.Options) { WriteIndented = true });

    public static string Serialize(AnswerDocument document, bool indented = false) =>
        JsonSerializer.Serialize(document, indented ? Indented.AnswerDocument : AnswerJsonContext.Default.AnswerDocument);
}
