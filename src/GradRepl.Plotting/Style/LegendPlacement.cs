using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting.Style;

/// <summary>
/// matplotlib's <c>loc="best"</c>, which ScottPlot lacks: of the nine places, in matplotlib's order, the first where
/// the fewest data vertices fall inside the legend box and the fewest line segments cross it.
/// </summary>
internal static class LegendPlacement
{
    private static readonly Alignment[] s_order =
    [
        Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerLeft, Alignment.LowerRight, Alignment.MiddleRight,
        Alignment.MiddleLeft, Alignment.LowerCenter, Alignment.UpperCenter, Alignment.MiddleCenter,
    ];

    /// <summary>The best place for <paramref name="plot"/>'s legend when its data area is <paramref name="dataRect"/>.</summary>
    public static Alignment Best(Plot plot, PixelRect dataRect)
    {
        var labels = plot.Legend.GetItems().Select(i => i.LabelText ?? string.Empty).Where(t => t.Length > 0).ToList();
        if (labels.Count == 0)
        {
            return Alignment.UpperRight;
        }

        if (!plot.Axes.LimitsHaveBeenSet)
        {
            plot.Axes.AutoScale();
        }

        var limits = plot.Axes.GetLimits();
        var (width, height) = Size(labels);
        var lines = Lines(plot, limits, dataRect);
        var best = s_order[0];
        var bestBadness = int.MaxValue;
        foreach (var alignment in s_order)
        {
            var badness = Badness(Place(dataRect, alignment, width, height), lines);
            if (badness < bestBadness)
            {
                (best, bestBadness) = (alignment, badness);
                if (badness == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>The legend box's size as matplotlib lays it out: border pad, handle, text pad, the widest label.</summary>
    private static (float Width, float Height) Size(List<string> labels)
    {
        var fs = MatplotlibStyle.FontSize;
        using var font = new SKFont(EmbeddedFont.Typeface, fs);
        var textWidth = labels.Max(l => font.MeasureText(l));
        var rowHeight = font.Metrics.Descent - font.Metrics.Ascent;
        var width = (2 * 0.4f * fs) + ((2.0f + 0.8f) * fs) + textWidth;
        var height = (2 * 0.4f * fs) + (labels.Count * rowHeight) + ((labels.Count - 1) * 0.5f * fs);
        return (width, height);
    }

    private static PixelRect Place(PixelRect area, Alignment alignment, float width, float height)
    {
        var pad = 0.5f * MatplotlibStyle.FontSize; // legend.borderaxespad
        float left = area.Left + pad, right = area.Right - pad - width, centerX = area.HorizontalCenter - (width / 2);
        float top = area.Top + pad, bottom = area.Bottom - pad - height, centerY = area.VerticalCenter - (height / 2);
        var (x, y) = alignment switch
        {
            Alignment.UpperLeft => (left, top),
            Alignment.LowerLeft => (left, bottom),
            Alignment.LowerRight => (right, bottom),
            Alignment.MiddleRight => (right, centerY),
            Alignment.MiddleLeft => (left, centerY),
            Alignment.LowerCenter => (centerX, bottom),
            Alignment.UpperCenter => (centerX, top),
            Alignment.MiddleCenter => (centerX, centerY),
            _ => (right, top),
        };
        return new PixelRect(x, x + width, y + height, y);
    }

    /// <summary>The pixel polylines of the plot's scatter plottables (lines of <c>plot</c> and <c>scatter</c>).</summary>
    private static List<Pixel[]> Lines(Plot plot, AxisLimits limits, PixelRect area)
    {
        var sx = area.Width / limits.HorizontalSpan;
        var sy = area.Height / limits.VerticalSpan;
        var result = new List<Pixel[]>();
        foreach (var scatter in plot.GetPlottables<ScottPlot.Plottables.Scatter>())
        {
            var points = scatter.Data.GetScatterPoints();
            var line = new Pixel[points.Count];
            for (var i = 0; i < points.Count; i++)
            {
                line[i] = new Pixel(area.Left + ((points[i].X - limits.Left) * sx), area.Bottom - ((points[i].Y - limits.Bottom) * sy));
            }

            result.Add(line);
        }

        return result;
    }

    private static int Badness(PixelRect box, List<Pixel[]> lines)
    {
        var count = 0;
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Length; i++)
            {
                if (box.Contains(line[i]))
                {
                    count++;
                }

                if (i + 1 < line.Length && Crosses(box, line[i], line[i + 1]))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Whether the segment a-b crosses the box's outline (Liang–Barsky clipping).</summary>
    private static bool Crosses(PixelRect box, Pixel a, Pixel b)
    {
        if (!float.IsFinite(a.X) || !float.IsFinite(a.Y) || !float.IsFinite(b.X) || !float.IsFinite(b.Y))
        {
            return false;
        }

        float t0 = 0, t1 = 1, dx = b.X - a.X, dy = b.Y - a.Y;
        bool Clip(float p, float q)
        {
            if (p == 0)
            {
                return q >= 0;
            }

            var r = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, r);
            }
            else
            {
                t1 = Math.Min(t1, r);
            }

            return t0 <= t1;
        }

        return Clip(-dx, a.X - box.Left) && Clip(dx, box.Right - a.X) && Clip(-dy, a.Y - box.Top) && Clip(dy, box.Bottom - a.Y);
    }
}
