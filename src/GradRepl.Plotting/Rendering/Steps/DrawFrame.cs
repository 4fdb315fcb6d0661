using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Rendering.Steps;

/// <summary>The four spines around the axes box, snapped to pixel centres so they stay crisp.</summary>
internal sealed class DrawFrame : IRenderStep
{
    public void Render(RenderPack pack)
    {
        var a = pack.DataArea;
        float l = Theme.Snap(a.Left), r = Theme.Snap(a.Right), t = Theme.Snap(a.Top), b = Theme.Snap(a.Bottom);
        var hw = Theme.FrameWidth / 2;
        var c = pack.Canvas;
        c.FillRectangle(new PixelRect(l - hw, t - hw, r + hw, t + hw), Theme.Foreground);
        c.FillRectangle(new PixelRect(l - hw, b - hw, r + hw, b + hw), Theme.Foreground);
        c.FillRectangle(new PixelRect(l - hw, t + hw, l + hw, b - hw), Theme.Foreground);
        c.FillRectangle(new PixelRect(r - hw, t + hw, r + hw, b - hw), Theme.Foreground);
    }
}
