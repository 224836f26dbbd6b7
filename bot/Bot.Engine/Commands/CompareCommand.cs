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
        var understanding = ctx.Understander.Read(args, Tokenizer.Tokenize(args), numbersAreCodes: true);
        return Compare(ctx, understanding, locale) ?? ctx.Answers.Error(UiKeys.ErrUsageCompare, locale);
    }

    /// <summary>The comparison the mentions ask for, or null when they do not name two things to compare.</summary>
    public static Answer? Compare(EngineContext ctx, Understanding.Understanding u, Locale locale)
    {
        var sides = u.Codes
            .Select(c => new AnswerBuilder.Side(c.Entry, c.Meaning is null ? null : c.Entry.Meanings.First(m => m.Key == c.Meaning)))
            .DistinctBy(s => s.Id)
            .ToList();
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
