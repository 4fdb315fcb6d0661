using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Text;

namespace GradRepl.Plotting.Rendering.Steps;

/// <summary>Outward tick marks on the bottom and left spines, with their labels.</summary>
internal sealed class DrawTicks : IRenderStep
{
    public void Render(RenderPack pack)
    {
        var c = pack.Canvas;
        var font = Font.DejaVuSans;
        var size = Theme.FontSize;
        var mapper = pack.Mapper;
        var area = pack.DataArea;
        var hw = Theme.TickWidth / 2;

        var spineY = pack.FrameBottom;
        foreach (var tick in pack.XTicks)
        {
            var x = Theme.Snap(mapper.X(tick.Position));
            if (x < area.Left - 1 || x > area.Right + 1)
            {
                continue;
            }

            c.FillRectangle(new PixelRect(x - hw, spineY, x + hw, spineY + Theme.TickLength), Theme.Foreground);
            var baseline = spineY + Theme.TickLength + Theme.TickPad + font.Ascent(size);
            c.DrawText(tick.Label, new PixelPoint(x, baseline), size, Theme.Foreground, TextAlign.Middle, vertical: false);
        }

        var spineX = pack.FrameLeft;
        foreach (var tick in pack.YTicks)
        {
            var y = Theme.Snap(mapper.Y(tick.Position));
            if (y < area.Top - 1 || y > area.Bottom + 1)
            {
                continue;
            }

            c.FillRectangle(new PixelRect(spineX - Theme.TickLength, y - hw, spineX, y + hw), Theme.Foreground);

            // matplotlib's 'center_baseline': the part above the baseline is centred on the tick
            var anchor = new PixelPoint(spineX - Theme.TickLength - Theme.TickPad, y + (font.Ascent(size) / 2));
            c.DrawText(tick.Label, anchor, size, Theme.Foreground, TextAlign.End, vertical: false);
        }
    }
}
