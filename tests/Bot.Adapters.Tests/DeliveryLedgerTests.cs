using Bot.Adapters;

namespace Bot.Adapters.Tests;

public sealed class DeliveryLedgerTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new();

    [Theory]
    [InlineData("1178000000000000001")]
    [InlineData("3f2c9a0b8e5d4c1fa7b6e3d2c1b0a998")]
    [InlineData("")]
    public void ARecordedDelivery_IsFound_ByTheSameId(string id)
    {
        var ledger = new DeliveryLedger<string>(TimeSpan.FromMinutes(15), _clock);
        ledger.Set(id, "first answer");
        ledger.TryGet(id, out var found).ShouldBeTrue();
        found.ShouldBe("first answer");
    }

    [Fact]
    public void DifferentIds_NeverShareAnEntry_NumericOrNot()
    {
        var ledger = new DeliveryLedger<string>(TimeSpan.FromMinutes(15), _clock);
        ledger.Set("42", "numeric");
        ledger.TryGet("042", out _).ShouldBeFalse("another spelling is another id");
        ledger.TryGet("43", out _).ShouldBeFalse();
        ledger.TryGet("forty-two", out _).ShouldBeFalse();
        ledger.Set("forty-two", "text");
        ledger.TryGet("42", out var numeric).ShouldBeTrue();
        numeric.ShouldBe("numeric");
    }

    [Fact]
    public void AnEntry_IsKeptForTheWholeLifetime_AndForgottenWellAfterIt()
    {
        var ledger = new DeliveryLedger<string>(TimeSpan.FromMinutes(15), _clock);
        _clock.Now += TimeSpan.FromMinutes(7); // added late in a generation: the worst case for how long it is kept
        ledger.Set("1", "answer");
        for (var minute = 1; minute <= 15; minute++)
        {
            _clock.Now += TimeSpan.FromMinutes(1);
            ledger.TryGet("1", out _).ShouldBeTrue($"forgotten {minute} minutes after it was recorded");
        }

        _clock.Now += TimeSpan.FromMinutes(15);
        ledger.TryGet("1", out _).ShouldBeFalse();
    }

    [Fact]
    public void AFloodBeyondTheCap_KeepsTheNewestIds_InsteadOfGrowing()
    {
        var ledger = new DeliveryLedger<string>(TimeSpan.FromMinutes(15), _clock, maxPerGeneration: 100);
        for (var i = 0; i < 1000; i++)
        {
            ledger.Set(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "x");
        }

        ledger.TryGet("999", out _).ShouldBeTrue();
        ledger.TryGet("750", out _).ShouldBeTrue();
        ledger.TryGet("0", out _).ShouldBeFalse();
    }

    [Fact]
    public void AClaim_SucceedsOnce_AndAllItsIdsClaimTogether()
    {
        var ledger = new DeliveryLedger<bool>(TimeSpan.FromHours(1), _clock);
        ledger.TryClaim(true, "channel:ts-1", "client-msg-1").ShouldBeTrue();
        ledger.TryClaim(true, "channel:ts-1").ShouldBeFalse();
        ledger.TryClaim(true, "channel:ts-2", "client-msg-1").ShouldBeFalse("one id already claimed blocks the whole claim");
        ledger.TryClaim(true, "channel:ts-2").ShouldBeTrue("a refused claim records none of its ids");
    }

    [Fact]
    public void AForgottenClaim_CanBeClaimedAgain()
    {
        var ledger = new DeliveryLedger<bool>(TimeSpan.FromHours(1), _clock);
        ledger.TryClaim(true, "Ev123").ShouldBeTrue();
        ledger.Forget("Ev123");
        ledger.TryClaim(true, "Ev123").ShouldBeTrue();
    }
}
