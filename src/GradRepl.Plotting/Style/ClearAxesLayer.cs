using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting.Style;

/// <summary>
/// Stands in for ScottPlot's first render step, which clears the whole canvas with the figure's background. A figure
/// of several axes draws each on its own layer of one canvas, so an axes clears only its layer (to transparent); a
/// lone axes is drawn straight onto the canvas and clears it to the figure's white. ScottPlot renders twice when the
/// limits change, and the second pass must not draw over the first. An SVG canvas has no layers and turns a clear into
/// a black rectangle, so nothing is cleared while drawing one.
/// </summary>
internal sealed class ClearAxesLayer : IRenderAction
{
    /// <summary>What a render clears its canvas to.</summary>
    public enum ClearMode
    {
        /// <summary>Nothing is cleared (SVG).</summary>
        None,

        /// <summary>Transparent: the axes' own layer of a figure of several axes.</summary>
        Transparent,

        /// <summary>White, the figure's background: a lone axes drawn straight onto the figure's canvas.</summary>
        White,
    }

    /// <summary>What the render clears its canvas to.</summary>
    public ClearMode Mode { get; set; } = ClearMode.Transparent;

    /// <inheritdoc/>
    public void Render(RenderPack rp)
    {
        switch (Mode)
        {
            case ClearMode.Transparent:
                rp.Canvas.Clear(SKColors.Transparent);
                break;
            case ClearMode.White:
                rp.Canvas.Clear(SKColors.White);
                break;
        }
    }
}
