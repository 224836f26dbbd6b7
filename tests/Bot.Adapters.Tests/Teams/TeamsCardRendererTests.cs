using System.Text;
using System.Text.RegularExpressions;
using Bot.Adapters.Teams.Cards;
using Bot.Adapters.Tests.Discord;
using Bot.Engine.Contracts;
using Bot.Engine.Localization;

namespace Bot.Adapters.Tests.Teams;

/// <summary>The Teams card: budget, neutralised user text, layout, and the data its buttons send back.</summary>
public sealed partial class TeamsCardRendererTests
{
    private readonly TeamsCardRenderer _renderer = new(Knowledge.Ui);

    [GeneratedRegex("<at>|</at>|<script", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [Fact]
    public void An_answer_past_every_limit_renders_within_the_budget_keeping_title_summary_fix_and_links()
    {
        var card = _renderer.Render(TeamsSamples.Huge(), "/rcode 2");

        TeamsCardJson.Size(card).ShouldBeLessThanOrEqualTo(TeamsCardRenderer.MaxCardBytes);
        var header = card.Body![0].ShouldBeOfType<Container>();
        header.Items.Count.ShouldBe(2, "title and the (cut) summary");
        Text(header.Items[0]).ShouldStartWith("SERVFAIL (RCODE 2) 😀T");
        Text(header.Items[0]).ShouldEndWith("…");
        Text(header.Items[1]).ShouldEndWith("…");
        var texts = Blocks(card).Select(Text).ToList();
        texts.ShouldContain("How to fix it");
        texts.ShouldContain(t => t.StartsWith("1. fix0-0", StringComparison.Ordinal));
        texts.ShouldContain("Read more");
        texts.ShouldContain(t => t.EndsWith("more section(s) in the full answer", StringComparison.Ordinal));
        TeamsSamples.Actions(card).OfType<OpenUrlAction>().Select(a => a.Url)
            .ShouldBe(["https://bot.example/guides/0", "https://bot.example/guides/1", "https://bot.example/guides/2"], "javascript: and over-long URLs are skipped");
        card.Actions!.Count.ShouldBe(5);
        card.Actions[0].ShouldBeOfType<ExecuteAction>().Verb.ShouldBe(TeamsActionData.VerbFix);
    }

    [Fact]
    public void Japanese_text_past_every_limit_stays_within_the_budget_in_bytes()
    {
        var card = _renderer.Render(TeamsSamples.Huge(Locale.Ja, japanese: true), "/rcode 2");

        Encoding.UTF8.GetByteCount(TeamsCardRenderer.Json(card)).ShouldBeLessThanOrEqualTo(TeamsCardRenderer.MaxCardBytes);
        TeamsCardRenderer.Json(card).ShouldContain("権威サーバー", customMessage: "non-ASCII is written as UTF-8, not \\u escapes");
        Blocks(card).Select(Text).ShouldContain("How to fix it");
    }

    [Fact]
    public void A_huge_fix_section_and_summary_are_cut_not_dropped()
    {
        var answer = TeamsSamples.Minimal() with
        {
            Summary = TeamsSamples.Words(30_000, "s"),
            Sections = [new AnswerSection("fix", "How to fix it", SectionKind.Steps, [.. Enumerable.Range(0, 300).Select(i => TeamsSamples.Words(900, $"step{i}"))])],
            Actions = [.. Enumerable.Range(0, 10).Select(i => new AnswerAction(new string('l', 200), "/dig " + new string('c', 990)))],
        };

        foreach (var focusFix in new[] { false, true })
        {
            var card = _renderer.Render(answer, "/rcode " + new string('9', 990), focusFix);

            TeamsCardJson.Size(card).ShouldBeLessThanOrEqualTo(TeamsCardRenderer.MaxCardBytes);
            var texts = Blocks(card).Select(Text).ToList();
            texts.ShouldContain("How to fix it");
            texts.ShouldContain(t => t.StartsWith("1. step0-0", StringComparison.Ordinal));
            texts.Last().ShouldBe("…", "a cut section ends with a '…' line");
        }
    }

    [Fact]
    public void Text_of_surrogate_pairs_is_never_cut_in_half_and_lone_surrogates_are_replaced()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 3000));
        var answer = TeamsSamples.Huge() with
        {
            Title = emoji,
            Summary = emoji + "\uD800" + emoji,
            Facts = [new Fact(emoji, emoji)],
            Notices = [emoji],
            Sections = [new AnswerSection("fix", emoji, SectionKind.Steps, [emoji, "`" + emoji + "`"]), new AnswerSection("dig", emoji, SectionKind.Code, [emoji, "\uDC00x"])],
            Actions = [new AnswerAction(emoji, "/rcode 2"), new AnswerAction("broken", "/rcode \uD800")],
        };

