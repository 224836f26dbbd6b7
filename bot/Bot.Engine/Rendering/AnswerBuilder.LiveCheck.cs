using System.Globalization;
using Bot.Dns.Presentation;
using Bot.Dns.Records;
using Bot.Dns.Wire;
using Bot.Engine.Contracts;
using Bot.Engine.Diagnosis;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;

namespace Bot.Engine.Rendering;

internal sealed partial class AnswerBuilder
{
    /// <summary>The answer to a live check: per-resolver table, diagnosis with evidence, the codes explained, fix, dig output.</summary>
    public Answer LiveCheck(DigRequest request, LiveCheckResult result, Locale locale)
    {
        if (result.Status != LiveCheckStatus.Done || result.Report is not { } report)
        {
            var key = result.Status switch
            {
                LiveCheckStatus.RateLimited => UiKeys.DigRateLimited,
                LiveCheckStatus.Busy => UiKeys.DigBusy,
                LiveCheckStatus.ResolverNotAllowed => UiKeys.DigResolverNotAllowed,
                _ => UiKeys.DigDisabledSummary,
            };
            return DigDisabled(request.Name.TrimEnd('.'), locale) with
            {
                Title = Ui[UiKeys.DigNotRunTitle, locale],
                Summary = Ui.Format(key, locale, request.Resolver ?? "", request.Name.TrimEnd('.')),
                Severity = Severity.Warning,
            };
        }

        var cause = kb.Causes[report.Cause];
        var text = cause.Text[locale];
        var question = $"{request.Name.TrimEnd('.')} {DnsTypeNames.Type(request.Type)}";
        var sections = new List<AnswerSection>
        {
            new("resolvers", Ui[UiKeys.SectionResolvers, locale], SectionKind.Code, ResolverTable(report)),
            new("evidence", Ui[UiKeys.SectionEvidence, locale], SectionKind.Bullets,
                [.. report.Evidence.Select(e => $"`{e.Server}` · `{e.Question}` → {e.Result}")]),
        };
        if (report.RuledOut.Count > 0)
        {
            sections.Add(new AnswerSection("ruledout", Ui[UiKeys.SectionRuledOut, locale], SectionKind.Bullets,
                [.. report.RuledOut.Where(r => Ui.Has("ruled." + r)).Select(r => Ui["ruled." + r, locale])]));
        }

        sections.Add(new AnswerSection("fix", Ui[UiKeys.SectionFix, locale], SectionKind.Steps, text.Fix));

        // The knowledge base's explanation of every code the resolvers returned.
        var codes = CodesSeen(report);
        var explained = codes.Select(id => kb.Codes.GetValueOrDefault(id)).OfType<CodeEntry>().ToList();
        if (explained.Count > 0)
        {
            sections.Add(new AnswerSection("codes", Ui[UiKeys.SectionCodesSeen, locale], SectionKind.Bullets,
                [.. explained.Select(e => $"{Label(e, locale)}: {e.Text[locale].Summary}")]));
        }

        if (result.Dig is { } dig)
        {
            sections.Add(new AnswerSection("dig", $"dig {request.Command(trace: false)[5..]} @{dig.Server.Address}", SectionKind.Code,
                DigFormatter.Format(dig).TrimEnd().Split('\n')));
        }

        if (request.Trace || report.Cause is "lame-delegation" or "nameservers-timeout" or "nameservers-unreachable")
        {
            sections.Add(new AnswerSection("trace", Ui[UiKeys.SectionTrace, locale], SectionKind.Code,
                [.. report.Delegation.Select(s => $"{s.Zone,-24} {s.Outcome}   [{string.Join(", ", s.Servers)}]")]));
        }

        var scenario = cause.Scenario is null ? null : kb.Scenarios.GetValueOrDefault(cause.Scenario);
        var actions = new List<AnswerAction>
        {
            new(Ui[UiKeys.ActionTrace, locale], request.Command(trace: true)),
            new(Ui[UiKeys.ActionCd, locale], request.Command(cd: true, trace: false)),
        };
        if (request.Resolver is not null)
        {
            actions.Add(new AnswerAction(Ui[UiKeys.ActionCompareResolvers, locale], request.Command(withResolver: false, trace: false)));
        }

        if (scenario is not null)
        {
            actions.Add(Action(UiKeys.ActionScenario, locale, Commands.CommandText.For(kb, scenario.Id), scenario.Text[locale].Title));
        }

        actions.AddRange(explained.Take(2).Select(e => new AnswerAction(Label(e, locale), Commands.CommandText.For(e))));

        return new Answer
        {
            Intent = "dig",
            Locale = locale,
            Title = $"{question} — {text.Title}",
            Summary = text.Summary,
            Severity = cause.Severity,
            Sections = sections,
            Facts =
            [
                new Fact(Ui[UiKeys.FactQuestion, locale], question),
                new Fact(Ui[UiKeys.FactZone, locale], report.Zone ?? "?"),
                new Fact(Ui[UiKeys.FactQueries, locale], string.Create(CultureInfo.InvariantCulture, $"{report.Queries}, {report.Elapsed.TotalMilliseconds:F0} ms")),
            ],
            Links = [.. GuideLinks(cause.Guides, locale), .. scenario is null ? [] : new[] { new AnswerLink(scenario.Text[locale].Title, links.Ask(Commands.CommandText.For(kb, scenario.Id), locale), LinkKind.Scenario) }],
            Actions = actions,
            Codes = codes,
            Diagnosis = new DiagnosisSummary(report.Cause, [.. report.Evidence.Select(e => new EvidenceItem(e.Server, e.Question, e.Result))], report.RuledOut,
                report.Zone, report.Queries, (int)report.Elapsed.TotalMilliseconds),
        };
    }

