using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Adapters.Discord;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Discord;

/// <summary>Discord limits, neutralisation of user text, colours, the fix view and custom_id round trips.</summary>
public sealed partial class DiscordRendererTests
{
    private const string Hostile = "@everyone <@123> [click](https://evil.example) **bold** ```x```";
    private readonly DiscordRenderer _renderer = new(Knowledge.Ui);

    [GeneratedRegex(@"(?<!\\)[\[\]()]")]
    private static partial Regex UnescapedLinkCharacter();

    [Fact]
    public void An_answer_past_every_limit_renders_within_every_limit()
    {
        var message = _renderer.Render(Huge(), new string('c', 90));

        AssertWithinLimits(message);
        var embed = message.Embeds!.Single();
        embed.Title.Length.ShouldBeLessThanOrEqualTo(256);
        embed.Title.ShouldEndWith("…");
        embed.Description!.Length.ShouldBeLessThanOrEqualTo(4096);
        embed.Fields!.Count.ShouldBeLessThanOrEqualTo(25);
        embed.Fields.ShouldContain(f => f.Name == "Read more", "the links survive when sections are dropped");
        embed.Footer!.Text.ShouldContain("in the full answer");
        message.Components!.SelectMany(r => r.Components!).ShouldContain(c => c.Type == DiscordComponentType.StringSelect);
    }

    [Fact]
    public void Every_locale_and_the_fix_view_stay_within_the_limits()
    {
        foreach (var locale in Locales.All)
        {
            AssertWithinLimits(_renderer.Render(Huge() with { Locale = locale }, "/rcode 2"));
            AssertWithinLimits(_renderer.Render(Huge() with { Locale = locale }, "/rcode 2", focusFix: true));
            AssertWithinLimits(_renderer.Render(SampleAnswers.Servfail(locale), "/rcode 2"));
        }
    }

