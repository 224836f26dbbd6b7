using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Adapters.Slack;
using Bot.Adapters.Tests.Discord;
using Bot.Engine.Contracts;
using Bot.Engine.Localization;

namespace Bot.Adapters.Tests.Slack;

/// <summary>Block Kit limits, graceful cuts, the severity line, the fix view and the buttons.</summary>
public sealed partial class SlackRendererTests
{
    private readonly SlackRenderer _renderer = new(Knowledge.Ui);

    [GeneratedRegex("&(?!amp;|lt;|gt;)")]
    private static partial Regex BareAmpersand();

    [Fact]
    public void An_answer_past_every_limit_renders_within_every_limit()
    {
        var answer = Huge();
        var message = _renderer.Render(answer, "/rcode 2");

        BlockKitLimits.Assert(message);
        var texts = BlockKitLimits.MrkdwnTexts(message).ToList();
        var header = BlockKitLimits.PlainTexts(message).First();
        header.Length.ShouldBeLessThanOrEqualTo(150);
        header.ShouldEndWith("…");
        texts.ShouldContain(t => t.StartsWith("*How to fix it*\n1. ", StringComparison.Ordinal), "the fix steps stay");
        texts.ShouldContain(t => t.StartsWith("*Read more*\n• <https://bot.example/guides/0|", StringComparison.Ordinal), "the links stay");
        texts.ShouldContain(t => t.StartsWith("summary-0 ", StringComparison.Ordinal), "the summary stays");
        texts.ShouldContain(t => t.StartsWith("… ", StringComparison.Ordinal) && t.Contains("in the full answer", StringComparison.Ordinal), "the omitted note");
        Elements(message).OfType<SlackStaticSelect>().Single().Options.Count.ShouldBe(10, "options whose value would pass 150 are left out, then ten at most");
        message.Text.Length.ShouldBeLessThanOrEqualTo(1000);
    }

    [Fact]
    public void Every_locale_and_the_fix_view_stay_within_the_limits()
    {
        foreach (var locale in Locales.All)
        {
            BlockKitLimits.Assert(_renderer.Render(Huge() with { Locale = locale }, "/rcode 2"));
            BlockKitLimits.Assert(_renderer.Render(Huge() with { Locale = locale }, "/rcode 2", focusFix: true));
            BlockKitLimits.Assert(_renderer.Render(Huge() with { Locale = locale, Intent = "dig" }, "/dig " + new string('d', 290)));
            BlockKitLimits.Assert(_renderer.Render(SampleAnswers.Servfail(locale), "/rcode 2"));
            BlockKitLimits.Assert(_renderer.Render(SampleAnswers.Dig() with { Locale = locale }, "/dig api.example.com A"));
        }
    }

    [Fact]
    public void Sections_are_dropped_from_the_end_and_counted()
    {
        var sections = Enumerable.Range(0, 60)
            .Select(i => new AnswerSection($"s{i}", $"Section {i}", SectionKind.Paragraph, [$"Line {i}."]))
            .Append(new AnswerSection("fix", "How to fix it", SectionKind.Steps, ["Do it."]))
            .ToList();
        var answer = Minimal() with { Sections = sections };

        var message = _renderer.Render(answer, null);

        BlockKitLimits.Assert(message);
        message.Blocks!.Count.ShouldBe(50);
        var texts = BlockKitLimits.MrkdwnTexts(message).ToList();
        texts.ShouldContain("*Section 0*\nLine 0.");
        texts.ShouldContain("*How to fix it*\n1. Do it.", "the fix section is kept even though it comes last");
        texts.ShouldNotContain("*Section 59*\nLine 59.");
        var kept = texts.Count(t => t.StartsWith("*Section ", StringComparison.Ordinal));
        texts.ShouldContain($"… {60 - kept} more section(s) in the full answer");
    }

