using SkiaSharp;

namespace GradRepl.Plotting.Tests.Support;

/// <summary>Pixel queries for assertions.</summary>
internal static class ImageProbe
{
    public static readonly SKColor Blue = SKColor.Parse("#1f77b4");
    public static readonly SKColor Orange = SKColor.Parse("#ff7f0e");

    public static int Distance(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue);

    public static bool IsWhite(SKColor c) => c.Red == 255 && c.Green == 255 && c.Blue == 255;

    /// <summary>Whether any pixel within <paramref name="radius"/> of (x, y) is close to <paramref name="color"/>.</summary>
    public static bool HasColorNear(SKBitmap image, double x, double y, SKColor color, int radius = 1, int tolerance = 60)
    {
        for (var dy = -radius; dy <= radius; dy++)
        {
            for (var dx = -radius; dx <= radius; dx++)
            {
                int px = (int)x + dx, py = (int)y + dy;
                if (px >= 0 && py >= 0 && px < image.Width && py < image.Height && Distance(image.GetPixel(px, py), color) <= tolerance)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Pixels that are not white in the rectangle [left, right) x [top, bottom).</summary>
    public static int CountInk(SKBitmap image, double left, double top, double right, double bottom)
    {
        var count = 0;
        for (var y = Math.Max(0, (int)top); y < Math.Min(image.Height, (int)Math.Ceiling(bottom)); y++)
        {
            for (var x = Math.Max(0, (int)left); x < Math.Min(image.Width, (int)Math.Ceiling(right)); x++)
            {
                if (!IsWhite(image.GetPixel(x, y)))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Pixels close to <paramref name="color"/> anywhere in the image.</summary>
    public static int CountColor(SKBitmap image, SKColor color, int tolerance = 40)
    {
        var count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (Distance(image.GetPixel(x, y), color) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Mean absolute difference per channel (0 to 255) of two same-sized images, over R, G and B.</summary>
    public static double MeanDifference(SKBitmap a, SKBitmap b)
    {
        if (a.Width != b.Width || a.Height != b.Height)
        {
            throw new ArgumentException($"sizes differ: {a.Width}x{a.Height} and {b.Width}x{b.Height}");
        }

        long sum = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                sum += Distance(a.GetPixel(x, y), b.GetPixel(x, y));
            }
        }

        return sum / (3.0 * a.Width * a.Height);
    }
}
