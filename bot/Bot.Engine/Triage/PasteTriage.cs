using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Engine.Commands;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;
using Bot.Engine.Understanding;

namespace Bot.Engine.Triage;

/// <summary>
/// Recognises pasted tool output, resolver logs and OS/library errors, and explains what they imply: which code,
/// what the text reveals (flags, EDE, server) and the next command to run.
/// </summary>
internal sealed partial class PasteTriage(EngineContext ctx)
{
    private UiStrings Ui => ctx.Kb.Ui;

    /// <summary>Recognises without answering: what an adapter asks before answering a message nobody addressed to it.</summary>
    public PasteConfidence Recognise(string text)
    {
        if (DnsOutputParser.Parse(text) is { } output)
        {
            // Only dig-like output has the `->>HEADER<<-` line (with the status); the other forms are one-liners.
            return output.Tool is "dig" or "kdig" or "drill" && output.Status is not null ? PasteConfidence.High : PasteConfidence.Low;
        }

        foreach (var pattern in ctx.Kb.Triage)
        {
            foreach (var regex in pattern.Patterns)
            {
                try
                {
                    if (regex.IsMatch(text))
                    {
                        return PasteConfidence.High;
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                }
            }
        }

        return PasteConfidence.None;
    }

    public Answer? TryAnswer(string text, IReadOnlyList<Token> tokens, Locale locale)
    {
        if (DnsOutputParser.Parse(text) is { } output)
        {
            return FromOutput(output, locale);
        }

        foreach (var pattern in ctx.Kb.Triage)
        {
            foreach (var regex in pattern.Patterns)
            {
                Match match;
                try
                {
                    match = regex.Match(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    continue;
                }

                if (match.Success)
                {
                    return FromPattern(pattern, match, locale);
                }
            }
        }

        return null;
    }

    private Answer FromOutput(DnsOutput o, Locale locale)
    {
        var status = o.Status;
        var entry = status is null ? null
            : status == "NODATA" ? ctx.Kb.Codes.GetValueOrDefault("dns:pseudo:nodata")
            : ctx.Resolver.Resolve(status, Families.DnsRcode).Entry;

        // NOERROR with no answer records is NODATA: explain that, not "no error".
        if (entry?.Id == "dns:rcode:0" && o.Answers == 0)
        {
            entry = ctx.Kb.Codes.GetValueOrDefault("dns:pseudo:nodata") ?? entry;
        }

        var shows = new List<string>();
        if (status is not null)
        {
            shows.Add($"`status: {status}`: " + (entry is null ? Ui[UiKeys.PasteNoStatus, locale] : $"{ctx.Answers.Label(entry, locale)}: {entry.Text[locale].Summary}"));
        }

        if (o.TimedOut)
        {
            shows.Add(Ui[UiKeys.PasteTimeout, locale]);
        }

        if (o.FlagsSeen)
        {
            AddFlagInsights(o, shows, locale);
        }

        var codes = new List<string>();
        if (entry is not null)
        {
            codes.Add(entry.Id);
        }

        foreach (var (code, extra) in o.Ede)
        {
            var ede = ctx.Kb.Find(Families.DnsEde, code.ToString(CultureInfo.InvariantCulture));
            var label = ede is null ? $"EDE {code}" : ctx.Answers.Label(ede, locale);
            shows.Add(Ui.Format(UiKeys.PasteEde, locale, label, extra.Length > 0 ? extra : "—") + (ede is null ? "" : " " + ede.Text[locale].Summary));
            if (ede is not null)
            {
                codes.Add(ede.Id);
            }
        }

        if (o.Server is not null)
        {
            shows.Add(Ui.Format(UiKeys.PasteServer, locale, o.Server));
        }

        var name = Safe(o.Name) ?? "example.com";
        var next = NextCommands(entry, o, name, Safe(o.Server) ?? "192.0.2.53", locale);
        var sections = new List<AnswerSection> { new("shows", Ui[UiKeys.SectionShows, locale], SectionKind.Bullets, shows) };
        if (next.Count > 0)
        {
            sections.Add(new AnswerSection("next", Ui[UiKeys.SectionNext, locale], SectionKind.Code, next));
        }

        var primary = o.Ede.Count > 0 && codes.Count > 1 ? ctx.Kb.Codes[codes[1]] : entry;
        if (primary is not null && primary.Text[locale].Fix.Count > 0)
        {
            sections.Add(new AnswerSection("fix", Ui[UiKeys.SectionFix, locale], SectionKind.Steps, [.. primary.Text[locale].Fix.Take(4)]));
        }

        var facts = new List<Fact> { new(Ui[UiKeys.FactSource, locale], o.Tool) };
        if (status is not null)
        {
            facts.Add(new Fact(Ui[UiKeys.FactStatus, locale], status));
        }

        if (o.Name is not null)
        {
            facts.Add(new Fact(Ui[UiKeys.FactQuestion, locale], $"{o.Name} {o.Type}".Trim()));
        }

        if (o.FlagsSeen)
        {
            facts.Add(new Fact(Ui[UiKeys.FactFlags, locale], o.Flags.Count > 0 ? string.Join(' ', o.Flags) : "—"));
        }

        if (o.Server is not null)
        {
            facts.Add(new Fact(Ui[UiKeys.FactServer, locale], o.Server));
        }

        return new Answer
        {
            Intent = "code",
            Locale = locale,
            Title = Ui.Format(UiKeys.PasteTitle, locale, o.Tool, status ?? (o.TimedOut ? "timeout" : "?")),
            Summary = entry is null
                ? Ui[o.TimedOut ? UiKeys.PasteTimeout : UiKeys.PasteNoStatus, locale]
                : Ui.Format(UiKeys.PasteSummary, locale, o.Tool, ctx.Answers.Label(entry, locale), entry.Text[locale].Summary),
            Severity = o.TimedOut ? Severity.Error : entry?.Severity ?? Severity.Info,
            Sections = sections,
            Facts = facts,
            Links = [.. (primary?.Guides ?? []).Take(2).Select(g => ctx.Kb.Guides[g]).Select(g => new AnswerLink(g.Text[locale].Title, ctx.Links.Guide(g, locale), LinkKind.Guide))],
            Actions = [.. codes.Distinct().Select(id => new AnswerAction(ctx.Answers.Label(id, locale), CommandText.For(ctx.Kb, id)))],
            Codes = [.. codes.Distinct()],
            Recognizer = o.Tool,
        };
    }

    private void AddFlagInsights(DnsOutput o, List<string> shows, Locale locale)
    {
        var f = o.Flags;
        if (f.Contains("aa"))
        {
            shows.Add(Ui[UiKeys.PasteAa, locale]);
        }
        else if (f.Contains("qr") && !f.Contains("ra"))
        {
            shows.Add(Ui[UiKeys.PasteNotAa, locale]);
        }

        if (f.Contains("rd") && !f.Contains("ra"))
        {
            shows.Add(Ui[UiKeys.PasteNoRa, locale]);
        }

        if (f.Contains("tc"))
        {
            shows.Add(Ui[UiKeys.PasteTc, locale]);
        }

        if (f.Contains("ad"))
        {
            shows.Add(Ui[UiKeys.PasteAd, locale]);
        }

        if (f.Contains("cd"))
        {
            shows.Add(Ui[UiKeys.PasteCd, locale]);
        }

        if (o.Answers is { } n)
        {
            shows.Add(n == 0 ? Ui[UiKeys.PasteNoAnswer, locale] : Ui.Format(UiKeys.PasteAnswers, locale, n));
        }
    }

    private List<string> NextCommands(CodeEntry? entry, DnsOutput o, string name, string server, Locale locale)
    {
        var key = entry is null ? (o.TimedOut ? UiKeys.Next("timeout") : null) : UiKeys.Next(entry.Id);
        foreach (var (code, _) in o.Ede)
        {
            if (Ui.Has(UiKeys.Next($"dns:ede:{code.ToString(CultureInfo.InvariantCulture)}")))
            {
                key = UiKeys.Next($"dns:ede:{code.ToString(CultureInfo.InvariantCulture)}");
                break;
            }
        }

        if (key is null || !Ui.Has(key))
        {
            return [];
        }

        return [.. Ui.Format(key, locale, name, server).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private Answer FromPattern(TriagePattern pattern, Match match, Locale locale)
    {
        var text = pattern.Text[locale];
        var implied = pattern.Implies;
        if (match.Groups["status"] is { Success: true } s && ctx.Resolver.Resolve(s.Value, Families.DnsRcode).Entry is { } byStatus)
        {
            implied = byStatus.Id;
        }

        var name = Group(match, "name") ?? "example.com";
        var server = Group(match, "server") ?? "192.0.2.53";
        var entry = ctx.Kb.Codes.GetValueOrDefault(implied.Split('#')[0]);
        var sections = new List<AnswerSection>
        {
            new("shows", Ui[UiKeys.SectionShows, locale], SectionKind.Bullets,
                [Ui.Format(UiKeys.PasteLogLine, locale, Shorten(match.Value)), text.Explanation]),
            new("next", Ui[UiKeys.SectionNext, locale], SectionKind.Code,
                [.. Fill(text.Next, name, server).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]),
        };
        if (entry is not null)
        {
            sections.Add(new AnswerSection("meaning", ctx.Answers.Label(entry, locale), SectionKind.Paragraph, [entry.Text[locale].Summary]));
            if (entry.Text[locale].Fix.Count > 0)
            {
                sections.Add(new AnswerSection("fix", Ui[UiKeys.SectionFix, locale], SectionKind.Steps, [.. entry.Text[locale].Fix.Take(4)]));
            }
        }

        var facts = new List<Fact> { new(Ui[UiKeys.FactSource, locale], pattern.Source) };
        if (Group(match, "name") is { } n)
        {
            facts.Add(new Fact(Ui[UiKeys.FactQuestion, locale], n));
        }

        if (Group(match, "server") is { } sv)
        {
            facts.Add(new Fact(Ui[UiKeys.FactServer, locale], sv));
        }

        return new Answer
        {
            Intent = "code",
            Locale = locale,
            Title = text.Title,
            Summary = text.Explanation,
            Severity = pattern.Severity,
            Sections = sections,
            Facts = facts,
            Links = [.. (entry?.Guides ?? []).Take(2).Select(g => ctx.Kb.Guides[g]).Select(g => new AnswerLink(g.Text[locale].Title, ctx.Links.Guide(g, locale), LinkKind.Guide))],
            Actions = entry is null ? [] : [new AnswerAction(ctx.Answers.Label(implied, locale), CommandText.For(ctx.Kb, implied))],
            Codes = [implied],
            Recognizer = pattern.Id,
        };
    }

    private static string? Group(Match m, string name) => m.Groups[name] is { Success: true } g ? Safe(g.Value) : null;

    private static string? Safe(string? value) =>
        value is { Length: > 0 } && SafeToken().IsMatch(value) && value != "." ? value.TrimEnd('.') : null;

    private static string Fill(string template, string name, string server) =>
        template.Replace("{name}", name, StringComparison.Ordinal).Replace("{server}", server, StringComparison.Ordinal);

    private static string Shorten(string s)
    {
        var line = s.ReplaceLineEndings(" ").Trim();
        return line.Length <= 160 ? line : line[..160] + "…";
    }

    // Names and addresses taken from the paste go into suggested commands: keep them to characters a name or an
    // address can have, so that a paste cannot smuggle shell syntax into a command we suggest.
    [GeneratedRegex(@"^[A-Za-z0-9._:\-]{1,253}$")]
    private static partial Regex SafeToken();
}
