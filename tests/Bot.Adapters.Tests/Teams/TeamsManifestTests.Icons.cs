namespace Bot.Adapters.Tests.Teams;

/// <summary>color.png (192×192, full colour) and outline.png (32×32, white on transparent), decoded for real.</summary>
public sealed partial class TeamsManifestTests
{
    private static readonly Lazy<Png> Color = new(() => Png.Decode(Bytes("color.png")));
    private static readonly Lazy<Png> Outline = new(() => Png.Decode(Bytes("outline.png")));

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_header_has_the_size_teams_requires(string file, int size)
    {
        Png.Size(Bytes(file)).ShouldBe((size, size));
    }

    [Fact]
    public void Outline_icon_is_only_white_or_fully_transparent()
    {
        var png = Outline.Value;
        png.HasAlpha.ShouldBeTrue("the outline icon needs an alpha channel");
        int opaque = 0, transparent = 0;
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                var (r, g, b, a) = png[x, y];
                if (a == 0)
                {
                    transparent++;
                    continue;
                }

                (r, g, b).ShouldBe(((byte)255, (byte)255, (byte)255), $"pixel ({x},{y}) is visible but not white");
                opaque += a == 255 ? 1 : 0;
            }
        }

        opaque.ShouldBeGreaterThan(100, "the symbol is drawn");
        transparent.ShouldBeGreaterThan(200, "the background is transparent");
    }

    [Fact]
    public void Color_icon_is_opaque_with_the_accent_colour_as_background_and_a_white_symbol()
    {
        var png = Color.Value;
        var accent = Convert.FromHexString(Text(Manifest, "accentColor")[1..]);
        foreach (var (x, y) in new[] { (0, 0), (191, 0), (0, 191), (191, 191), (96, 4) })
        {
            png[x, y].ShouldBe((accent[0], accent[1], accent[2], (byte)255), $"background pixel ({x},{y})");
        }

        var white = 0;
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                png[x, y].A.ShouldBe((byte)255, $"pixel ({x},{y}) of the colour icon is not opaque");
                white += png[x, y] == (255, 255, 255, 255) ? 1 : 0;
            }
        }

        white.ShouldBeGreaterThan(192 * 192 / 10, "the white magnifier covers a good part of the icon");
    }

    [Fact]
    public void Icon_decoding_exercised_every_png_row_filter()
    {
        Color.Value.Filters.Union(Outline.Value.Filters).Order().ShouldBe([0, 1, 2, 3, 4]);
    }
}