    private static List<string> CodesSeen(DiagnosisReport report)
    {
        var codes = new List<string>();
        foreach (var r in report.Resolvers)
        {
            if (r.Exchange.Response is { } m)
            {
                codes.Add(m.Rcode == 0 && m.Answers.Count == 0 ? "dns:pseudo:nodata" : $"dns:rcode:{m.Rcode.ToString(CultureInfo.InvariantCulture)}");
                codes.AddRange(m.ExtendedErrors.Select(e => $"dns:ede:{e.InfoCode.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        foreach (var n in report.Nameservers)
        {
            if (n.State == NameserverState.Lame && n.Exchange.Response is { } m)
            {
                codes.Add($"dns:rcode:{m.Rcode.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return [.. codes.Distinct()];
    }

    /// <summary>One line per resolver: status, flags, EDE, the answer (or the SOA of a negative answer), time.</summary>
    private static List<string> ResolverTable(DiagnosisReport report)
    {
        var lines = new List<string> { $"{"resolver",-22} {"status",-9} {"flags",-12} {"EDE",-6} {"answer",-38} time" };
        foreach (var r in report.Resolvers)
        {
            var e = r.Exchange;
            if (e.Response is not { } m)
            {
                lines.Add($"{Cut(r.Label, 22),-22} {e.Outcome.ToString().ToLowerInvariant(),-9} {"",-12} {"",-6} {Cut(e.Detail ?? "", 38),-38} {e.Elapsed.TotalMilliseconds:F0} ms");
                continue;
            }

            var answer = m.Answers.Count > 0
                ? string.Join(", ", m.Answers.Take(3).Select(a => a.Data.ToPresentation()))
                : m.Authorities.Select(a => a.Data).OfType<SoaRdata>().Select(s => $"SOA {s.MName} {s.Serial}").FirstOrDefault() ?? "—";
            var ede = string.Join(',', m.ExtendedErrors.Select(x => x.InfoCode));
            lines.Add($"{Cut(r.Label, 22),-22} {m.Status,-9} {string.Join(' ', m.Header.FlagNames()),-12} {ede,-6} {Cut(answer, 38),-38} {e.Elapsed.TotalMilliseconds:F0} ms");
            if (r.WithCd is { Response: { } cd })
            {
                lines.Add($"{"  +cd",-22} {cd.Status,-9} {string.Join(' ', cd.Header.FlagNames()),-12} {"",-6} {Cut(string.Join(", ", cd.Answers.Take(2).Select(a => a.Data.ToPresentation())), 38),-38} {r.WithCd.Elapsed.TotalMilliseconds:F0} ms");
            }
        }

        return lines;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