        foreach (var focusFix in new[] { false, true })
        {
            var card = _renderer.Render(answer, "/rcode \uDC00", focusFix);

            TeamsSamples.Texts(card).Where(TeamsSamples.HasLoneSurrogate).ShouldBeEmpty();
            TeamsCardJson.Size(card).ShouldBeLessThanOrEqualTo(TeamsCardRenderer.MaxCardBytes);
            TeamsCardRenderer.Json(card).ShouldContain("\\uFFFD", customMessage: "a lone surrogate in a command is written as U+FFFD, not an exception");
        }
    }

    [Fact]
    public void Hostile_user_text_never_becomes_markup()
    {
        var answer = TeamsSamples.HostileAnswer();

        foreach (var focusFix in new[] { false, true })
        {
            var card = _renderer.Render(answer, "/help " + TeamsSamples.Hostile, focusFix);

            TeamsSamples.Elements(card).OfType<TextBlock>().ShouldBeEmpty("TextBlock text is Markdown in Teams");
            TeamsSamples.Elements(card).OfType<FactSet>().ShouldBeEmpty("fact text is Markdown in Teams");
            card.MsTeams!.Width.ShouldBe("Full");
            foreach (var text in TeamsSamples.Texts(card))
            {
                Tag().IsMatch(text).ShouldBeFalse(text);
                text.ShouldNotContain("{{");
                text.ShouldNotContain("\u202E");
                text.ShouldNotContain("\u0007");
            }

            TeamsSamples.Actions(card).OfType<OpenUrlAction>().Select(a => a.Url).ShouldAllBe(url => url == "https://bot.example/guides/rcodes");
            Tag().IsMatch(TeamsCardRenderer.PlainText(answer)).ShouldBeFalse();
        }

        // Shown as typed: the Markdown stays literal text in plain runs.
        var runs = TeamsSamples.Runs(_renderer.Render(answer, null)).ToList();
        runs[0].Text.ShouldBe("<\u200Bat>x<\u200B/at> [x](https://evil.example) **bold** <\u200Bscript>alert(1)<\u200B/script> {\u200B{DATE(2017-02-14T06:08:39Z, SHORT)}} _i_ # h &lt;at&gt;");
        runs.ShouldContain(r => r.Text.StartsWith("• - <\u200Bat>x", StringComparison.Ordinal));

        // The data a button sends back is the command as it was (it is never shown).
        TeamsSamples.Data(_renderer.Render(answer, null)).ShouldContain(d => d[TeamsActionData.BotCommand] == "/help " + TeamsSamples.Hostile);
    }

    [Fact]
    public void Answer_code_spans_become_monospace_runs()
    {
        var answer = TeamsSamples.Minimal() with { Summary = "Run `dig +cd example.com` and look for `status: NOERROR` (not *this*)." };

        var summary = _renderer.Render(answer, null).Body![0].ShouldBeOfType<Container>().Items[1].ShouldBeOfType<RichTextBlock>();

        summary.Inlines.Select(r => (r.Text, r.FontType)).ShouldBe(
        [
            ("Run ", null),
            ("dig +cd example.com", FontType.Monospace),
            (" and look for ", null),
            ("status: NOERROR", FontType.Monospace),
            (" (not *this*).", null),
        ]);
    }

    [Theory]
    [InlineData(Severity.Ok, ContainerStyle.Good)]
    [InlineData(Severity.Info, ContainerStyle.Accent)]
    [InlineData(Severity.Warning, ContainerStyle.Warning)]
    [InlineData(Severity.Error, ContainerStyle.Attention)]
    public void Severity_sets_the_header_style(Severity severity, ContainerStyle style)
    {
        var header = _renderer.Render(TeamsSamples.Minimal() with { Severity = severity }, null).Body![0].ShouldBeOfType<Container>();

        header.Style.ShouldBe(style);
        header.Bleed.ShouldBe(true);
    }

    [Fact]
    public void Facts_are_a_fact_set_only_when_markdown_cannot_change_them()
    {
        _renderer.Render(SampleAnswers.Servfail(), null).Body!.OfType<FactSet>().Single().Facts
            .ShouldBe([new CardFact("Name", "SERVFAIL"), new CardFact("Code", "2"), new CardFact("Registry", "DNS RCODE"), new CardFact("Defined in", "RFC 1035 §4.1.1, RFC 4035 §5.5, RFC 2308 §7.1")]);

        foreach (var value in new[] { "`flush_bogus`", "flush_bogus", "1. step", "- item", "a *b* c", "[x](y)", "<at>x</at>" })
        {
            var card = _renderer.Render(TeamsSamples.Minimal() with { Facts = [new Fact("Zone", "example.com"), new Fact("Command", value)] }, null);

            TeamsSamples.Elements(card).OfType<FactSet>().ShouldBeEmpty(value);
            var facts = card.Body!.Skip(1).Take(2).Cast<RichTextBlock>().ToList();
            facts[0].Inlines[0].ShouldBe(new TextRun { Text = "Zone: ", Weight = TextWeight.Bolder });
            Text(facts[1]).Replace("\u200B", "", StringComparison.Ordinal).ShouldBe("Command: " + value.Replace("`", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Code_lines_keep_their_columns_and_copy_as_typed()
    {
        var card = _renderer.Render(SampleAnswers.Dig(), null);
        var code = card.Body!.OfType<Container>().Where(c => c.Style == ContainerStyle.Emphasis).ToList();
        var lines = code.SelectMany(c => c.Items).Select(Text).ToList();

        lines[0].Replace('\u00A0', ' ').ShouldBe("resolver               status    flags        EDE    answer                                 time");
        lines[2].Replace('\u00A0', ' ').ShouldBe("  +cd                  NOERROR   qr rd ra cd         192.0.2.10                             41 ms");
        lines.ShouldContain("\u00A0", "an empty line keeps its height");
        lines.ShouldContain(";; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1", "single spaces stay spaces");
        lines.Last().Replace('\u00A0', ' ').ShouldBe(";api.example.com.       " + "        IN      A", "tabs stop every 8 columns");
        foreach (var line in lines)
        {
            line.ShouldNotContain("  ", customMessage: "two collapsible spaces would merge in HTML");
            line.ShouldNotStartWith(" ");
        }

        code.SelectMany(c => c.Items).Cast<RichTextBlock>().SelectMany(b => b.Inlines).ShouldAllBe(r => r.FontType == FontType.Monospace);
    }

    [Fact]
    public void A_long_code_section_shows_fifty_lines_and_the_count_of_the_rest()
    {
        var answer = TeamsSamples.Minimal() with { Sections = [new AnswerSection("dig", "dig", SectionKind.Code, [.. Enumerable.Range(0, 80).Select(i => $"line {i}")])] };

        var lines = _renderer.Render(answer, null).Body!.OfType<Container>().Last().Items.Select(Text).ToList();

        lines.Count.ShouldBe(51);
        lines[49].ShouldBe("line 49");
        lines[50].ShouldBe("… (+30)");
    }

    [Fact]
    public void Full_view_buttons_fix_follow_ups_and_more_with_the_languages()
    {
        var card = _renderer.Render(SampleAnswers.Servfail(), "/rcode 2");

        var actions = card.Actions!;
        actions.Select(a => a.Title).ShouldBe(["Show fix steps", "Compare with REFUSED (RCODE 5)", "Compare with NXDOMAIN (RCODE 3)", "Guide: DNS RCODEs explained", "More actions"]);
        var fix = actions[0].ShouldBeOfType<ExecuteAction>();
        fix.Verb.ShouldBe("bot.fix");
        fix.Style.ShouldBe(ActionStyle.Positive);
        fix.Data.ShouldBe(Data(("botCommand", "/rcode 2"), ("botLocale", "en"), ("botView", "fix")));
        var fallback = fix.Fallback.ShouldBeOfType<SubmitAction>();
        fallback.Title.ShouldBe(fix.Title);
        fallback.Data.ShouldBe(fix.Data);

        actions[1].ShouldBeOfType<SubmitAction>().Data.ShouldBe(Data(("botCommand", "/compare SERVFAIL REFUSED"), ("botLocale", "en")));
        actions.Take(4).Select(Inputs).ShouldAllBe(inputs => inputs == AssociatedInputs.None);

        var more = actions[4].ShouldBeOfType<ShowCardAction>().Card;
        more.Version.ShouldBeNull();
        more.Schema.ShouldBeNull();
        var languages = more.Actions!.Cast<ExecuteAction>().ToList();
        languages.Select(a => (a.Title, a.Verb, a.Data![TeamsActionData.BotLocale])).ShouldBe([("日本語", "bot.language", "ja"), ("Deutsch", "bot.language", "de")]);
        languages.ShouldAllBe(a => a.Data![TeamsActionData.BotCommand] == "/rcode 2" && !a.Data!.ContainsKey(TeamsActionData.BotView));
        languages.ShouldAllBe(a => ((SubmitAction)a.Fallback!).Data == a.Data);
    }

    [Fact]
    public void Button_words_come_from_the_ui_strings()
    {
        var card = _renderer.Render(SampleAnswers.Dig() with { Locale = Locale.Ja }, "/dig api.example.com A");

        card.Actions!.Select(a => a.Title).ShouldBe(["対処方法を表示", "もう一度確認", "Trace the delegation", "Check with +cd", "その他の操作"]);
        Blocks(card).Select(Text).ShouldContain("詳しく読む");
    }

    [Fact]
    public void A_live_check_gets_a_refresh_button()
    {
        var card = _renderer.Render(SampleAnswers.Dig(), "/dig api.example.com A");

        var refresh = card.Actions!.OfType<ExecuteAction>().Single(a => a.Verb == TeamsActionData.VerbRefresh);
        refresh.Title.ShouldBe("Check again");
        refresh.Data.ShouldBe(Data(("botCommand", "/dig api.example.com A"), ("botLocale", "en")));
        refresh.Fallback.ShouldBeOfType<SubmitAction>().Data.ShouldBe(refresh.Data);

        TeamsSamples.Actions(_renderer.Render(SampleAnswers.Servfail(), "/rcode 2")).OfType<ExecuteAction>().ShouldNotContain(a => a.Verb == TeamsActionData.VerbRefresh);
    }

    [Fact]
    public void Without_a_usable_command_there_are_no_fix_language_or_refresh_buttons()
    {
        foreach (var command in new[] { null, "  ", "/dig " + new string('a', 2000) })
        {
            var card = _renderer.Render(SampleAnswers.Dig(), command);

            TeamsSamples.Actions(card).OfType<ExecuteAction>().ShouldBeEmpty(command ?? "null");
            card.Actions!.Select(a => a.Title).ShouldBe(["Trace the delegation", "Check with +cd", "Signature Expired (EDE 7)"]);
        }
    }

    [Fact]
    public void Fix_view_shows_title_summary_fix_steps_and_links_and_keeps_the_view_on_other_buttons()
    {
        var answer = SampleAnswers.Dig();

        var card = _renderer.Render(answer, "/dig api.example.com A", focusFix: true);

        var texts = Blocks(card).Select(Text).ToList();
        texts[0].ShouldBe(answer.Title);
        texts[1].ShouldBe(answer.Summary);
        texts[2].ShouldBe("How to fix it");
        texts[3].ShouldStartWith("1. Re-sign the zone now");
        texts.Skip(6).ShouldBe(["Read more"]);
        TeamsSamples.Elements(card).ShouldNotContain(e => e is FactSet || e is InputChoiceSet);
        var executes = TeamsSamples.Actions(card).OfType<ExecuteAction>().ToList();
        executes.ShouldNotContain(a => a.Verb == TeamsActionData.VerbFix);
        executes.Select(a => a.Verb).ShouldBe(["bot.refresh", "bot.language", "bot.language"]);
        executes.ShouldAllBe(a => a.Data![TeamsActionData.BotView] == TeamsActionData.ViewFix);
    }

    [Fact]
    public void Rcode_answers_with_related_codes_get_the_compare_input()
    {
        var card = _renderer.Render(SampleAnswers.Servfail(Locale.De), "/rcode 2");

        var input = card.Body!.OfType<InputChoiceSet>().Single();
        input.Id.ShouldBe(TeamsActionData.CompareWith);
        input.Placeholder.ShouldBe(Knowledge.Ui[UiKeys.ChatComparePlaceholder, Locale.De]);
        input.Choices.Select(c => c.Value).ShouldBe(["REFUSED (RCODE 5)", "NXDOMAIN (RCODE 3)", "DNSSEC Bogus (EDE 6)", "No Reachable Authority (EDE 22)"]);
        input.Choices.ShouldAllBe(c => c.Title == c.Value);
        var compare = card.Body![card.Body.ToList().IndexOf(input) + 1].ShouldBeOfType<ActionSet>().Actions.Single().ShouldBeOfType<SubmitAction>();
        compare.Title.ShouldBe(Knowledge.Ui[UiKeys.ChatCompare, Locale.De]);
        compare.Data.ShouldBe(Data(("botCompareFrom", "SERVFAIL"), ("botLocale", "de")));
        compare.AssociatedInputs.ShouldBeNull("the compare button sends the chosen code");

        static bool HasInput(AdaptiveCard c) => TeamsSamples.Elements(c).OfType<InputChoiceSet>().Any();
        HasInput(_renderer.Render(SampleAnswers.Servfail() with { Codes = ["dns:ede:7"] }, null)).ShouldBeFalse();
        HasInput(_renderer.Render(SampleAnswers.Servfail() with { Intent = "compare" }, null)).ShouldBeFalse();
        HasInput(_renderer.Render(SampleAnswers.Servfail() with { Sections = [] }, null)).ShouldBeFalse();
        HasInput(_renderer.Render(SampleAnswers.Compare(), null)).ShouldBeFalse();
    }

    [Fact]
    public void Follow_ups_are_deduplicated_and_capped_and_overflow_into_more_actions()
    {
        var answer = TeamsSamples.Minimal() with
        {
            Actions =
            [
                new AnswerAction("Same", "/rcode 3"),
                new AnswerAction("Same again", "/rcode 3"),
                new AnswerAction("Blank", " "),
                new AnswerAction("Too long", "/dig " + new string('a', 1000)),
                .. Enumerable.Range(0, 20).Select(i => new AnswerAction("", $"/rcode {i + 10}")),
            ],
        };

        var card = _renderer.Render(answer, null);

        var submits = TeamsSamples.Actions(card).OfType<SubmitAction>().ToList();
        submits.Select(s => s.Data[TeamsActionData.BotCommand]).ShouldBe(["/rcode 3", .. Enumerable.Range(10, 9).Select(i => $"/rcode {i}")]);
        submits[1].Title.ShouldBe("/rcode 10", "a blank label shows the command");
        card.Actions!.Count.ShouldBe(5);
        card.Actions[4].ShouldBeOfType<ShowCardAction>().Card.Actions!.Count.ShouldBe(6);
    }

    [Fact]
    public void Plain_text_is_title_and_summary_without_markup()
    {
        var answer = SampleAnswers.Servfail() with { Summary = "Run `dig +cd example.com`\nthen   check." };

        TeamsCardRenderer.PlainText(answer).ShouldBe("SERVFAIL (RCODE 2) — Server failure\nRun dig +cd example.com then check.");
        _renderer.Render(answer, null).FallbackText.ShouldBe(TeamsCardRenderer.PlainText(answer));
        TeamsCardRenderer.PlainText(TeamsSamples.Huge()).Length.ShouldBeLessThanOrEqualTo(400);
        TeamsCardRenderer.PlainText(TeamsSamples.Minimal() with { Summary = "" }).ShouldBe("Title");
    }

    [Fact]
    public void Card_root_is_a_teams_adaptive_card_1_5()
    {
        var json = TeamsCardRenderer.Json(_renderer.Render(TeamsSamples.Minimal(), null));

        json.ShouldStartWith("""{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[""");
        json.ShouldContain("""
            "msteams":{"width":"Full"}
            """);
        json.ShouldNotContain("null");
        json.ShouldNotContain("\"actions\"", customMessage: "no buttons: no actions array");
    }

    private static IEnumerable<RichTextBlock> Blocks(AdaptiveCard card) => TeamsSamples.Elements(card).OfType<RichTextBlock>();

    private static string Text(CardElement element) => string.Concat(element.ShouldBeOfType<RichTextBlock>().Inlines.Select(r => r.Text));

    private static AssociatedInputs? Inputs(CardAction action) => action switch
    {
        SubmitAction submit => submit.AssociatedInputs,
        ExecuteAction execute => execute.AssociatedInputs,
        _ => null,
    };

    private static Dictionary<string, string> Data(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
