using GradRepl.Plotting.Plottables;
using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Text;

namespace GradRepl.Plotting.Rendering.Steps;

/// <summary>
/// The legend: a rounded, translucent white box with a light grey edge, one row per labelled series. For
/// <see cref="LegendLocation.Best"/> it takes, in matplotlib's order, the first place where the fewest data
/// vertices lie inside and the fewest line segments cross it.
/// </summary>
internal sealed class DrawLegend : IRenderStep
{
    private static readonly LegendLocation[] s_bestOrder =
    [
        LegendLocation.UpperRight, LegendLocation.UpperLeft, LegendLocation.LowerLeft, LegendLocation.LowerRight,
        LegendLocation.CenterRight, LegendLocation.CenterLeft, LegendLocation.LowerCenter, LegendLocation.UpperCenter,
        LegendLocation.Center,
    ];

    public void Render(RenderPack pack)
    {
        if (!pack.Plot.Legend.IsVisible)
        {
            return;
        }

        var items = pack.Plot.Plottables.SelectMany(p => p.LegendItems).ToList();
        if (items.Count == 0)
        {
            return;
        }

        var font = Font.DejaVuSans;
        var fs = Theme.FontSize;
        var rowHeight = Math.Max(font.Ascent(fs) + font.Descent(fs), 0.7f * fs);
        var textWidth = 0f; // a loop, not items.Max(...): LINQ's Max to a float is JIT-compiled at start-up (bench/README.md)
        foreach (var item in items)
        {
            textWidth = Math.Max(textWidth, font.Width(item.Label, fs));
        }

        var width = (2 * Theme.LegendBorderPad * fs) + ((Theme.LegendHandleLength + Theme.LegendHandleTextPad) * fs) + textWidth;
        var height = (2 * Theme.LegendBorderPad * fs) + (items.Count * rowHeight) + ((items.Count - 1) * Theme.LegendLabelSpacing * fs);

        var location = pack.Plot.Legend.Location;
        var box = location == LegendLocation.Best ? Best(pack, width, height) : Place(pack.DataArea, location, width, height);
        pack.LegendBox = box;

        var c = pack.Canvas;
        c.DrawRoundedRectangle(box, Theme.LegendCornerRadius * fs, Theme.LegendFace, Theme.LegendEdge, Theme.LegendFrameWidth);
        var y = box.Top + (Theme.LegendBorderPad * fs);
        var x = box.Left + (Theme.LegendBorderPad * fs);
        foreach (var item in items)
        {
            var mid = Theme.Snap(y + (rowHeight / 2), item.Line.Width);
            PixelPoint[] handle = [new(x, mid), new(x + (Theme.LegendHandleLength * fs), mid)];
            if (item.Line.Width > 0 && item.Line.Pattern != LinePattern.None)
            {
                c.StrokePolyline(handle, item.Line with { Width = Math.Min(item.Line.Width, rowHeight) }, box);
            }

            if (item.MarkerSize > 0)
            {
                c.FillCircle(new PixelPoint(x + (Theme.LegendHandleLength * fs / 2), mid), Math.Min(item.MarkerSize, rowHeight) / 2, item.MarkerColor, box);
            }

            var textX = x + ((Theme.LegendHandleLength + Theme.LegendHandleTextPad) * fs);
            c.DrawText(item.Label, new PixelPoint(textX, y + font.Ascent(fs)), fs, Theme.Foreground, TextAlign.Start, vertical: false);
            y += rowHeight + (Theme.LegendLabelSpacing * fs);
        }
    }

    internal static PixelRect Place(PixelRect area, LegendLocation location, float width, float height)
    {
        var pad = Theme.LegendBorderAxesPad * Theme.FontSize;
        float left = area.Left + pad, right = area.Right - pad - width, centerX = area.CenterX - (width / 2);
        float top = area.Top + pad, bottom = area.Bottom - pad - height, centerY = area.CenterY - (height / 2);
        var (x, y) = location switch
        {
            LegendLocation.UpperLeft => (left, top),
            LegendLocation.LowerLeft => (left, bottom),
            LegendLocation.LowerRight => (right, bottom),
            LegendLocation.CenterRight => (right, centerY),
            LegendLocation.CenterLeft => (left, centerY),
            LegendLocation.LowerCenter => (centerX, bottom),
            LegendLocation.UpperCenter => (centerX, top),
            LegendLocation.Center => (centerX, centerY),
            _ => (right, top),
        };
        return new PixelRect(x, y, x + width, y + height);
    }

    private static PixelRect Best(RenderPack pack, float width, float height)
    {
        var lines = pack.Plot.Plottables.SelectMany(pack.PolylinesOf).ToList();
        var best = Place(pack.DataArea, s_bestOrder[0], width, height);
        var bestBadness = int.MaxValue;
        foreach (var location in s_bestOrder)
        {
            var box = Place(pack.DataArea, location, width, height);
            var badness = Badness(box, lines);
            if (badness < bestBadness)
            {
                (best, bestBadness) = (box, badness);
                if (badness == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    private static int Badness(PixelRect box, List<PixelPoint[]> lines)
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

                if (i + 1 < line.Length && box.IntersectsSegment(line[i], line[i + 1]))
                {
                    count++;
                }
            }
        }

        return count;
    }
}
