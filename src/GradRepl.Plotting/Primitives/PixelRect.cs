namespace GradRepl.Plotting.Primitives;

/// <summary>An axis-aligned rectangle in pixels, y growing downwards.</summary>
internal readonly record struct PixelRect(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;

    public float Height => Bottom - Top;

    public float CenterX => (Left + Right) / 2;

    public float CenterY => (Top + Bottom) / 2;

    public bool Contains(PixelPoint p) => p.X >= Left && p.X <= Right && p.Y >= Top && p.Y <= Bottom;

    public PixelRect Intersect(PixelRect o) =>
        new(Math.Max(Left, o.Left), Math.Max(Top, o.Top), Math.Min(Right, o.Right), Math.Min(Bottom, o.Bottom));

    public PixelRect Inflate(float d) => new(Left - d, Top - d, Right + d, Bottom + d);

    /// <summary>True when the segment from <paramref name="a"/> to <paramref name="b"/> touches the rectangle (Liang-Barsky).</summary>
    public bool IntersectsSegment(PixelPoint a, PixelPoint b)
    {
        float t0 = 0, t1 = 1, dx = b.X - a.X, dy = b.Y - a.Y;
        return Clip(-dx, a.X - Left, ref t0, ref t1) && Clip(dx, Right - a.X, ref t0, ref t1)
            && Clip(-dy, a.Y - Top, ref t0, ref t1) && Clip(dy, Bottom - a.Y, ref t0, ref t1);
    }

    private static bool Clip(float p, float q, ref float t0, ref float t1)
    {
        if (p == 0)
        {
            return q >= 0;
        }

        var r = q / p;
        if (p < 0)
        {
            if (r > t1)
            {
                return false;
            }

            t0 = Math.Max(t0, r);
        }
        else
        {
            if (r < t0)
            {
                return false;
            }

            t1 = Math.Min(t1, r);
        }

        return true;
    }
}
