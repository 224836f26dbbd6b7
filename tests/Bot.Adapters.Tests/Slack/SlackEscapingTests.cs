using System.Text.RegularExpressions;
using Bot.Adapters.Slack;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Slack;

/// <summary>User text never becomes a mention, a link or formatting, wherever it lands in the message.</summary>
public sealed partial class SlackEscapingTests
{
    private const string Hostile = "<!channel> <@U123> <#C42> <!subteam^S1> <https://evil.example|x> *bold* _it_ ~strike~ `tick @here &lt; @everyone https://evil.example";
    private const string OurLink = "https://bot.example/guides/rcodes";
    private readonly SlackRenderer _renderer = new(Knowledge.Ui);

    /// <summary>A formatting marker without a zero-width space on both sides.</summary>
    [GeneratedRegex("(?<!\u200B)[*_~`]|[*_~`](?!\u200B)")]
    private static partial Regex BareMarker();

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AngleBrackets();

    [Fact]
    public void Hostile_text_is_escaped_and_neutralised_in_mrkdwn()
    {
        var message = _renderer.Render(HostileAnswer(), "/help");

        BlockKitLimits.Assert(message);
        var summary = ((SlackSectionBlock)message.Blocks![2]).Text!.Text;
        summary.ShouldBe(
            "I could not match “&lt;!channel&gt; &lt;@U123&gt; &lt;#C42&gt; &lt;!subteam^S1&gt; &lt;https:\u200B//evil.example|x&gt; "
            + "\u200B*\u200Bbold\u200B*\u200B \u200B_\u200Bit\u200B_\u200B \u200B~\u200Bstrike\u200B~\u200B \u200B`\u200Btick @\u200Bhere &amp;lt; "
            + "@\u200Beveryone https:\u200B//evil.example” to a code.");
    }

    [Fact]
    public void Hostile_text_never_becomes_a_mention_a_link_or_formatting_anywhere()
    {
        var answer = HostileAnswer();
        var message = _renderer.Render(answer, "/help");

        // The severity line (index 0 of the mrkdwn texts) is ours: "ℹ️ *informational* · codes"; its codes part is checked via the summary rules.
        var severity = BlockKitLimits.MrkdwnTexts(message).First();
        severity.ShouldStartWith("ℹ️ *informational* · ");
        foreach (var text in BlockKitLimits.MrkdwnTexts(message).Skip(1).Append(message.Text).Append(severity[severity.IndexOf('·', StringComparison.Ordinal)..]))
        {
            // Every <...> left is one of the answer's own links.
            foreach (Match link in AngleBrackets().Matches(text))
            {
                link.Groups[1].Value.ShouldStartWith(OurLink + "|", customMessage: text);
            }

            text.ShouldNotContain("@here");
            text.ShouldNotContain("@everyone");
            text.ShouldNotContain("@channel");
            Regex.IsMatch(text, "&(?!amp;|lt;|gt;)").ShouldBeFalse(text);

            // Outside code (shown as typed, escapes aside), no URL can be linked and no formatting marker stands
            // bare, except our own bold headings.
            var outside = Regex.Replace(text, "```[\\s\\S]*?```|`[^`\u200B]+`", "");
            outside.ShouldNotContain("://evil");
            outside = Regex.Replace(outside, "^\\*[^*\u200B][^\n]*?(?<!\u200B)\\*(?=\n|$)", "", RegexOptions.Multiline);
            BareMarker().IsMatch(outside).ShouldBeFalse(text);

            // A quote needs ">" at the start of a line.
            text.Split('\n').ShouldAllBe(line => !line.StartsWith("&gt;", StringComparison.Ordinal) && !line.StartsWith('>'));
        }

        foreach (var text in BlockKitLimits.PlainTexts(message))
        {
            text.ShouldNotContain("<@");
            text.ShouldNotContain("<!");
            text.ShouldNotContain("<#");
            text.ShouldNotContain("@here");
            text.ShouldNotContain("@everyone");
            text.ShouldNotContain("@channel");
        }
    }

    [Fact]
    public void Hostile_text_in_code_is_escaped_but_not_rewritten()
    {
        var message = _renderer.Render(HostileAnswer(), "/help");

        var code = BlockKitLimits.MrkdwnTexts(message).Single(t => t.Contains("```", StringComparison.Ordinal));
        code.ShouldContain("```\n&lt;!channel&gt; &lt;@U123&gt; &lt;#C42&gt; &lt;!subteam^S1&gt; &lt;https://evil.example|x&gt; *bold* _it_ ~strike~ `tick @\u200Bhere &amp;lt; @\u200Beveryone https://evil.example\n");
        code.ShouldContain("\n``\u200B`\n", customMessage: "a fence in the paste cannot close the block");
        code.ShouldEndWith("\n```");
        Regex.Matches(code, "```").Count.ShouldBe(2);
    }

