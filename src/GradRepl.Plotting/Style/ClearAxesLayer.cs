using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting.Style;

/// <summary>
/// Stands in for ScottPlot's first render step, which clears the whole canvas with the figure's background: a figure
/// draws several axes on one canvas, each on its own layer, so an axes clears only its layer (to transparent). ScottPlot
/// renders twice when the limits change, and the second pass must not draw over the first. An SVG canvas has no layers
/// and turns a clear into a black rectangle, so <see cref="Enabled"/> is off while drawing one.
/// </summary>
internal sealed class ClearAxesLayer : IRenderAction
{
    /// <summary>Whether the render clears its canvas (raster layers) or not (SVG).</summary>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public void Render(RenderPack rp)
    {
        if (Enabled)
        {
            rp.Canvas.Clear(SKColors.Transparent);
        }
    }
}
