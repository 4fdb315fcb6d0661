using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Rendering;

namespace GradRepl.Plotting.Plottables;

/// <summary>
/// Maps data to pixels, splits at non-finite points (they leave a gap), and decimates: within one pixel column
/// only the first, lowest, highest and last points are kept, in their original order. A million points thus
/// become a few per column and draw exactly the same picture.
/// </summary>
internal static class PolylineBuilder
{
    public static List<PixelPoint[]> Build(double[] xs, double[] ys, CoordinateMapper mapper)
    {
        var result = new List<PixelPoint[]>();
        var run = new PixelPointBuffer();
        var column = long.MinValue;
        int first = -1, low = -1, high = -1, last = -1;

        void FlushColumn()
        {
            if (first < 0)
            {
                return;
            }

            // emit the kept points of the column in index order, each once: first and last bound the column,
            // so only low and high need ordering (by hand, not a Span<int>.Sort, which the JIT would compile)
            var previous = -1;
            void Keep(int k)
            {
                if (k != previous)
                {
                    run.Add(mapper.X(xs[k]), mapper.Y(ys[k]));
                    previous = k;
                }
            }

            Keep(first);
            Keep(Math.Min(low, high));
            Keep(Math.Max(low, high));
            Keep(last);

            first = low = high = last = -1;
        }

        void FlushRun()
        {
            FlushColumn();
            if (run.Count > 0)
            {
                result.Add(run.ToArray());
                run.Clear();
            }

            column = long.MinValue;
        }

        // the column of a point, computed as the mapper does but without its clamping: only equality matters
        var area = mapper.Area;
        var limits = mapper.Limits;
        var scale = area.Width / limits.Width;
        var offset = area.Left - (limits.Left * scale);
        for (var i = 0; i < xs.Length; i++)
        {
            double x = xs[i], y = ys[i];
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                FlushRun();
                continue;
            }

            var c = (long)Math.Floor(Math.Clamp((x * scale) + offset, -1e15, 1e15));
            if (c != column)
            {
                FlushColumn();
                column = c;
                first = low = high = i;
            }
            else if (y < ys[low])
            {
                low = i;
            }
            else if (y > ys[high])
            {
                high = i;
            }

            last = i;
        }

        FlushRun();
        return result;
    }
}
