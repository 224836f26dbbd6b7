using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Engine.Commands;

/// <summary><c>/ede &lt;n|name&gt;</c>: an Extended DNS Error (RFC 8914).</summary>
internal sealed class EdeCommand : ICommand
{
    public string Name => "ede";

    public Answer Run(EngineContext ctx, string args, Locale locale)
    {
        if (args.Length == 0)
        {
            return ctx.Answers.Guide(ctx.Kb.Guides["guide:extended-errors"], locale);
        }

        var r = ctx.Resolver.Resolve(args, Families.DnsEde);
        return CodeAnswers.For(ctx, r, args, UiKeys.Family(Families.DnsEde), locale);
    }
}
