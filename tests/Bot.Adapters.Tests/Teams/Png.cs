using System.Buffers.Binary;
using System.IO.Compression;

namespace Bot.Adapters.Tests.Teams;

/// <summary>
/// A minimal PNG reader for the icon tests: 8-bit greyscale, RGB, grey+alpha and RGBA, not interlaced, all five
/// row filters, chunk CRCs checked. Pixels come back as RGBA.
/// </summary>
internal sealed class Png
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] rgba;

    private Png(int width, int height, int colorType, byte[] rgba, IReadOnlySet<int> filters)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        this.rgba = rgba;
        Filters = filters;
    }

    public int Width { get; }

    public int Height { get; }

    public int ColorType { get; }

    public bool HasAlpha => ColorType is 4 or 6;

    /// <summary>The row filter types the encoder chose, so a test can tell which filters its decoding exercised.</summary>
    public IReadOnlySet<int> Filters { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
        }
    }

    /// <summary>Width and height from the IHDR chunk alone (PNG spec §11.2.2), without decoding.</summary>
    public static (int Width, int Height) Size(byte[] file)
    {
        CheckSignature(file);
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(20)));
    }

    public static Png Decode(byte[] file)
    {
        CheckSignature(file);
        int width = 0, height = 0, colorType = -1;
        using var idat = new MemoryStream();
        for (var at = 8; at < file.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 8 + length));
            Crc32(file.AsSpan(at + 4, length + 4)).ShouldBe(crc, $"CRC of the {type} chunk");
            switch (type)
            {
                case "IHDR":
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    data[8].ShouldBe((byte)8, "bit depth");
                    colorType = data[9];
                    new[] { 0, 2, 4, 6 }.ShouldContain(colorType, "colour type (palette images are not supported here)");
                    data[12].ShouldBe((byte)0, "interlace method");
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            at += 12 + length;
            if (type == "IEND")
            {
                break;
            }
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, _ => 4 };
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var filtered = raw.ToArray();
        var pixels = Unfilter(filtered, width, height, channels);
        var filters = Enumerable.Range(0, height).Select(y => (int)filtered[y * ((width * channels) + 1)]).ToHashSet();
        return new Png(width, height, colorType, ToRgba(pixels, channels), filters);
    }

    /// <summary>Reverses the per-row filters of PNG spec §9.2 (None, Sub, Up, Average, Paeth).</summary>
    private static byte[] Unfilter(byte[] data, int width, int height, int bpp)
    {
        var stride = width * bpp;
        data.Length.ShouldBe(height * (stride + 1), "decompressed image size");
        var result = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var line = data.AsSpan((y * (stride + 1)) + 1, stride);
            var row = result.AsSpan(y * stride, stride);
            var prior = y == 0 ? new byte[stride] : result.AsSpan((y - 1) * stride, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = prior[i], c = i >= bpp ? prior[i - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown PNG filter type {filter} in row {y}"),
                };
                row[i] = (byte)(line[i] + predictor);
            }
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int channels)
    {
        var rgba = new byte[pixels.Length / channels * 4];
        for (int i = 0, o = 0; i < pixels.Length; i += channels, o += 4)
        {
            var (r, g, b, a) = channels switch
            {
                1 => (pixels[i], pixels[i], pixels[i], (byte)255),
                2 => (pixels[i], pixels[i], pixels[i], pixels[i + 1]),
                3 => (pixels[i], pixels[i + 1], pixels[i + 2], (byte)255),
                _ => (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]),
            };
            (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]) = (r, g, b, a);
        }

        return rgba;
    }

    private static void CheckSignature(byte[] file)
    {
        file.Length.ShouldBeGreaterThan(33, "a PNG has at least a signature and an IHDR chunk");
        file.AsSpan(0, 8).SequenceEqual(Signature).ShouldBeTrue("PNG signature");
        System.Text.Encoding.ASCII.GetString(file, 12, 4).ShouldBe("IHDR", "the first chunk");
    }

    /// <summary>CRC-32 as PNG uses it (ISO 3309, polynomial 0xEDB88320), over chunk type and data.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
