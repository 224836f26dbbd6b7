using Bot.Engine.Contracts;
using Bot.Engine.Localization;
using Bot.Engine.Understanding;

namespace Bot.Engine.Commands;

/// <summary><c>/code &lt;protocol&gt; &lt;value&gt;</c>: a code of any family (http, smtp, sip, grpc, dns, ede, opcode, flag).</summary>
internal sealed class CodeCommand : ICommand
{
    public string Name => "code";

    public Answer Run(EngineContext ctx, string args, Locale locale)
    {
        var parts = args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            // "/code 503" or "/code dns:rcode:2": no protocol given, resolve as free as a bare reference.
            return CodeAnswers.For(ctx, ctx.Resolver.Resolve(parts[0]), parts[0], UiKeys.AnyCode, locale);
        }

        if (parts.Length == 0)
        {
            return ctx.Answers.Error(UiKeys.ErrUsageCode, locale);
        }

        var families = Protocols.FamiliesFor(parts[0]);
        if (families is null)
        {
            return ctx.Answers.Error(UiKeys.ErrUsageCode, locale);
        }

        foreach (var family in families)
        {
            var r = ctx.Resolver.Resolve(parts[1], family);
            if (r.Found)
            {
                return CodeAnswers.For(ctx, r, parts[1], UiKeys.Family(family), locale);
            }
        }

        return CodeAnswers.For(ctx, new Resolution(), $"{parts[0]} {parts[1]}", UiKeys.Family(families[0]), locale);
    }
}
