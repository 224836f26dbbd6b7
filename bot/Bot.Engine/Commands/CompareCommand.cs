using Bot.Engine.Contracts;
using Bot.Engine.Localization;
using Bot.Engine.Rendering;
using Bot.Engine.Understanding;

namespace Bot.Engine.Commands;

/// <summary><c>/compare &lt;a&gt; &lt;b&gt;</c>: any two codes side by side ("/compare 2 5", "/compare SERVFAIL http 503").</summary>
internal sealed class CompareCommand : ICommand
{
    public string Name => "compare";

    public Answer Run(EngineContext ctx, string args, Locale locale)
    {
        // Two plain references ("2 5", "SERVFAIL REFUSED", "dns:rcode:9#zone dns:rcode:9#tsig") resolve directly.
        var words = args.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 2)
        {
            var a = ctx.Resolver.Resolve(words[0]);
            var b = ctx.Resolver.Resolve(words[1]);
            if (a.Entry is not null && b.Entry is not null)
            {
                return Compare(ctx, [Side(a.Entry, a.Meaning), Side(b.Entry, b.Meaning)], locale)!;
            }
        }

        var understanding = ctx.Understander.Read(args, Tokenizer.Tokenize(args), numbersAreCodes: true);
        return Compare(ctx, understanding, locale) ?? ctx.Answers.Error(UiKeys.ErrUsageCompare, locale);
    }

    private static AnswerBuilder.Side Side(Knowledge.CodeEntry entry, string? meaning) =>
        new(entry, meaning is null ? null : entry.Meanings.First(m => m.Key == meaning));

    /// <summary>The comparison the mentions ask for, or null when they do not name two things to compare.</summary>
    public static Answer? Compare(EngineContext ctx, Understanding.Understanding u, Locale locale) =>
        Compare(ctx, [.. u.Codes.Select(c => Side(c.Entry, c.Meaning))], locale);

    private static Answer? Compare(EngineContext ctx, List<AnswerBuilder.Side> all, Locale locale)
    {
        var sides = all.DistinctBy(s => s.Id).ToList();
        if (sides.Count >= 2)
        {
            // "NOTAUTH vs NOTAUTH": a value and itself means its two registrations.
            return ctx.Answers.Compare(sides[0], sides[1], locale);
        }

        if (sides.Count == 1 && sides[0].Entry.Meanings.Count >= 2)
        {
            var meanings = sides[0].Entry.Meanings;
            var first = sides[0].Meaning ?? meanings[0];
            var second = meanings.First(m => m != first);
            return ctx.Answers.Compare(new AnswerBuilder.Side(sides[0].Entry, first), new AnswerBuilder.Side(sides[0].Entry, second), locale);
        }

        return null;
    }
}
