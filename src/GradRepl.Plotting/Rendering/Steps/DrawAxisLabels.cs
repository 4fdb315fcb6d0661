using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Text;
using GradRepl.Plotting.TickGenerators;

namespace GradRepl.Plotting.Rendering.Steps;

/// <summary>The x label under the tick labels, the y label (reading upwards) left of them, the title above.</summary>
internal sealed class DrawAxisLabels : IRenderStep
{
    public void Render(RenderPack pack)
    {
        var c = pack.Canvas;
        var font = Font.DejaVuSans;
        var size = Theme.FontSize;
        var area = pack.DataArea;
        var plot = pack.Plot;
        var lineHeight = font.Ascent(size) + font.Descent(size);

        if (plot.XLabelText is { } xl)
        {
            var top = pack.FrameBottom + Theme.TickLength + Theme.TickPad + lineHeight + Theme.LabelPad;
            c.DrawText(xl, new PixelPoint(area.CenterX, top + font.Ascent(size)), size, Theme.Foreground, TextAlign.Middle, vertical: false);
        }

        if (plot.YLabelText is { } yl)
        {
            var widest = Tick.WidestLabel(pack.YTicks, font, size);
            var right = pack.FrameLeft - Theme.TickLength - Theme.TickPad - widest - Theme.LabelPad;

            // turned text: its descent is on the right of the baseline
            c.DrawText(yl, new PixelPoint(right - font.Descent(size), area.CenterY), size, Theme.Foreground, TextAlign.Middle, vertical: true);
        }

        if (plot.TitleText is { } title)
        {
            var baseline = Theme.Snap(area.Top) - Theme.TitlePad;
            c.DrawText(title, new PixelPoint(area.CenterX, baseline), Theme.TitleSize, Theme.Foreground, TextAlign.Middle, vertical: false);
        }
    }
}
