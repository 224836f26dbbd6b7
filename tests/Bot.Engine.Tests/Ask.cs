using Bot.Engine.Contracts;

namespace Bot.Engine.Tests;

internal static class Ask
{
    public static Answer Q(string text, string? locale = null) =>
        Shared.Engine.Answer(new ChatRequest(text, Locales.Parse(locale)));

    public static bool HasJapanese(string s) => s.Any(c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');

    public static string AllText(Answer a) =>
        string.Join('\n', new[] { a.Title, a.Summary }.Concat(a.Sections.SelectMany(s => s.Lines.Prepend(s.Heading))).Concat(a.Facts.Select(f => f.Label + " " + f.Value)));
}
