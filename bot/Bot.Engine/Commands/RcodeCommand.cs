using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Engine.Commands;

/// <summary><c>/rcode &lt;n|name&gt;</c>: a DNS RCODE (or NODATA), by number or by name.</summary>
internal sealed class RcodeCommand : ICommand
{
    public string Name => "rcode";

    public Answer Run(EngineContext ctx, string args, Locale locale)
    {
        if (args.Length == 0)
        {
            return ctx.Answers.Error(UiKeys.ErrUsageRcode, locale);
        }

        var r = ctx.Resolver.Resolve(args, Families.DnsRcode);
        if (!r.Found)
        {
            // NODATA is not an RCODE but people ask for it as one.
            var any = ctx.Resolver.Resolve(args);
            if (any.Entry?.Family == Families.DnsPseudo)
            {
                r = any;
            }
        }

        return CodeAnswers.For(ctx, r, args, UiKeys.Family(Families.DnsRcode), locale);
    }
}
