using Bot.Adapters.Slack;

namespace Bot.Adapters.Tests.Slack;

public sealed class SlackResponseUrlBudgetTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new();

    [Fact]
    public void FivePostsPerUrl_TheSixthIsRefused_OtherUrlsAreNotAffected()
    {
        var budget = new SlackResponseUrlBudget(_clock);
        Enumerable.Range(0, 5).Select(_ => budget.TryUse("https://hooks.slack.com/a")).ShouldAllBe(ok => ok);
        budget.TryUse("https://hooks.slack.com/a").ShouldBeFalse();
        budget.TryUse("https://hooks.slack.com/a").ShouldBeFalse();
        budget.TryUse("https://hooks.slack.com/b").ShouldBeTrue();
    }

    [Fact]
    public void AfterThirtyMinutes_TheUrlIsForgotten()
    {
        var budget = new SlackResponseUrlBudget(_clock);
        for (var i = 0; i < 5; i++)
        {
            budget.TryUse("u").ShouldBeTrue();
        }

        _clock.Now += TimeSpan.FromMinutes(29);
        budget.TryUse("u").ShouldBeFalse();
        _clock.Now += TimeSpan.FromMinutes(2);
        budget.TryUse("u").ShouldBeTrue("Slack has expired that URL; what a post to it does is Slack's to say");
    }

    [Fact]
    public void Bounded_ANewUrlBeyondTheCapIsNotTracked_UntilOldOnesExpire()
    {
        var budget = new SlackResponseUrlBudget(_clock, maxUrls: 2);
        for (var i = 0; i < 5; i++)
        {
            budget.TryUse("a");
            budget.TryUse("b");
        }

        for (var i = 0; i < 7; i++)
        {
            budget.TryUse("c").ShouldBeTrue("not tracked while full: allowed");
        }

        budget.TryUse("a").ShouldBeFalse("tracked URLs keep their count");
        _clock.Now += TimeSpan.FromMinutes(31);
        for (var i = 0; i < 5; i++)
        {
            budget.TryUse("c").ShouldBeTrue();
        }

        budget.TryUse("c").ShouldBeFalse("tracked again once room was made");
    }
}
