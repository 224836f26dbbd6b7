using Bot.Engine.Contracts;
using Bot.Engine.Localization;
using Bot.Engine.Understanding;

namespace Bot.Engine.Commands;

/// <summary>Turns a resolution into the answer for it, or an honest "no such code" with suggestions.</summary>
internal static class CodeAnswers
{
    public static Answer For(EngineContext ctx, Resolution r, string reference, string familyLabelKey, Locale locale, string? focusFamily = null)
    {
        if (r.Entry is not null)
        {
            return ctx.Answers.Code(r.Entry, locale, r.Meaning, focusFamily, r.AlsoIn, r.Parts, r.Concrete);
        }

        if (r.Range is not null)
        {
            return ctx.Answers.Range(r.Range, r.RangeValue, locale);
        }

        var suggestions = Suggestions.For(ctx, reference, locale);
        var answer = ctx.Answers.Unknown(reference, suggestions, locale);
        return answer with { Summary = ctx.Kb.Ui.Format(UiKeys.ErrNoSuchCode, locale, reference, ctx.Kb.Ui[familyLabelKey, locale]) };
    }
}