    [Fact]
    public void Huge_button_values_leave_room_for_title_summary_fix_and_links()
    {
        var command = "/dig " + new string('a', 294);
        var answer = Huge() with
        {
            Intent = "dig",
            Actions = [.. Enumerable.Range(0, 5).Select(i => new AnswerAction(new string('L', 100), command + i))],
        };

        var message = _renderer.Render(answer, command);

        BlockKitLimits.Assert(message);
        Elements(message).OfType<SlackButton>().Count().ShouldBe(5 + 4);
        var texts = BlockKitLimits.MrkdwnTexts(message).ToList();
        texts.ShouldContain(t => t.StartsWith("*How to fix it*", StringComparison.Ordinal));
        texts.ShouldContain(t => t.StartsWith("*Read more*", StringComparison.Ordinal));
        texts.ShouldContain(t => t.StartsWith("summary-0 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_of_surrogate_pairs_is_never_cut_in_half()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 2000));
        var answer = Huge() with
        {
            Title = emoji,
            Summary = emoji,
            Facts = [new Fact(emoji, emoji)],
            Actions = [new AnswerAction(emoji, "/rcode 2")],
            Notices = [emoji],
        };

        BlockKitLimits.Assert(_renderer.Render(answer, "/rcode 2"));
        BlockKitLimits.Assert(_renderer.Render(Minimal() with { Summary = "x\uD800y `\uDC00`", Title = "\uDBFF" }, null));
    }

    [Theory]
    [InlineData('&')]
    [InlineData('<')]
    [InlineData('>')]
    [InlineData('*')]
    [InlineData('@')]
    public void A_cut_never_splits_an_escape(char c)
    {
        var text = new string(c, 5000) + "here";
        var answer = Minimal() with
        {
            Summary = text,
            Sections = [new AnswerSection("s", text, SectionKind.Bullets, [text]), new AnswerSection("c", "Code", SectionKind.Code, [text])],
        };

        var message = _renderer.Render(answer, null);

        BlockKitLimits.Assert(message);
        // Skip(1): the severity line "ℹ️ *informational*" is ours.
        foreach (var mrkdwn in BlockKitLimits.MrkdwnTexts(message).Skip(1).Append(message.Text))
        {
            BareAmpersand().IsMatch(mrkdwn).ShouldBeFalse(mrkdwn);
            mrkdwn.ShouldNotContain("<");
            mrkdwn.ShouldNotContain(">");
            Regex.IsMatch(mrkdwn, "(?<!\u200B)\\*(?!\u200B)").ShouldBe(mrkdwn.StartsWith('*'), "only the heading's own bold markers are bare");
        }
    }

    [Fact]
    public void A_cut_code_block_ends_on_a_line_boundary_and_is_closed()
    {
        var lines = Enumerable.Range(1, 500).Select(i => $"line {i} <@U{i}> ``` &").ToList();
        var answer = Minimal() with { Sections = [new AnswerSection("dig", "dig output", SectionKind.Code, lines)] };

        var text = BlockKitLimits.MrkdwnTexts(_renderer.Render(answer, null)).Single(t => t.StartsWith("*dig output*", StringComparison.Ordinal));

        text.Length.ShouldBeLessThanOrEqualTo(3000);
        text.ShouldStartWith("*dig output*\n```\nline 1 &lt;@U1&gt; ``\u200B` &amp;\nline 2 ");
        text.ShouldMatch(@"\n… \(\+\d+\)\n```$");
        Regex.Matches(text, "```").Count.ShouldBe(2);
    }

    [Fact]
    public void A_cut_section_ends_on_a_line_boundary_with_a_link_to_the_guide()
    {
        var lines = Enumerable.Range(1, 80).Select(i => $"Step {i}: run `dig +trace example.com` and compare the answers of every server.").ToList();
        var answer = Minimal() with
        {
            Sections = [new AnswerSection("fix", "How to fix it", SectionKind.Steps, lines)],
            Links = [new AnswerLink("Guide", "https://bot.example/guides/rcodes", LinkKind.Guide)],
        };

        var text = BlockKitLimits.MrkdwnTexts(_renderer.Render(answer, null)).Single(t => t.StartsWith("*How to fix it*", StringComparison.Ordinal));

        text.Length.ShouldBeLessThanOrEqualTo(3000);
        text.ShouldEndWith("\n… <https://bot.example/guides/rcodes|more>");
        var shown = text.Split('\n')[1..^1];
        shown.ShouldAllBe(line => line.EndsWith("server.", StringComparison.Ordinal));
        shown.Select((line, i) => line.StartsWith($"{i + 1}. ", StringComparison.Ordinal)).ShouldAllBe(ok => ok);
    }

    [Fact]
    public void Answer_code_spans_stay_code_and_formatting_characters_are_neutralised()
    {
        var answer = Minimal() with { Summary = "Run `dig +cd _x.example` and look for `status: NOERROR` (not *this*, _that_ or ~those~)." };

        BlockKitLimits.MrkdwnTexts(_renderer.Render(answer, null)).ShouldContain(
            "Run `dig +cd _x.example` and look for `status: NOERROR` (not \u200B*\u200Bthis\u200B*\u200B, \u200B_\u200Bthat\u200B_\u200B or \u200B~\u200Bthose\u200B~\u200B).");
    }

    [Theory]
    [InlineData(Severity.Ok, "✅ *success*")]
    [InlineData(Severity.Info, "ℹ️ *informational*")]
    [InlineData(Severity.Warning, "⚠️ *warning*")]
    [InlineData(Severity.Error, "🔴 *failure*")]
    public void The_severity_line_shows_an_emoji_the_word_and_the_codes(Severity severity, string expected)
    {
        var message = _renderer.Render(Minimal() with { Severity = severity, Codes = ["dns:rcode:2", "dns:ede:7"] }, null);

        var context = message.Blocks![1].ShouldBeOfType<SlackContextBlock>();
        context.Elements.Single().Text.ShouldBe(expected + " · dns:rcode:2 · dns:ede:7");
    }

    [Fact]
    public void The_severity_word_is_localized()
    {
        var message = _renderer.Render(Minimal() with { Locale = Locale.Ja, Severity = Severity.Error }, null);

        message.Blocks![1].ShouldBeOfType<SlackContextBlock>().Elements.Single().Text
            .ShouldBe("🔴 *" + Knowledge.Ui[UiKeys.SeverityName(Severity.Error), Locale.Ja] + "*");
    }

    [Fact]
    public void Fix_view_shows_only_title_summary_fix_steps_and_links()
    {
        var answer = SampleAnswers.Servfail();

        var message = _renderer.Render(answer, "/rcode 2", focusFix: true);

        BlockKitLimits.Assert(message);
        var texts = BlockKitLimits.MrkdwnTexts(message).ToList();
        texts[1].ShouldBe(answer.Summary);
        texts[2].ShouldStartWith("*How to fix it*\n1. Repeat with validation disabled");
        texts[2].ShouldContain("\n5. After fixing the cause");
        texts[3].ShouldStartWith("*Read more*\n");
        texts.ShouldNotContain(t => t.Contains("RFC 1035 defines RCODE 2", StringComparison.Ordinal));
        message.Blocks!.OfType<SlackSectionBlock>().ShouldAllBe(s => s.Fields == null);
        Values(message).ShouldNotContain(v => v.Kind == SlackActionKind.Fix);
        Values(message).Count(v => v.Kind == SlackActionKind.Language).ShouldBe(2);
    }

    [Fact]
    public void Full_view_offers_the_fix_steps_button_only_with_a_fix_section_and_a_command()
    {
        var fix = new SlackActionValue(SlackActionKind.Fix, Locale.En, "/rcode 2");
        Values(_renderer.Render(SampleAnswers.Servfail(), "/rcode 2")).ShouldContain(fix);
        Values(_renderer.Render(SampleAnswers.Servfail(), null)).ShouldNotContain(v => v.Kind == SlackActionKind.Fix);
        Values(_renderer.Render(SampleAnswers.Compare() with { Sections = [] }, "/compare 2 5")).ShouldNotContain(v => v.Kind == SlackActionKind.Fix);
        var button = Elements(_renderer.Render(SampleAnswers.Servfail(), "/rcode 2")).OfType<SlackButton>().Single(b => b.ActionId == SlackActionIds.Fix);
        button.Style.ShouldBe(SlackButton.Primary);
        button.Text.Text.ShouldBe("Show fix steps");
    }

    [Fact]
    public void Only_live_checks_get_the_check_again_button()
    {
        var dig = _renderer.Render(SampleAnswers.Dig(), "/dig api.example.com A");
        var button = Elements(dig).OfType<SlackButton>().Single(b => b.ActionId == SlackActionIds.Refresh);
        button.Text.Text.ShouldBe(Knowledge.Ui[UiKeys.ChatRefresh, Locale.En]);
        Decode(button.Value!).ShouldBe(new SlackActionValue(SlackActionKind.Refresh, Locale.En, "/dig api.example.com A"));

        Values(_renderer.Render(SampleAnswers.Dig(), null)).ShouldNotContain(v => v.Kind == SlackActionKind.Refresh);
        Values(_renderer.Render(SampleAnswers.Servfail(), "/rcode 2")).ShouldNotContain(v => v.Kind == SlackActionKind.Refresh);
        Values(_renderer.Render(SampleAnswers.Dig(), "/dig api.example.com A", focusFix: true)).ShouldContain(v => v.Kind == SlackActionKind.Refresh);
    }

    [Fact]
    public void Values_and_action_ids_round_trip_and_are_unique()
    {
        var message = _renderer.Render(SampleAnswers.Servfail(Locale.Ja), "/rcode 2");

        var elements = Elements(message).ToList();
        elements.Select(e => e.ActionId).ShouldBeUnique();
        elements.Select(e => e.ActionId).ShouldBe(
            ["bot.action.0", "bot.action.1", "bot.action.2", "bot.compare", "bot.fix", "bot.lang.en", "bot.lang.de"]);
        var values = Values(message).ToList();
        foreach (var value in values)
        {
            SlackActionValue.TryDecode(value.Encode(), out var again).ShouldBeTrue();
            again.ShouldBe(value);
        }

        values.Where(v => v.Kind == SlackActionKind.Action).Select(v => v.Command)
            .ShouldBe(["/compare SERVFAIL REFUSED", "/compare SERVFAIL NXDOMAIN", "/guide rcodes"]);
        values.ShouldAllBe(v => v.Kind == SlackActionKind.Language || v.Locale == Locale.Ja);
        values.ShouldContain(new SlackActionValue(SlackActionKind.Fix, Locale.Ja, "/rcode 2"));
        values.ShouldContain(new SlackActionValue(SlackActionKind.Language, Locale.En, "/rcode 2"));
        values.ShouldContain(new SlackActionValue(SlackActionKind.Language, Locale.De, "/rcode 2"));
        values.Where(v => v.Kind == SlackActionKind.Compare).Select(v => v.Command).ShouldBe(
        [
            "/compare SERVFAIL REFUSED (RCODE 5)", "/compare SERVFAIL NXDOMAIN (RCODE 3)",
            "/compare SERVFAIL DNSSEC Bogus (EDE 6)", "/compare SERVFAIL No Reachable Authority (EDE 22)",
        ]);

        elements.OfType<SlackButton>().Where(b => b.ActionId.StartsWith(SlackActionIds.LanguagePrefix, StringComparison.Ordinal))
            .Select(b => b.Text.Text).ShouldBe(["English", "Deutsch"]);
        elements.OfType<SlackStaticSelect>().Single().Placeholder.Text.ShouldBe(Knowledge.Ui[UiKeys.ChatComparePlaceholder, Locale.Ja]);
        elements.ShouldAllBe(e => SlackActionIds.IsOurs(e.ActionId));
    }

    [Fact]
    public void Elements_that_would_not_fit_are_left_out()
    {
        var answer = SampleAnswers.Servfail() with
        {
            Actions =
            [
                new AnswerAction("Too long", "/dig " + new string('a', 400)),
                new AnswerAction("Fine", "/rcode 3"),
                new AnswerAction("Same", "/rcode 3"),
                new AnswerAction("Blank", "  "),
                new AnswerAction("Control", "/rcode \u0001"),
                .. Enumerable.Range(4, 10).Select(i => new AnswerAction($"Code {i}", $"/rcode {i}")),
            ],
        };

        var message = _renderer.Render(answer, "/rcode " + new string('9', 400));

        BlockKitLimits.Assert(message);
        Values(message).Where(v => v.Kind == SlackActionKind.Action).Select(v => v.Command)
            .ShouldBe(["/rcode 3", "/rcode 4", "/rcode 5", "/rcode 6", "/rcode 7"]);
        Values(message).ShouldNotContain(v => v.Kind == SlackActionKind.Fix || v.Kind == SlackActionKind.Language);
        Values(message).ShouldContain(v => v.Kind == SlackActionKind.Compare);
    }

    [Fact]
    public void Only_rcode_answers_with_related_codes_get_the_compare_select()
    {
        bool HasSelect(Answer answer) => Elements(_renderer.Render(answer, null)).Any(e => e is SlackStaticSelect);

        HasSelect(SampleAnswers.Servfail()).ShouldBeTrue();
        HasSelect(SampleAnswers.Servfail() with { Codes = ["dns:ede:7"] }).ShouldBeFalse();
        HasSelect(SampleAnswers.Servfail() with { Intent = "compare" }).ShouldBeFalse();
        HasSelect(SampleAnswers.Servfail() with { Sections = [] }).ShouldBeFalse();
        HasSelect(SampleAnswers.Compare()).ShouldBeFalse();
    }

    [Fact]
    public void An_answer_without_buttons_has_no_divider_or_actions()
    {
        var message = _renderer.Render(Minimal(), null);

        message.Blocks!.Select(b => b.GetType()).ShouldBe([typeof(SlackHeaderBlock), typeof(SlackContextBlock), typeof(SlackSectionBlock)]);
        message.Text.ShouldBe("Title\nSummary.");
    }

    [Fact]
    public void Json_leaves_out_nulls_and_never_unfurls()
    {
        var json = BlockKitLimits.Json(_renderer.Render(SampleAnswers.Servfail(), "/rcode 2"));

        json.GetProperty("unfurl_links").GetBoolean().ShouldBeFalse();
        json.GetProperty("unfurl_media").GetBoolean().ShouldBeFalse();
        json.TryGetProperty("response_type", out _).ShouldBeFalse();
        json.TryGetProperty("thread_ts", out _).ShouldBeFalse();
        JsonSerializer.Serialize(json).ShouldNotContain("null");
        var withType = new SlackRenderer(Knowledge.Ui).Render(Minimal(), null) with { ResponseType = SlackResponseType.InChannel, ReplaceOriginal = true };
        var serialized = BlockKitLimits.Json(withType);
        serialized.GetProperty("response_type").GetString().ShouldBe("in_channel");
        serialized.GetProperty("replace_original").GetBoolean().ShouldBeTrue();
    }

    internal static IEnumerable<SlackElement> Elements(SlackMessage message) =>
        message.Blocks!.OfType<SlackActionsBlock>().SelectMany(b => b.Elements);

    internal static IEnumerable<SlackActionValue> Values(SlackMessage message) =>
        Elements(message).SelectMany(e => e switch
        {
            SlackButton b => [b.Value!],
            SlackStaticSelect s => s.Options.Select(o => o.Value),
            _ => [],
        }).Select(Decode);

    private static SlackActionValue Decode(string value) =>
        SlackActionValue.TryDecode(value, out var decoded) ? decoded : throw new ShouldAssertException("cannot decode " + value);

    internal static Answer Minimal() => new()
    {
        Intent = "code",
        Locale = Locale.En,
        Title = "Title",
        Summary = "Summary.",
    };

    /// <summary>An answer past every Slack limit: long title and summary, 60 big sections, 30 facts, 24 actions, 5,000 code lines, 40 related codes.</summary>
    internal static Answer Huge()
    {
        var kinds = new[] { SectionKind.Paragraph, SectionKind.Bullets, SectionKind.Steps };
        var sections = new List<AnswerSection>
        {
            new("resolvers", "What each resolver says", SectionKind.Code, [.. Enumerable.Range(0, 5000).Select(i => $"resolver-{i,-5} SERVFAIL  qr rd ra  7  ``` <@U{i}> & *x*")]),
            new("related", "Related", SectionKind.Bullets, [.. Enumerable.Range(0, 40).Select(i => $"CODE{i} (RCODE {i}){(i % 2 == 0 ? " " + new string('x', 120) : "")}: summary {i}")]),
        };
        sections.AddRange(Enumerable.Range(0, 60).Select(i => kinds[i % 3] == SectionKind.Paragraph
            ? new AnswerSection($"s{i}", $"Section {i} " + new string('h', 300), SectionKind.Paragraph, [Words(4000, $"p{i}")])
            : new AnswerSection($"s{i}", $"Section {i}", kinds[i % 3], [.. Enumerable.Range(0, 4).Select(j => Words(1000, $"s{i}l{j}"))])));
        sections.Add(new AnswerSection("fix", "How to fix it", SectionKind.Steps, [.. Enumerable.Range(0, 6).Select(i => Words(1000, $"fix{i}"))]));

        return new Answer
        {
            Intent = "code",
            Locale = Locale.En,
            Title = "SERVFAIL (RCODE 2) " + new string('T', 300),
            Summary = Words(10_000, "summary"),
            Severity = Severity.Error,
            Codes = ["dns:rcode:2", .. Enumerable.Range(0, 200).Select(i => $"dns:ede:{i}")],
            Facts = [.. Enumerable.Range(0, 30).Select(i => new Fact($"Fact {i} " + new string('l', 300), Words(3000, $"f{i}")))],
            Sections = sections,
            Links = [.. Enumerable.Range(0, 10).Select(i => new AnswerLink($"Guide {i} " + new string('g', 200), $"https://bot.example/guides/{i}", LinkKind.Guide))],
            Actions =
            [
                .. Enumerable.Range(0, 12).Select(i => new AnswerAction($"Action {i}", "/dig " + new string('a', 145) + i)),
                .. Enumerable.Range(0, 12).Select(i => new AnswerAction($"Action {i} " + new string('b', 150), $"/rcode {i}")),
            ],
            Notices = [.. Enumerable.Range(0, 20).Select(i => Words(500, $"notice{i}"))],
        };
    }

    /// <summary>About <paramref name="length"/> characters of words, with code spans, mrkdwn and escapes mixed in.</summary>
    private static string Words(int length, string seed)
    {
        var sb = new System.Text.StringBuilder(length + 32);
        for (var i = 0; sb.Length < length; i++)
        {
            sb.Append(i % 7 == 3 ? $"`dig +cd {seed}.example` " : i % 11 == 5 ? "*<x|y>* & " : $"{seed}-{i} ");
        }

        return sb.ToString(0, length);
    }
}
