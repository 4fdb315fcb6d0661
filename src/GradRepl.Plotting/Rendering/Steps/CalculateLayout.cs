using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Text;
using GradRepl.Plotting.TickGenerators;

namespace GradRepl.Plotting.Rendering.Steps;

/// <summary>
/// Places the axes box at matplotlib's subplot fractions of the figure, then pushes its sides inwards where tick
/// labels, axis labels or the title would not fit (small figures, long labels), and generates the ticks.
/// </summary>
internal sealed class CalculateLayout : IRenderStep
{
    private const float Edge = 3; // keep text this far from the figure's border

    public void Render(RenderPack pack)
    {
        float w = pack.Canvas.Width, h = pack.Canvas.Height;
        var area = new PixelRect(w * Theme.SubplotLeft, h * (1 - Theme.SubplotTop), w * Theme.SubplotRight, h * (1 - Theme.SubplotBottom));
        for (var pass = 0; pass < 2; pass++)
        {
            pack.DataArea = area;
            MakeTicks(pack);
            area = FitText(pack, area, w, h);
        }

        pack.DataArea = area;
        MakeTicks(pack);
    }

    private static void MakeTicks(RenderPack pack)
    {
        var l = pack.Limits;
        var a = pack.DataArea;
        var xBudget = NumericTickGenerator.IntervalBudget(a.Width, Theme.FontSize, vertical: false);
        var yBudget = NumericTickGenerator.IntervalBudget(a.Height, Theme.FontSize, vertical: true);
        pack.XTicks = TickLabelFormatter.Format(NumericTickGenerator.Positions(Math.Min(l.Left, l.Right), Math.Max(l.Left, l.Right), xBudget));
        pack.YTicks = TickLabelFormatter.Format(NumericTickGenerator.Positions(Math.Min(l.Bottom, l.Top), Math.Max(l.Bottom, l.Top), yBudget));
    }

    private static PixelRect FitText(RenderPack pack, PixelRect area, float w, float h)
    {
        var font = Font.DejaVuSans;
        var size = Theme.FontSize;
        var lineHeight = font.Ascent(size) + font.Descent(size);
        var plot = pack.Plot;

        var yLabelWidth = Tick.WidestLabel(pack.YTicks, font, size);
        var left = Edge + Theme.TickLength + Theme.TickPad + yLabelWidth
            + (plot.YLabelText is null ? 0 : Theme.LabelPad + lineHeight);
        var bottom = Edge + Theme.TickLength + Theme.TickPad + lineHeight
            + (plot.XLabelText is null ? 0 : Theme.LabelPad + lineHeight);
        var top = Edge + (pack.YTicks.Length == 0 ? 0 : font.Ascent(size) / 2)
            + (plot.TitleText is null ? 0 : Theme.TitlePad + font.Ascent(Theme.TitleSize) + font.Descent(Theme.TitleSize));

        // the outermost x tick labels hang half their width past the tick
        var mapper = pack.Mapper;
        float right = Edge, leftOverhang = 0;
        foreach (var t in pack.XTicks)
        {
            var x = mapper.X(t.Position);
            var half = font.Width(t.Label, size) / 2;
            right = Math.Max(right, x + half + Edge - area.Right);
            leftOverhang = Math.Max(leftOverhang, area.Left - (x - half - Edge));
        }

        var result = new PixelRect(
            Math.Max(area.Left, Math.Max(left, leftOverhang)),
            Math.Max(area.Top, top),
            Math.Min(area.Right, w - right),
            Math.Min(area.Bottom, h - bottom));

        // a figure too small for its text still gets a (tiny) axes box
        if (result.Width < 1)
        {
            result = result with { Left = Math.Min(result.Left, w - 1), Right = Math.Min(result.Left, w - 1) + 1 };
        }

        if (result.Height < 1)
        {
            result = result with { Top = Math.Min(result.Top, h - 1), Bottom = Math.Min(result.Top, h - 1) + 1 };
        }

        return result;
    }
}
