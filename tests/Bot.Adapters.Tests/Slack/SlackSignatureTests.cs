using System.Text;
using Bot.Adapters.Slack;

namespace Bot.Adapters.Tests.Slack;

/// <summary>The v0 signature, against the worked example of https://api.slack.com/authentication/verifying-requests-from-slack.</summary>
public sealed class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static SlackSignature At(long unixSeconds) =>
        new(Encoding.UTF8.GetBytes(Secret), TimeSpan.FromMinutes(5), new FixedTime(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Sign_MatchesSlacksWorkedExample() =>
        SlackSignature.Sign(Encoding.UTF8.GetBytes(Secret), Timestamp, Body).ShouldBe(Expected);

    [Fact]
    public void SlacksExample_IsValid_WithinTheWindow()
    {
        At(1531420618 + 299).IsValid(Timestamp, Expected, Body).ShouldBeTrue();
        At(1531420618 - 299).IsValid(Timestamp, Expected, Body).ShouldBeTrue();
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void SlacksExample_OutsideTheWindow_IsRejected(int skew) =>
        At(1531420618 + skew).IsValid(Timestamp, Expected, Body).ShouldBeFalse();

    [Theory]
    [InlineData(null, Expected)]
    [InlineData("", Expected)]
    [InlineData("1531420618 ", Expected)]
    [InlineData("-1531420618", Expected)]
    [InlineData("1531420618", null)]
    [InlineData("1531420618", "")]
    [InlineData("1531420618", "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("1531420618", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("1531420618", "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B50")]
    [InlineData("1531420618", "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void MissingMalformedOrWrong_IsRejected(string? timestamp, string? signature) =>
        At(1531420618).IsValid(timestamp, signature, Body).ShouldBeFalse();

    [Fact]
    public void UppercaseHex_IsTheSameSignature() =>
        At(1531420618).IsValid(Timestamp, "v0=" + Expected[3..].ToUpperInvariant(), Body).ShouldBeTrue();

    [Fact]
    public void AnyChangedByte_IsRejected()
    {
        var signature = At(1531420618);
        for (var i = 0; i < Body.Length; i += 7)
        {
            var changed = Body.ToArray();
            changed[i] ^= 1;
            signature.IsValid(Timestamp, Expected, changed).ShouldBeFalse();
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