    [Fact]
    public void Text_of_surrogate_pairs_is_never_cut_in_half()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 400));
        var answer = Huge() with { Title = emoji, Summary = emoji + emoji + emoji + emoji + emoji + emoji };

        AssertWithinLimits(_renderer.Render(answer, "/rcode 2"));
    }

    [Fact]
    public void A_cut_section_ends_on_a_line_boundary_with_a_link_to_the_guide()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"Step {i}: run `dig +trace example.com` and compare the answers of every server.").ToList();
        var answer = Minimal() with
        {
            Sections = [new AnswerSection("fix", "How to fix it", SectionKind.Steps, lines)],
            Links = [new AnswerLink("Guide", "https://bot.example/guides/rcodes", LinkKind.Guide)],
        };

        var value = _renderer.Render(answer, null).Embeds![0].Fields!.Single(f => f.Name == "How to fix it").Value;

        value.Length.ShouldBeLessThanOrEqualTo(1024);
        value.ShouldEndWith("\n… more: https://bot.example/guides/rcodes");
        var shown = value.Split('\n')[..^1];
        shown.ShouldAllBe(line => line.EndsWith("server.", StringComparison.Ordinal));
        shown.Select((line, i) => line.StartsWith($"{i + 1}. ", StringComparison.Ordinal)).ShouldAllBe(ok => ok);
    }

    [Fact]
    public void Hostile_user_text_is_neutralised_everywhere()
    {
        var answer = Minimal() with
        {
            Intent = "unknown",
            Title = Hostile,
            Summary = "I could not match “" + Hostile + "” to a code.",
            Facts = [new Fact(Hostile, Hostile)],
            Sections =
            [
                new AnswerSection("suggestions", Hostile, SectionKind.Bullets, [Hostile]),
                new AnswerSection("paste", "Your paste", SectionKind.Code, [Hostile, "```", "<@&42> <#7> </help:1> <t:0:R> @here"]),
            ],
            Actions = [new AnswerAction(Hostile, "/help")],
        };

        var message = _renderer.Render(answer, "/help");
        var embed = message.Embeds![0];

        const string expected = "@\u200Beveryone <\u200B@123\\> \\[click\\]\\(https://evil.example\\) \\*\\*bold\\*\\* `x`";
        embed.Title.ShouldBe(expected);
        embed.Description!.ShouldStartWith("I could not match “" + expected + "” to a code.");
        embed.Fields![0].Name.ShouldBe(expected);
        embed.Fields[0].Value.ShouldBe(expected);
        embed.Fields[1].Name.ShouldBe(expected);
        embed.Fields[1].Value.ShouldBe("• " + expected);

        var texts = Texts(message).ToList();
        foreach (var text in texts)
        {
            text.ShouldNotContain("@everyone");
            text.ShouldNotContain("@here");
            text.ShouldNotContain("<@");
            text.ShouldNotContain("<#");
            text.ShouldNotContain("</");
            text.ShouldNotContain("<t:");
            Regex.Replace(text, "```[\\s\\S]*?```", "").ShouldNotContain("](", customMessage: "a Markdown link outside a code block");
        }

        foreach (var text in new[] { embed.Title, embed.Fields[0].Name, embed.Fields[0].Value })
        {
            UnescapedLinkCharacter().IsMatch(text).ShouldBeFalse(text);
        }

        // Inside the code block the user's fence cannot close the block early.
        var block = embed.Description[embed.Description.IndexOf("```\n", StringComparison.Ordinal)..];
        block.ShouldContain("``\u200B`x``\u200B`");
        Regex.Matches(block, "```").Count.ShouldBe(2);

        message.Components![0].Components![0].Label.ShouldStartWith("@\u200Beveryone <\u200B@123> [click]\u200B(https");
        message.AllowedMentions.Parse.ShouldBeEmpty();
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(message, DiscordJsonContext.Default.DiscordMessage));
        var parse = json.RootElement.GetProperty("allowed_mentions").GetProperty("parse");
        parse.ValueKind.ShouldBe(JsonValueKind.Array);
        parse.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Answer_code_spans_stay_discord_inline_code()
    {
        var answer = Minimal() with { Summary = "Run `dig +cd example.com` and look for `status: NOERROR` (not *this*)." };

        _renderer.Render(answer, null).Embeds![0].Description
            .ShouldBe("Run `dig +cd example.com` and look for `status: NOERROR` \\(not \\*this\\*\\).");
    }

    [Theory]
    [InlineData(Severity.Ok, 0x1A7F37)]
    [InlineData(Severity.Info, 0x0969DA)]
    [InlineData(Severity.Warning, 0x9A6700)]
    [InlineData(Severity.Error, 0xCF222E)]
    public void Severity_sets_the_colour(Severity severity, int colour)
    {
        _renderer.Render(Minimal() with { Severity = severity }, null).Embeds![0].Color.ShouldBe(colour);
    }

    [Fact]
    public void Fix_view_shows_only_title_summary_and_fix_steps()
    {
        var answer = SampleAnswers.Servfail();

        var message = _renderer.Render(answer, "/rcode 2", focusFix: true);
        var embed = message.Embeds!.Single();

        embed.Title.ShouldBe("SERVFAIL \\(RCODE 2\\) — Server failure", "Markdown escapes render as the plain characters");
        embed.Description!.ShouldStartWith(answer.Summary);
        embed.Description.ShouldContain("**How to fix it**\n1. Repeat with validation disabled");
        embed.Description.ShouldContain("\n5. After fixing the cause");
        embed.Description.ShouldNotContain("RFC 1035 defines RCODE 2");
        embed.Fields.ShouldBeNull();
        embed.Footer.ShouldBeNull();
        CustomIds(message).Select(Decode).ShouldNotContain(id => id.Kind == DiscordComponentKind.Fix);
        CustomIds(message).Select(Decode).Count(id => id.Kind == DiscordComponentKind.Language).ShouldBe(2);
    }

    [Fact]
    public void Full_view_offers_the_fix_steps_button_only_with_a_fix_section_and_a_command()
    {
        CustomIds(_renderer.Render(SampleAnswers.Servfail(), "/rcode 2")).ShouldContain("f|en|/rcode 2");
        CustomIds(_renderer.Render(SampleAnswers.Servfail(), null)).ShouldNotContain(id => id.StartsWith("f|", StringComparison.Ordinal));
        CustomIds(_renderer.Render(SampleAnswers.Compare() with { Sections = [] }, "/compare 2 5")).ShouldNotContain(id => id.StartsWith("f|", StringComparison.Ordinal));
    }

    [Fact]
    public void Custom_ids_round_trip_through_the_codec()
    {
        var message = _renderer.Render(SampleAnswers.Servfail(Locale.Ja), "/rcode 2");

        var ids = CustomIds(message).ToList();
        ids.ShouldBeUnique();
        foreach (var customId in ids)
        {
            DiscordCustomId.TryDecode(customId, out var id).ShouldBeTrue(customId);
            id.Encode().ShouldBe(customId);
        }

        var decoded = ids.Select(Decode).ToList();
        decoded.Where(d => d.Kind == DiscordComponentKind.Action).Select(d => d.Argument)
            .ShouldBe(["/compare SERVFAIL REFUSED", "/compare SERVFAIL NXDOMAIN", "/guide rcodes"]);
        decoded.ShouldAllBe(d => d.Kind == DiscordComponentKind.Language || d.Locale == Locale.Ja);
        decoded.ShouldContain(new DiscordCustomId(DiscordComponentKind.Fix, Locale.Ja, "/rcode 2"));
        decoded.ShouldContain(new DiscordCustomId(DiscordComponentKind.Language, Locale.En, "/rcode 2"));
        decoded.ShouldContain(new DiscordCustomId(DiscordComponentKind.Language, Locale.De, "/rcode 2"));
        decoded.ShouldContain(new DiscordCustomId(DiscordComponentKind.Compare, Locale.Ja, "SERVFAIL"));

        var buttons = message.Components!.SelectMany(r => r.Components!).Where(c => c.Type == DiscordComponentType.Button).ToList();
        buttons.Where(b => b.CustomId!.StartsWith("l|", StringComparison.Ordinal)).Select(b => b.Label).ShouldBe(["English", "Deutsch"]);
        var select = message.Components!.SelectMany(r => r.Components!).Single(c => c.Type == DiscordComponentType.StringSelect);
        select.Placeholder.ShouldBe(Knowledge.Ui[Bot.Engine.Localization.UiKeys.ChatComparePlaceholder, Locale.Ja]);
        select.Options!.Select(o => o.Value).ShouldBe(["REFUSED (RCODE 5)", "NXDOMAIN (RCODE 3)", "DNSSEC Bogus (EDE 6)", "No Reachable Authority (EDE 22)"]);
    }

    [Fact]
    public void Components_that_would_not_fit_are_left_out()
    {
        var answer = SampleAnswers.Servfail() with
        {
            Actions = [new AnswerAction("Too long", "/dig " + new string('a', 100)), new AnswerAction("Fine", "/rcode 3"), new AnswerAction("Same", "/rcode 3")],
        };

        var message = _renderer.Render(answer, "/rcode " + new string('9', 100));

        CustomIds(message).Where(id => id.StartsWith("a|", StringComparison.Ordinal)).ShouldBe(["a|en|/rcode 3"]);
        CustomIds(message).ShouldNotContain(id => id.StartsWith("f|", StringComparison.Ordinal) || id.StartsWith("l|", StringComparison.Ordinal));
        CustomIds(message).ShouldContain("c|en|SERVFAIL");
    }

    [Fact]
    public void Only_rcode_answers_with_related_codes_get_the_compare_select()
    {
        static bool HasSelect(DiscordMessage m) => m.Components!.SelectMany(r => r.Components!).Any(c => c.Type == DiscordComponentType.StringSelect);

        HasSelect(_renderer.Render(SampleAnswers.Servfail(), null)).ShouldBeTrue();
        HasSelect(_renderer.Render(SampleAnswers.Servfail() with { Codes = ["dns:ede:7"] }, null)).ShouldBeFalse();
        HasSelect(_renderer.Render(SampleAnswers.Servfail() with { Intent = "compare" }, null)).ShouldBeFalse();
        HasSelect(_renderer.Render(SampleAnswers.Servfail() with { Sections = [] }, null)).ShouldBeFalse();
        HasSelect(_renderer.Render(SampleAnswers.Compare(), null)).ShouldBeFalse();
    }

    /// <summary>Everything Discord checks, for any message the renderer produces.</summary>
    private static void AssertWithinLimits(DiscordMessage message)
    {
        message.AllowedMentions.Parse.ShouldBeEmpty();
        message.Content.ShouldBeNull();
        message.Embeds!.Count.ShouldBeInRange(1, 10);
        var total = 0;
        foreach (var embed in message.Embeds)
        {
            embed.Title.Length.ShouldBeInRange(1, 256);
            (embed.Description?.Length ?? 0).ShouldBeLessThanOrEqualTo(4096);
            (embed.Footer?.Text.Length ?? 0).ShouldBeLessThanOrEqualTo(2048);
            var fields = embed.Fields ?? [];
            fields.Count.ShouldBeLessThanOrEqualTo(25);
            foreach (var field in fields)
            {
                field.Name.Trim().Length.ShouldBeInRange(1, 256);
                field.Value.Trim().Length.ShouldBeInRange(1, 1024);
                field.Value.Length.ShouldBeLessThanOrEqualTo(1024);
                (CountOf(field.Value, "```") % 2).ShouldBe(0, field.Value);
            }

            (CountOf(embed.Description ?? "", "```") % 2).ShouldBe(0);
            total += embed.Title.Length + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0) + fields.Sum(f => f.Name.Length + f.Value.Length);
        }

        total.ShouldBeLessThanOrEqualTo(6000);

        var rows = message.Components!;
        rows.Count.ShouldBeLessThanOrEqualTo(5);
        foreach (var row in rows)
        {
            row.Type.ShouldBe(DiscordComponentType.ActionRow);
            row.Components!.Count.ShouldBeInRange(1, 5);
            if (row.Components.Any(c => c.Type == DiscordComponentType.StringSelect))
            {
                row.Components.Count.ShouldBe(1);
            }

            foreach (var component in row.Components)
            {
                component.CustomId!.Length.ShouldBeInRange(1, 100);
                DiscordCustomId.TryDecode(component.CustomId, out _).ShouldBeTrue(component.CustomId);
                if (component.Type == DiscordComponentType.Button)
                {
                    component.Label!.Length.ShouldBeInRange(1, 80);
                }
                else
                {
                    component.Placeholder!.Length.ShouldBeLessThanOrEqualTo(150);
                    component.Options!.Count.ShouldBeInRange(1, 25);
                    component.Options.Select(o => o.Value).ShouldBeUnique();
                    component.Options.ShouldAllBe(o => o.Label.Length >= 1 && o.Label.Length <= 100 && o.Value.Length >= 1 && o.Value.Length <= 100);
                }
            }
        }

        CustomIds(message).ShouldBeUnique();
        foreach (var text in Texts(message))
        {
            HasLoneSurrogate(text).ShouldBeFalse(text);
        }

        JsonSerializer.Serialize(message, DiscordJsonContext.Default.DiscordMessage).ShouldNotBeNullOrEmpty();
    }

    private static IEnumerable<string> Texts(DiscordMessage message)
    {
        foreach (var embed in message.Embeds ?? [])
        {
            yield return embed.Title;
            yield return embed.Description ?? "";
            yield return embed.Footer?.Text ?? "";
            foreach (var field in embed.Fields ?? [])
            {
                yield return field.Name;
                yield return field.Value;
            }
        }

        foreach (var component in (message.Components ?? []).SelectMany(r => r.Components!))
        {
            yield return component.Label ?? "";
            yield return component.Placeholder ?? "";
            foreach (var option in component.Options ?? [])
            {
                yield return option.Label;
                yield return option.Value;
            }
        }
    }

    private static IEnumerable<string> CustomIds(DiscordMessage message) =>
        message.Components!.SelectMany(r => r.Components!).Select(c => c.CustomId).OfType<string>();

    private static DiscordCustomId Decode(string customId) =>
        DiscordCustomId.TryDecode(customId, out var id) ? id : throw new ShouldAssertException("cannot decode " + customId);

    private static int CountOf(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static Answer Minimal() => new()
    {
        Intent = "code",
        Locale = Locale.En,
        Title = "Title",
        Summary = "Summary.",
    };

    /// <summary>An answer past every Discord limit: long title and summary, 40 big sections, 30 facts, 24 actions, 5,000 code lines.</summary>
    private static Answer Huge()
    {
        var kinds = new[] { SectionKind.Paragraph, SectionKind.Bullets, SectionKind.Steps };
        var sections = new List<AnswerSection>
        {
            new("resolvers", "What each resolver says", SectionKind.Code, [.. Enumerable.Range(0, 5000).Select(i => $"resolver-{i,-5} SERVFAIL  qr rd ra  7  ``` <@{i}>")]),
            new("fix", "How to fix it", SectionKind.Steps, [.. Enumerable.Range(0, 3).Select(i => Words(1000, $"fix{i}"))]),
            new("related", "Related", SectionKind.Bullets, [.. Enumerable.Range(0, 40).Select(i => $"CODE{i} (RCODE {i}) {new string('x', 120)}: summary {i}")]),
        };
        sections.AddRange(Enumerable.Range(0, 40).Select(i => kinds[i % 3] == SectionKind.Paragraph
            ? new AnswerSection($"s{i}", $"Section {i} " + new string('h', 300), SectionKind.Paragraph, [Words(3000, $"p{i}")])
            : new AnswerSection($"s{i}", $"Section {i}", kinds[i % 3], [.. Enumerable.Range(0, 3).Select(j => Words(1000, $"s{i}l{j}"))])));

        return new Answer
        {
            Intent = "code",
            Locale = Locale.En,
            Title = "SERVFAIL (RCODE 2) " + new string('T', 300),
            Summary = Words(10_000, "summary"),
            Severity = Severity.Error,
            Codes = ["dns:rcode:2", .. Enumerable.Range(0, 200).Select(i => $"dns:ede:{i}")],
            Facts = [.. Enumerable.Range(0, 30).Select(i => new Fact($"Fact {i} " + new string('l', 300), Words(1500, $"f{i}")))],
            Sections = sections,
            Links =
            [
                .. Enumerable.Range(0, 10).Select(i => new AnswerLink($"Guide {i} " + new string('g', 200), $"https://bot.example/guides/{i}", LinkKind.Guide)),
            ],
            Actions =
            [
                .. Enumerable.Range(0, 12).Select(i => new AnswerAction($"Action {i}", "/dig " + new string('a', 145))),
                .. Enumerable.Range(0, 12).Select(i => new AnswerAction($"Action {i} " + new string('b', 150), $"/rcode {i}")),
            ],
            Notices = [.. Enumerable.Range(0, 10).Select(i => Words(500, $"notice{i}"))],
        };
    }

    /// <summary>About <paramref name="length"/> characters of words, with code spans and Markdown characters mixed in.</summary>
    private static string Words(int length, string seed)
    {
        var sb = new System.Text.StringBuilder(length + 32);
        for (var i = 0; sb.Length < length; i++)
        {
            sb.Append(i % 7 == 3 ? $"`dig +cd {seed}.example` " : i % 11 == 5 ? "*[x](y)* " : $"{seed}-{i} ");
        }

        return sb.ToString(0, length);
    }
}