    [Fact]
    public void A_quote_marker_at_the_start_of_a_line_is_broken()
    {
        var message = _renderer.Render(SlackRendererTests.Minimal() with { Summary = "> quoted\nsecond line\n  > indented" }, null);

        ((SlackSectionBlock)message.Blocks![2]).Text!.Text.ShouldBe("\u200B&gt; quoted\nsecond line\n  \u200B&gt; indented");
    }

    [Fact]
    public void Plain_text_objects_show_user_text_as_typed_but_without_mention_syntax()
    {
        var message = _renderer.Render(HostileAnswer(), "/help");

        message.Blocks![0].ShouldBeOfType<SlackHeaderBlock>().Text.Text
            .ShouldStartWith("<\u200B!channel> <\u200B@U123> <\u200B#C42> <\u200B!subteam^S1> <https://evil.example|x> *bold* _it_ ~strike~ `tick @\u200Bhere &lt;");
        var button = SlackRendererTests.Elements(message).OfType<SlackButton>().First();
        button.Text.Text.Length.ShouldBeLessThanOrEqualTo(75);
        button.Text.Text.ShouldStartWith("<\u200B!channel> <\u200B@U123>");
    }

    [Fact]
    public void Only_the_answers_own_http_links_become_links()
    {
        var answer = SlackRendererTests.Minimal() with
        {
            Links =
            [
                new AnswerLink("javascript", "javascript:alert(1)", LinkKind.Guide),
                new AnswerLink("Relative", "/guides/x", LinkKind.Guide),
                new AnswerLink("Title with <@U1> | and > *stars*", "https://bot.example/a|b<c>d e&f", LinkKind.Rfc),
            ],
        };

        var links = BlockKitLimits.MrkdwnTexts(_renderer.Render(answer, null)).Single(t => t.StartsWith("*Read more*", StringComparison.Ordinal));

        links.ShouldBe("*Read more*\n• <https://bot.example/a%7Cb%3Cc%3Ed%20e&amp;f|Title with &lt;@U1&gt; | and &gt; \u200B*\u200Bstars\u200B*\u200B>");
    }

    [Theory]
    [InlineData("a `&&&` b", 8, "a…")]
    [InlineData("`dig +cd` x", 6, "`dig`…")]
    [InlineData("x & y", 5, "x…")]
    [InlineData("*a*", 6, "\u200B*\u200Ba…")]
    [InlineData("ab😀cd", 4, "ab…")]
    public void Cuts_keep_escapes_markers_spans_and_surrogate_pairs_whole(string text, int max, string expected)
    {
        var cut = SlackMrkdwn.Inline(text, max);

        cut.ShouldBe(expected);
        cut.Length.ShouldBeLessThanOrEqualTo(max);
    }

    [Fact]
    public void Plain_cut_never_splits_a_surrogate_pair()
    {
        SlackMrkdwn.Cut("a😀b", 3).ShouldBe("a…");
        SlackMrkdwn.Cut("ab😀", 3).ShouldBe("ab…");
        SlackMrkdwn.Plain("x\uD800y", 10).ShouldBe("x\uFFFDy");
    }

    [Fact]
    public void A_code_block_with_no_room_is_left_out_rather_than_left_open()
    {
        SlackMrkdwn.CodeBlock(["a long line", "another"], 12).ShouldBe("");
        SlackMrkdwn.CodeBlock(["a long line", "another"], 26).ShouldBe("```\na long line\n… (+1)\n```");
    }

    /// <summary>User text in every field an answer has (also rendered to Golden/slack-hostile-text.json).</summary>
    internal static Answer HostileAnswer() => new()
    {
        Intent = "unknown",
        Locale = Locale.En,
        Title = Hostile,
        Summary = "I could not match “" + Hostile + "” to a code.",
        Codes = [Hostile],
        Facts = [new Fact(Hostile, Hostile)],
        Sections =
        [
            new AnswerSection("suggestions", Hostile, SectionKind.Bullets, [Hostile, "> " + Hostile]),
            new AnswerSection("paste", "Your paste", SectionKind.Code, [Hostile, "```", "<!here> @channel"]),
        ],
        Links = [new AnswerLink(Hostile, OurLink, LinkKind.Guide)],
        Actions = [new AnswerAction(Hostile, "/help")],
        Notices = [Hostile],
    };
}
