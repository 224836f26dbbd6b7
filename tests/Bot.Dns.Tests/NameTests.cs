using Bot.Dns.Wire;

namespace Bot.Dns.Tests;

public sealed class NameTests
{
    private static byte[] Header(params byte[] rest) => [0, 1, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, .. rest];

    [Fact]
    public void Parse_CompressedName_FollowsBackwardPointer()
    {
        // question "a.b." at 12, then an answer owner "x" + pointer to "b." (offset 14)
        byte[] msg = [.. Header(1, (byte)'a', 1, (byte)'b', 0, 0, 1, 0, 1)];
        var reader = new DnsReader([.. msg, 1, (byte)'x', 0xC0, 14], msg.Length);
        reader.TryReadName(out var name).ShouldBeTrue();
        name.ShouldBe("x.b.");
    }

    [Fact]
    public void Parse_PointerToItself_IsMalformed()
    {
        var reader = new DnsReader(Header(0xC0, 12), 12);
        reader.TryReadName(out _).ShouldBeFalse();
        reader.Error.ShouldBe(DnsParseError.PointerNotBackwards);
    }

    [Fact]
    public void Parse_ForwardPointer_IsMalformed()
    {
        var reader = new DnsReader(Header(0xC0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0), 12);
        reader.TryReadName(out _).ShouldBeFalse();
        reader.Error.ShouldBe(DnsParseError.PointerNotBackwards);
    }

    [Fact]
    public void Parse_PointerLoop_IsMalformed()
    {
        // label "a" at 12, then a pointer back to 12: "a.a.a..." until the 255-octet limit stops it.
        var reader = new DnsReader(Header(1, (byte)'a', 0xC0, 12), 12);
        reader.TryReadName(out _).ShouldBeFalse();
        reader.Error.ShouldBeOneOf(DnsParseError.NameTooLong, DnsParseError.TooManyPointers);
    }

    [Fact]
    public void Parse_PointerPastTheEnd_IsMalformed()
    {
        var reader = new DnsReader(Header(0xC0), 12);
        reader.TryReadName(out _).ShouldBeFalse();
        reader.Error.ShouldBe(DnsParseError.Truncated);
    }

    [Fact]
    public void Parse_ReservedLabelType_IsMalformed()
    {
        var reader = new DnsReader(Header(0x41, 0), 12);
        reader.TryReadName(out _).ShouldBeFalse();
        reader.Error.ShouldBe(DnsParseError.BadLabelType);
    }

    [Fact]
    public void Parse_NameOver255Octets_IsMalformed()
    {
        var labels = Enumerable.Range(0, 5).SelectMany(_ => new byte[] { 63 }.Concat(Enumerable.Repeat((byte)'a', 63))).ToArray();
        var reader = new DnsReader(Header([.. labels, 0]), 12);
        reader.TryReadName(out _).ShouldBeFalse();
        reader.Error.ShouldBe(DnsParseError.NameTooLong);
    }

    [Fact]
    public void Parse_SpecialCharacters_AreEscapedLikeDig()
    {
        var reader = new DnsReader(Header(5, (byte)'a', (byte)'.', (byte)'b', 0x00, (byte)'"', 0), 12);
        reader.TryReadName(out var name).ShouldBeTrue();
        name.ShouldBe("a\\.b\\000\\\".");
    }

    [Fact]
    public void Write_CompressesRepeatedSuffixes_AndReadsBack()
    {
        var buffer = new byte[512];
        Span<int> targets = stackalloc int[16];
        var w = new DnsWriter(buffer, targets, 12);
        w.WriteName("www.example.com.");
        var second = w.Offset;
        w.WriteName("mail.EXAMPLE.com.");
        var third = w.Offset;
        w.WriteName("example.com.");
        (third - second).ShouldBe(5 + 2);     // "mail" + pointer
        (w.Offset - third).ShouldBe(2);       // just a pointer
        var message = buffer[..w.Offset];
        var reader = new DnsReader(message, 12);
        reader.TryReadName(out var a).ShouldBeTrue();
        reader.TryReadName(out var b).ShouldBeTrue();
        reader.TryReadName(out var c).ShouldBeTrue();
        (a, b, c).ShouldBe(("www.example.com.", "mail.example.com.", "example.com."));
    }

    [Theory]
    [InlineData("Example.COM", "example.com.")]
    [InlineData("example.com.", "example.com.")]
    [InlineData("_sip._udp.example.com", "_sip._udp.example.com.")]
    [InlineData("bücher.example", "xn--bcher-kva.example.")]
    [InlineData("日本語.jp", "xn--wgv71a119e.jp.")]
    [InlineData("*.example.com", "*.example.com.")]
    public void Normalize_AcceptsHostNamesAndIdn(string input, string expected)
    {
        DnsName.TryNormalize(input, out var name, out var error).ShouldBeTrue(error);
        name.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("exa mple.com")]
    [InlineData("ex;ample.com")]
    [InlineData("a.*.com")]
    public void Normalize_RejectsBadNames_WithAReason(string input)
    {
        DnsName.TryNormalize(input, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Normalize_RejectsLongLabelsAndNames()
    {
        DnsName.TryNormalize(new string('a', 64) + ".com", out _, out _).ShouldBeFalse();
        DnsName.TryNormalize(string.Join('.', Enumerable.Repeat(new string('a', 60), 5)), out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parent_And_IsAtOrBelow()
    {
        DnsName.Parent("www.example.com.").ShouldBe("example.com.");
        DnsName.Parent("com.").ShouldBe(".");
        DnsName.IsAtOrBelow("www.Example.com.", "example.com.").ShouldBeTrue();
        DnsName.IsAtOrBelow("wwwexample.com.", "example.com.").ShouldBeFalse();
        DnsName.LabelCount("www.example.com.").ShouldBe(3);
    }
}
