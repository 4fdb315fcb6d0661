using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Backends.Png;

/// <summary>
/// Antialiased scanline polygon filler with exact-area coverage. Every edge adds, to a per-row accumulation
/// buffer, the signed area it sweeps in each pixel cell; a running sum along the row then gives each pixel's
/// winding-weighted coverage, and non-zero filling clamps its magnitude to 1 (the scheme of font-rs, FreeType
/// and Agg). Edges left of the clip rectangle are pinned to its left side, which keeps their winding
/// contribution exact while bounding the work to the visible box.
/// </summary>
internal sealed class Rasterizer
{
    // not [] (Array.Empty<float>(), which the JIT would compile at start-up; see bench/README.md, "Start-up")
    private float[] _acc = new float[0];
    private int _stride;
    private int _rows;

    /// <summary>Fills <paramref name="polygons"/> (non-zero rule) with <paramref name="color"/> inside <paramref name="clip"/>.</summary>
    public void Fill(RgbImage image, PolygonSet polygons, Color color, PixelRect clip)
    {
        if (polygons.IsEmpty || color.A == 0)
        {
            return;
        }

        // Bounding box of the polygons, intersected with the clip and the image, in whole pixels.
        float minX = float.MaxValue, minY = float.MaxValue, maxX = float.MinValue, maxY = float.MinValue;
        var points = polygons.Points;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            minX = Math.Min(minX, p.X);
            maxX = Math.Max(maxX, p.X);
            minY = Math.Min(minY, p.Y);
            maxY = Math.Max(maxY, p.Y);
        }

        var box = new PixelRect(minX, minY, maxX, maxY).Intersect(clip).Intersect(new PixelRect(0, 0, image.Width, image.Height));
        if (!(box.Width > 0 && box.Height > 0))
        {
            return;
        }

        var x0 = (int)MathF.Floor(box.Left);
        var y0 = (int)MathF.Floor(box.Top);
        var x1 = (int)MathF.Ceiling(box.Right);
        var y1 = (int)MathF.Ceiling(box.Bottom);

        // The clip may cut a pixel: coverage is limited to the clip by clamping edges into [clipLeft, clipRight]
        // and rows into [clipTop, clipBottom] in sub-pixel units.
        var cl = Math.Max(clip.Left, 0) - x0;
        var cr = Math.Min(clip.Right, image.Width) - x0;
        var ct = Math.Max(clip.Top, 0) - y0;
        var cb = Math.Min(clip.Bottom, image.Height) - y0;
        cl = Math.Max(cl, 0);
        cr = Math.Min(cr, x1 - x0);
        Prepare(x1 - x0, y1 - y0);

        var start = 0;
        foreach (var end in polygons.ContourEnds)
        {
            for (var i = start; i < end; i++)
            {
                var a = points[i];
                var b = points[i + 1 < end ? i + 1 : start];
                AddEdgeClippedX(a.X - x0, a.Y - y0, b.X - x0, b.Y - y0, cl, cr, ct, cb);
            }

            start = end;
        }

