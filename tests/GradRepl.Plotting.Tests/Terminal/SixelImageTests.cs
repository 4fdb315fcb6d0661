using GradRepl.Plotting.Terminal;
using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests.Terminal;

public sealed class SixelImageTests
{
    private static readonly (byte R, byte G, byte B) s_white = (255, 255, 255);
    private static readonly (byte R, byte G, byte B) s_blue = (0x1f, 0x77, 0xb4);
    private static readonly (byte R, byte G, byte B) s_orange = (0xff, 0x7f, 0x0e);

    // 7 x 13: a height that is not a multiple of 6, white with a blue column at x = 2 and an orange square at the
    // bottom right
    private static byte[] FlatImage(out int width, out int height)
    {
        width = 7;
        height = 13;
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var c = x == 2 ? s_blue : x >= 5 && y >= 10 ? s_orange : s_white;
                rgba[((y * width) + x) * 4] = c.R;
                rgba[(((y * width) + x) * 4) + 1] = c.G;
                rgba[(((y * width) + x) * 4) + 2] = c.B;
                rgba[(((y * width) + x) * 4) + 3] = 255;
            }
        }

        return rgba;
    }

    [Fact]
    public void Encode_FlatImage_StartsWithDcsAndEndsWithSt()
    {
        var text = SixelImage.Encode(FlatImage(out var width, out var height), width, height);

        Assert.StartsWith("\u001bP0;1q\"1;1;7;13#", text, StringComparison.Ordinal);
        Assert.EndsWith("\u001b\\", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text[1..^2]);
    }

    [Fact]
    public void Encode_FlatImage_DecodesToEveryPixelInItsColour()
    {
        var rgba = FlatImage(out var width, out var height);

        var image = SixelDecoder.Decode(SixelImage.Encode(rgba, width, height));

        Assert.Equal((7, 13), (image.Width, image.Height));
        Assert.Equal(3, image.Palette.Count);
        Assert.DoesNotContain(-1, image.Pixels);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 4;
                AssertClose((rgba[i], rgba[i + 1], rgba[i + 2]), image.ColorAt(x, y)!.Value, tolerance: 2, $"({x}, {y})");
            }
        }
    }

    [Fact]
    public void Encode_MoreThan256Colours_PaletteOf256AndEveryPixelNearItsColour()
    {
        // 64 x 64 with 4096 colours: red across, green down
        const int size = 64;
        var rgba = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var i = ((y * size) + x) * 4;
                (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = ((byte)(x * 4), (byte)(y * 4), 128, 255);
            }
        }

        var image = SixelDecoder.Decode(SixelImage.Encode(rgba, size, size));

        Assert.Equal(256, image.Palette.Count);
        Assert.Equal(size * size, image.Pixels.Count(p => p >= 0));
        for (var y = 0; y < size; y += 9)
        {
            for (var x = 0; x < size; x += 7)
            {
                AssertClose((x * 4, y * 4, 128), image.ColorAt(x, y)!.Value, tolerance: 24, $"({x}, {y})");
            }
        }
    }

    [Fact]
    public void Encode_TransparentPixel_DrawnOverWhite()
    {
        byte[] rgba = [0, 0, 0, 0, 0, 0, 0, 255];

        var image = SixelDecoder.Decode(SixelImage.Encode(rgba, 2, 1));

        Assert.Equal((255, 255, 255), image.ColorAt(0, 0));
        Assert.Equal((0, 0, 0), image.ColorAt(1, 0));
    }

    [Fact]
    public void Encode_WrongByteCount_ThrowsNamingTheSize()
    {
        var e = Assert.Throws<ArgumentException>(() => SixelImage.Encode(new byte[10], 2, 2));

        Assert.Contains("2x2 image needs 16 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderTerminalImage_Sixel_DecodesToTheRenderedFigure()
    {
        var figure = LabFigures.Square();
        using var rendered = SkiaSharp.SKBitmap.Decode(figure.GetImageBytes(Plotting.Output.ImageFileFormat.Png));

        var image = SixelDecoder.Decode(figure.RenderTerminalImage(TerminalImageProtocol.Sixel));

        Assert.Equal((640, 480), (image.Width, image.Height));
        Assert.DoesNotContain(-1, image.Pixels);
        // corners (white), and every 37th pixel: the plot's flat colours survive, edges land near their shade
        Assert.Equal((255, 255, 255), image.ColorAt(0, 0));
        Assert.Equal((255, 255, 255), image.ColorAt(639, 479));
        var far = 0;
        for (var i = 0; i < 640 * 480; i += 37)
        {
            int x = i % 640, y = i / 640;
            var expected = rendered.GetPixel(x, y);
            var actual = image.ColorAt(x, y)!.Value;
            if (Math.Abs(expected.Red - actual.R) + Math.Abs(expected.Green - actual.G) + Math.Abs(expected.Blue - actual.B) > 24) far++;
        }

        Assert.Equal(0, far);
    }

    private static void AssertClose((int R, int G, int B) expected, (int R, int G, int B) actual, int tolerance, string where)
    {
        Assert.True(
            Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance && Math.Abs(expected.B - actual.B) <= tolerance,
            $"{where}: expected {expected}, got {actual}");
    }
}
