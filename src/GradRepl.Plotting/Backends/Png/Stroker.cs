using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Backends.Png;

/// <summary>
/// Turns a polyline into one closed outline per piece: the left offset forward, an end cap, the right offset
/// backward, a start cap. Outer corners get round joins; inner corners go through the vertex, which leaves
/// overlaps that the non-zero rule fills correctly.
/// </summary>
internal static class Stroker
{
    public enum Cap
    {
        Butt,
        Square,
        Round,
    }

    public static void Stroke(PixelPoint[] input, float width, Cap cap, PolygonSet into)
    {
        var hw = width / 2;
        if (!(hw > 0))
        {
            return;
        }

        var pts = RemoveDuplicates(input);
        if (pts.Count == 0)
        {
            return;
        }

        if (pts.Count == 1)
        {
            Dot(pts[0], hw, cap, into);
            return;
        }

        var left = new PixelPointBuffer(2 * (pts.Count + 8));
        var right = new PixelPointBuffer(pts.Count + 8);
        for (var i = 0; i < pts.Count - 1; i++)
        {
            var (dx, dy) = Direction(pts[i], pts[i + 1]);
            float nx = -dy * hw, ny = dx * hw;
            var a = pts[i];
            var b = pts[i + 1];
            if (i == 0)
            {
                left.Add(new PixelPoint(a.X + nx, a.Y + ny));
                right.Add(new PixelPoint(a.X - nx, a.Y - ny));
            }

            left.Add(new PixelPoint(b.X + nx, b.Y + ny));
            right.Add(new PixelPoint(b.X - nx, b.Y - ny));
            if (i + 1 < pts.Count - 1)
            {
                var (ex, ey) = Direction(b, pts[i + 2]);
                float mx = -ey * hw, my = ex * hw;
                var cross = (dx * ey) - (dy * ex);

                // the side the polyline turns away from is the outer side of the corner
                if (cross < 0)
                {
                    Arc(left, b, nx, ny, mx, my, hw);
                    right.Add(b);
                    right.Add(new PixelPoint(b.X - mx, b.Y - my));
                }
                else
                {
                    left.Add(b);
                    left.Add(new PixelPoint(b.X + mx, b.Y + my));
                    Arc(right, b, -nx, -ny, -mx, -my, hw);
                }
            }
        }

        // cap at the end, from the left side to the right side
        var last = pts[pts.Count - 1];
        var (lx, ly) = Direction(pts[pts.Count - 2], last);
        AddCap(left, last, lx, ly, hw, cap);
        for (var i = right.Count - 1; i >= 0; i--)
        {
            left.Add(right[i]);
        }

        var first = pts[0];
        var (fx, fy) = Direction(pts[1], first);
        AddCap(left, first, fx, fy, hw, cap);
        for (var i = 0; i < left.Count; i++)
        {
            into.Add(left[i]);
        }

        into.CloseContour();
    }

    private static void AddCap(PixelPointBuffer into, PixelPoint p, float dx, float dy, float hw, Cap cap)
    {
        // (dx, dy) points out of the line; the outline arrives on the (-dy, dx) side and leaves on the other
        float nx = -dy * hw, ny = dx * hw;
        switch (cap)
        {
            case Cap.Square:
                into.Add(new PixelPoint(p.X + nx + (dx * hw), p.Y + ny + (dy * hw)));
                into.Add(new PixelPoint(p.X - nx + (dx * hw), p.Y - ny + (dy * hw)));
                break;
            case Cap.Round:
                var n = PolygonSet.ArcSegments(hw, Math.PI);
                var start = Math.Atan2(ny, nx);
                for (var k = 1; k < n; k++)
                {
                    var a = start - (Math.PI * k / n);
                    into.Add(new PixelPoint(p.X + (float)(hw * Math.Cos(a)), p.Y + (float)(hw * Math.Sin(a))));
                }

                break;
        }
    }

    /// <summary>Adds a round join from offset (ax, ay) to offset (bx, by) around <paramref name="c"/>, the short way.</summary>
    private static void Arc(PixelPointBuffer into, PixelPoint c, float ax, float ay, float bx, float by, float r)
    {
        var a0 = Math.Atan2(ay, ax);
        var sweep = Math.Atan2(by, bx) - a0;
        if (sweep > Math.PI)
        {
            sweep -= 2 * Math.PI;
        }
        else if (sweep < -Math.PI)
        {
            sweep += 2 * Math.PI;
        }

        var n = PolygonSet.ArcSegments(r, sweep);
        for (var k = 1; k < n; k++)
        {
            var a = a0 + (sweep * k / n);
            into.Add(new PixelPoint(c.X + (float)(r * Math.Cos(a)), c.Y + (float)(r * Math.Sin(a))));
        }

        into.Add(new PixelPoint(c.X + bx, c.Y + by));
    }

    private static void Dot(PixelPoint p, float hw, Cap cap, PolygonSet into)
    {
        switch (cap)
        {
            case Cap.Round:
                into.AddCircle(p, hw);
                break;
            case Cap.Square:
                into.Add(p.X - hw, p.Y - hw);
                into.Add(p.X + hw, p.Y - hw);
                into.Add(p.X + hw, p.Y + hw);
                into.Add(p.X - hw, p.Y + hw);
                into.CloseContour();
                break;
        }
    }

    private static (float X, float Y) Direction(PixelPoint a, PixelPoint b)
    {
        float dx = b.X - a.X, dy = b.Y - a.Y;
        var len = MathF.Sqrt((dx * dx) + (dy * dy));
        return (dx / len, dy / len);
    }

    private static PixelPointBuffer RemoveDuplicates(PixelPoint[] input)
    {
        var result = new PixelPointBuffer(input.Length);
        foreach (var p in input)
        {
            if (!float.IsFinite(p.X) || !float.IsFinite(p.Y))
            {
                continue;
            }

            if (result.Count > 0)
            {
                var q = result[result.Count - 1];
                if (Math.Abs(p.X - q.X) < 1e-3f && Math.Abs(p.Y - q.Y) < 1e-3f)
                {
                    continue;
                }
            }

            result.Add(p);
        }

        return result;
    }
}