        Sweep(image, x0, y0, x1 - x0, color);
    }

    private void Prepare(int width, int height)
    {
        _stride = width + 2;
        _rows = height;
        var needed = _stride * height;
        if (_acc.Length < needed)
        {
            _acc = new float[Math.Max(needed, _acc.Length * 2)];
        }
    }

    private void AddEdgeClippedX(float ax, float ay, float bx, float by, float left, float right, float top, float bottom)
    {
        if (ay == by || float.IsNaN(ax + ay + bx + by))
        {
            return;
        }

        // Split the edge where it crosses the clip's vertical sides, then pin the outside pieces onto them.
        Span<float> ts = stackalloc float[4];
        var n = 0;
        ts[n++] = 0;
        if ((ax - left) * (bx - left) < 0)
        {
            ts[n++] = (left - ax) / (bx - ax);
        }

        if ((ax - right) * (bx - right) < 0)
        {
            ts[n++] = (right - ax) / (bx - ax);
        }

        if (n == 3 && ts[1] > ts[2])
        {
            (ts[1], ts[2]) = (ts[2], ts[1]);
        }

        ts[n++] = 1;
        for (var k = 0; k + 1 < n; k++)
        {
            float t0 = ts[k], t1 = ts[k + 1];
            var px = Math.Clamp(ax + ((bx - ax) * t0), left, right);
            var py = ay + ((by - ay) * t0);
            var qx = Math.Clamp(ax + ((bx - ax) * t1), left, right);
            var qy = ay + ((by - ay) * t1);
            AddEdge(px, py, qx, qy, top, bottom);
        }
    }

    /// <summary>Accumulates one edge, given in buffer coordinates with x already inside the buffer.</summary>
    private void AddEdge(float x0, float y0, float x1, float y1, float top, float bottom)
    {
        if (y0 == y1)
        {
            return;
        }

        var dir = 1f;
        if (y0 > y1)
        {
            (x0, y0, x1, y1) = (x1, y1, x0, y0);
            dir = -1f;
        }

        var dxdy = (x1 - x0) / (y1 - y0);
        var yStart = Math.Max(y0, Math.Max(top, 0));
        var yEnd = Math.Min(y1, Math.Min(bottom, _rows));
        if (yStart >= yEnd)
        {
            return;
        }

        var acc = _acc;
        var maxIndex = _stride - 1;
        for (var row = (int)yStart; row < yEnd; row++)
        {
            var ya = Math.Max(row, yStart);
            var yb = Math.Min(row + 1, yEnd);
            var dy = yb - ya;
            if (dy <= 0)
            {
                continue;
            }

            var xa = x0 + ((ya - y0) * dxdy);
            var xb = x0 + ((yb - y0) * dxdy);
            var d = dy * dir;
            var lo = Math.Min(xa, xb);
            var hi = Math.Max(xa, xb);
            var line = row * _stride;
            var loFloor = MathF.Floor(lo);
            var loI = (int)loFloor;
            var hiI = (int)MathF.Ceiling(hi);
            if (hiI <= loI + 1)
            {
                // the edge stays within one cell: the cell gets the part right of the edge's mean x
                var xm = ((xa + xb) * 0.5f) - loFloor;
                acc[line + loI] += d - (d * xm);
                acc[Math.Min(line + loI + 1, line + maxIndex)] += d * xm;
                continue;
            }

            // the edge crosses several cells: triangle in the first and last, trapezoids between
            var s = 1f / (hi - lo);
            var loF = lo - loFloor;
            var a0 = 0.5f * s * (1 - loF) * (1 - loF);
            var hiF = hi - MathF.Ceiling(hi) + 1;
            var am = 0.5f * s * hiF * hiF;
            acc[line + loI] += d * a0;
            if (hiI == loI + 2)
            {
                acc[line + loI + 1] += d * (1 - a0 - am);
            }
            else
            {
                var a1 = s * (1.5f - loF);
                acc[line + loI + 1] += d * (a1 - a0);
                for (var xi = loI + 2; xi < hiI - 1; xi++)
                {
                    acc[line + xi] += d * s;
                }

                var a2 = a1 + ((hiI - loI - 3) * s);
                acc[line + hiI - 1] += d * (1 - a2 - am);
            }

            acc[Math.Min(line + hiI, line + maxIndex)] += d * am;
        }
    }

    private void Sweep(RgbImage image, int x0, int y0, int width, Color color)
    {
        var acc = _acc;
        for (var row = 0; row < _rows; row++)
        {
            var line = row * _stride;
            var sum = 0f;
            for (var i = 0; i < width; i++)
            {
                sum += acc[line + i];
                acc[line + i] = 0;
                var coverage = Math.Min(1f, Math.Abs(sum));
                if (coverage > 1f / 512)
                {
                    image.Blend(x0 + i, y0 + row, color, coverage);
                }
            }

            acc[line + width] = 0;
            acc[line + width + 1] = 0;
        }
    }
}
