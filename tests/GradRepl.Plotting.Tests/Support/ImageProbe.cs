using GradRepl.Plotting.Backends.Png;
using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Tests.Support;

/// <summary>Pixel queries for assertions.</summary>
internal static class ImageProbe
{
    public static int Distance(Color a, Color b) => Math.Abs(a.R - b.R) + Math.Abs(a.G - b.G) + Math.Abs(a.B - b.B);

    public static bool IsWhite(Color c) => c.R == 255 && c.G == 255 && c.B == 255;

    /// <summary>Whether any pixel within <paramref name="radius"/> of (x, y) is close to <paramref name="color"/>.</summary>
    public static bool HasColorNear(RgbImage image, float x, float y, Color color, int radius = 1, int tolerance = 60)
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

    public static int CountInk(RgbImage image, PixelRect rect)
    {
        var count = 0;
        for (var y = Math.Max(0, (int)rect.Top); y < Math.Min(image.Height, (int)Math.Ceiling(rect.Bottom)); y++)
        {
            for (var x = Math.Max(0, (int)rect.Left); x < Math.Min(image.Width, (int)Math.Ceiling(rect.Right)); x++)
            {
                if (!IsWhite(image.GetPixel(x, y)))
                {
                    count++;
                }
            }
        }

        return count;
    }

    public static float DistanceToPolyline(PixelPoint p, IReadOnlyList<PixelPoint> line)
    {
        var best = float.MaxValue;
        for (var i = 0; i + 1 < line.Count; i++)
        {
            best = Math.Min(best, DistanceToSegment(p, line[i], line[i + 1]));
        }

        return line.Count == 1 ? MathF.Sqrt(Sq(p.X - line[0].X) + Sq(p.Y - line[0].Y)) : best;
    }

    private static float DistanceToSegment(PixelPoint p, PixelPoint a, PixelPoint b)
    {
        float dx = b.X - a.X, dy = b.Y - a.Y;
        var len = (dx * dx) + (dy * dy);
        var t = len == 0 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / len, 0, 1);
        return MathF.Sqrt(Sq(p.X - (a.X + (t * dx))) + Sq(p.Y - (a.Y + (t * dy))));
    }

    private static float Sq(float v) => v * v;
}
