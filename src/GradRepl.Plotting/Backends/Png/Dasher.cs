using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Backends.Png;

/// <summary>Cuts a polyline into the "on" pieces of a dash pattern.</summary>
internal static class Dasher
{
    public static List<PixelPoint[]> Split(PixelPoint[] points, float[] pattern)
    {
        var pieces = new List<PixelPoint[]>();
        var total = 0f;
        foreach (var d in pattern)
        {
            total += d;
        }

        if (points.Length < 2 || !(total > 0))
        {
            return pieces;
        }

        var index = 0;
        var remaining = pattern[0];
        var on = true;
        var current = new PixelPointBuffer();
        current.Add(points[0]);
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var a = points[i];
            var b = points[i + 1];
            var length = MathF.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)));
            var used = 0f;
            while (length - used > remaining)
            {
                used += remaining;
                var t = used / length;
                var p = new PixelPoint(a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));
                if (on)
                {
                    current.Add(p);
                    pieces.Add(current.ToArray());
                }

                current.Clear();
                current.Add(p);
                on = !on;
                index = (index + 1) % pattern.Length;
                remaining = pattern[index];
            }

            remaining -= length - used;
            if (on)
            {
                current.Add(b);
            }
            else
            {
                current[0] = b;
            }
        }

        if (on && current.Count > 1)
        {
            pieces.Add(current.ToArray());
        }

        return pieces;
    }
}
