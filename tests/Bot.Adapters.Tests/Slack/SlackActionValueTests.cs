using Bot.Adapters.Slack;
using Bot.Engine.Contracts;

namespace Bot.Adapters.Tests.Slack;

/// <summary>Button and option values arrive from Slack: they round-trip, and anything else is rejected.</summary>
public sealed class SlackActionValueTests
{
    public static TheoryData<SlackActionKind, Locale> KindsAndLocales()
    {
        var data = new TheoryData<SlackActionKind, Locale>();
        foreach (var kind in Enum.GetValues<SlackActionKind>())
        {
            foreach (var locale in Locales.All)
            {
                data.Add(kind, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLocales))]
    public void Every_kind_and_locale_round_trips(SlackActionKind kind, Locale locale)
    {
        var value = new SlackActionValue(kind, locale, "/compare SERVFAIL No Reachable Authority (EDE 22) | ü 😀");

        value.Fits.ShouldBeTrue();
        SlackActionValue.TryDecode(value.Encode(), out var decoded).ShouldBeTrue();
        decoded.ShouldBe(value);
    }

    [Fact]
    public void The_encoding_is_kind_locale_and_command()
    {
        new SlackActionValue(SlackActionKind.Action, Locale.Ja, "/compare SERVFAIL REFUSED").Encode().ShouldBe("a|ja|/compare SERVFAIL REFUSED");
        new SlackActionValue(SlackActionKind.Language, Locale.De, "/rcode 2").Encode().ShouldBe("l|de|/rcode 2");
        new SlackActionValue(SlackActionKind.Fix, Locale.En, "/rcode 2").Encode().ShouldBe("f|en|/rcode 2");
        new SlackActionValue(SlackActionKind.Compare, Locale.En, "/compare A B").Encode().ShouldBe("c|en|/compare A B");
        new SlackActionValue(SlackActionKind.Refresh, Locale.En, "/dig example.com A").Encode().ShouldBe("r|en|/dig example.com A");
    }

    [Fact]
    public void A_multi_line_paste_round_trips()
    {
        var paste = ";; ->>HEADER<<- opcode: QUERY, status: SERVFAIL\n;; flags:\tqr rd ra";
        SlackActionValue.TryDecode("l|de|" + paste, out var decoded).ShouldBeTrue();
        decoded.Command.ShouldBe(paste);
    }

    [Fact]
    public void The_longest_value_is_2000_characters()
    {
        var command = "/dig " + new string('a', 2000 - 5 - 5);
        var value = new SlackActionValue(SlackActionKind.Refresh, Locale.En, command);

        value.Encode().Length.ShouldBe(2000);
        value.Fits.ShouldBeTrue();
        SlackActionValue.TryDecode(value.Encode(), out _).ShouldBeTrue();

        var longer = value with { Command = command + "a" };
        longer.Fits.ShouldBeFalse();
        SlackActionValue.TryDecode(longer.Encode(), out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a|en|")]
    [InlineData("a|en|   ")]
    [InlineData("x|en|/rcode 2")]
    [InlineData("A|en|/rcode 2")]
    [InlineData("a|EN|/rcode 2")]
    [InlineData("a|jp|/rcode 2")]
    [InlineData("a|fr|/rcode 2")]
    [InlineData("a|en-US|/rcode 2")]
    [InlineData("a-en|/rcode 2")]
    [InlineData("a|en/rcode 2")]
    [InlineData("aa|en|/rcode 2")]
    [InlineData("a|en|/rcode 2\u0000")]
    [InlineData("a|en|/rcode\r2")]
    [InlineData("a|en|/rcode \u001B[31m2")]
    public void Tampered_values_are_rejected(string? value)
    {
        SlackActionValue.TryDecode(value, out var decoded).ShouldBeFalse();
        decoded.ShouldBeNull();
    }

    [Fact]
    public void Lone_surrogates_are_rejected()
    {
        // Built at run time: xUnit would turn a lone surrogate in [InlineData] into U+FFFD.
        SlackActionValue.TryDecode("a|en|/rcode " + '\uD800', out _).ShouldBeFalse();
        SlackActionValue.TryDecode("a|en|/rcode " + '\uDC00' + "x", out _).ShouldBeFalse();
        SlackActionValue.TryDecode("a|en|/rcode " + '\uDC00' + '\uD800', out _).ShouldBeFalse();
        SlackActionValue.TryDecode("a|en|/rcode 😀", out _).ShouldBeTrue();
    }

    [Fact]
    public void Oversized_values_are_rejected_before_anything_else()
    {
        SlackActionValue.TryDecode("a|en|/rcode " + new string('2', 5000), out _).ShouldBeFalse();
        SlackActionValue.TryDecode(new string('x', 1_000_000), out _).ShouldBeFalse();
    }

    [Fact]
    public void Commands_that_would_not_decode_do_not_fit()
    {
        new SlackActionValue(SlackActionKind.Action, Locale.En, " ").Fits.ShouldBeFalse();
        new SlackActionValue(SlackActionKind.Action, Locale.En, "/rcode \u0007").Fits.ShouldBeFalse();
        new SlackActionValue(SlackActionKind.Action, Locale.En, "/rcode \uD800").Fits.ShouldBeFalse();
    }

    [Fact]
    public void Action_ids_are_ours_and_distinct()
    {
        string[] ids =
        [
            SlackActionIds.Fix, SlackActionIds.Refresh, SlackActionIds.Compare,
            SlackActionIds.Language(Locale.En), SlackActionIds.Language(Locale.Ja), SlackActionIds.Language(Locale.De),
            .. Enumerable.Range(0, 5).Select(SlackActionIds.Action),
        ];

        ids.ShouldBeUnique();
        ids.ShouldAllBe(id => SlackActionIds.IsOurs(id) && id.Length <= 255);
        SlackActionIds.Language(Locale.Ja).ShouldBe("bot.lang.ja");
        SlackActionIds.Action(3).ShouldBe("bot.action.3");
        SlackActionIds.IsOurs("other.app").ShouldBeFalse();
        SlackActionIds.IsOurs(null).ShouldBeFalse();
    }
}
