using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;
using Bot.Engine.Understanding;

namespace Bot.Engine.Commands;

/// <summary><c>/guide [topic]</c>: the list of guides, or one guide's summary, contents and link.</summary>
internal sealed class GuideCommand : ICommand
{
    public string Name => "guide";

    public Answer Run(EngineContext ctx, string args, Locale locale)
    {
        if (args.Length == 0)
        {
            return ctx.Answers.GuideList(locale);
        }

        var guide = ctx.Kb.Guides.GetValueOrDefault("guide:" + args.ToLowerInvariant());
        if (guide is null && Topics.Find(ctx, args, TargetKind.Guide) is { } id)
        {
            guide = ctx.Kb.Guides[id];
        }

        return guide is null
            ? Topics.NotFound(ctx, args, locale, ctx.Answers.GuideList(locale))
            : ctx.Answers.Guide(guide, locale);
    }
}

/// <summary><c>/glossary &lt;term&gt;</c>: a short, practical definition.</summary>
internal sealed class GlossaryCommand : ICommand
{
    public string Name => "glossary";

    public Answer Run(EngineContext ctx, string args, Locale locale)
    {
        if (args.Length == 0)
        {
            return ctx.Answers.GlossaryList(locale);
        }

        var id = ctx.Kb.Glossary.ContainsKey("glossary:" + args.ToLowerInvariant()) ? "glossary:" + args.ToLowerInvariant() : Topics.Find(ctx, args, TargetKind.Glossary);
        return id is null
            ? Topics.NotFound(ctx, args, locale, ctx.Answers.GlossaryList(locale))
            : ctx.Answers.Glossary(ctx.Kb.Glossary[id], locale);
    }
}

/// <summary><c>/scenario [topic]</c>: a debugging scenario (symptoms, commands that confirm it, cause, fix).</summary>
internal sealed class ScenarioCommand : ICommand
{
    public string Name => "scenario";

    public Answer Run(EngineContext ctx, string args, Locale locale)
    {
        if (args.Length == 0)
        {
            return ctx.Answers.ScenarioList(locale);
        }

        var id = ctx.Kb.Scenarios.ContainsKey("scenario:" + args.ToLowerInvariant()) ? "scenario:" + args.ToLowerInvariant() : Topics.Find(ctx, args, TargetKind.Scenario);
        if (id is null)
        {
            // "/scenario servfail": the first scenario about that code.
            var code = ctx.Resolver.Resolve(args);
            id = code.Entry is null ? null : ctx.Kb.Scenarios.Values.FirstOrDefault(s => s.Codes.Contains(code.Entry.Id))?.Id;
        }

        return id is null
            ? Topics.NotFound(ctx, args, locale, ctx.Answers.ScenarioList(locale))
            : ctx.Answers.Scenario(ctx.Kb.Scenarios[id], locale);
    }
}

internal static class Topics
{
    public static string? Find(EngineContext ctx, string text, TargetKind kind)
    {
        var tokens = Tokenizer.Tokenize(text);
        var hints = Protocols.Hints(text, tokens);
        return ctx.Lexicon.FindMentions(text, tokens, hints)
            .Where(m => m.Target.Kind == kind)
            .OrderByDescending(m => m.Length)
            .Select(m => m.Target.Id)
            .FirstOrDefault();
    }

    public static Answer NotFound(EngineContext ctx, string args, Locale locale, Answer list) =>
        list with
        {
            Intent = "unknown",
            Summary = ctx.Kb.Ui.Format(UiKeys.ErrNoSuchTopic, locale, args) + " " + list.Summary,
            Actions = [.. Suggestions.For(ctx, args, locale).Select(s => new AnswerAction(s.Label, s.Command)), .. list.Actions],
        };
}

/// <summary><c>/help</c>.</summary>
internal sealed class HelpCommand : ICommand
{
    public string Name => "help";

    public Answer Run(EngineContext ctx, string args, Locale locale) => ctx.Answers.Help(locale);
}

/// <summary>
/// <c>/dig &lt;name&gt; [type] [@resolver] [+dnssec] [+cd] [+tcp] [+norecurse] [+nsid] [+trace]</c>: a live check. The
/// answer returned here is what is shown when live checks are off; the engine runs the check when they are on.
/// </summary>
internal sealed class DigCommand : ICommand
{
    public string Name => "dig";

    public Answer Run(EngineContext ctx, string args, Locale locale)
    {
        if (!Diagnosis.DigRequest.TryParse(args, out var request, out var error))
        {
            return ctx.Answers.Error(UiKeys.DigBadRequest, locale, error) with { Intent = "dig" };
        }

        return ctx.Answers.DigDisabled(request.Name.TrimEnd('.'), locale) with { PendingCheck = request };
    }
}
