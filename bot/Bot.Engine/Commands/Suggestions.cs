using Bot.Engine.Contracts;
using Bot.Engine.Understanding;

namespace Bot.Engine.Commands;

/// <summary>"Did you mean": the known names and terms closest to what the user typed.</summary>
internal static class Suggestions
{
    public static IReadOnlyList<(string Label, string Command)> For(EngineContext ctx, string input, Locale locale)
    {
        var words = Tokenizer.Tokenize(input);
        var probe = string.Join(' ', words.Where(w => !w.IsNumber).Select(w => w.Text));
        if (probe.Length < 3 || probe.Length > 40)
        {
            return [];
        }

        var max = Math.Max(1, probe.Length / 3);
        return ctx.Lexicon.Phrases()
            .Where(p => Math.Abs(p.Phrase.Length - probe.Length) <= max)
            .Select(p => (p.Target, Distance: EditDistance.Distance(probe, p.Phrase, max)))
            .Where(p => p.Distance <= max)
            .OrderBy(p => p.Distance)
            .ThenByDescending(p => p.Target.Weight)
            .Select(p => p.Target.Meaning is null ? p.Target.Id : $"{p.Target.Id}#{p.Target.Meaning}")
            .Distinct()
            .Take(5)
            .Select(id => (ctx.Answers.Label(id, locale), CommandText.For(ctx.Kb, id)))
            .ToList();
    }
}
