using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.TickGenerators;

namespace GradRepl.Plotting.Rendering;

/// <summary>What the render steps share: the plot, the canvas, and what earlier steps worked out.</summary>
internal sealed class RenderPack(Plot plot, ICanvas canvas)
{
    private readonly Dictionary<Plottables.IPlottable, IReadOnlyList<PixelPoint[]>> _polylines = new(ReferenceEqualityComparer.Instance);

    public Plot Plot { get; } = plot;

    public ICanvas Canvas { get; } = canvas;

    public PixelRect Figure => new(0, 0, Canvas.Width, Canvas.Height);

    public AxisLimits Limits { get; set; } = AxisLimits.Default;

    /// <summary>The axes box (inside the frame), set by the layout step.</summary>
    public PixelRect DataArea { get; set; }

    public Tick[] XTicks { get; set; } = Tick.None;

    public Tick[] YTicks { get; set; } = Tick.None;

    /// <summary>The legend's frame, once drawn.</summary>
    public PixelRect? LegendBox { get; set; }

    public CoordinateMapper Mapper => new(Limits, DataArea);

    /// <summary>A plottable's pixel polylines for this render, built once and shared by the drawing and the legend.</summary>
    public IReadOnlyList<PixelPoint[]> PolylinesOf(Plottables.IPlottable plottable)
    {
        if (!_polylines.TryGetValue(plottable, out var lines))
        {
            lines = plottable.GetPolylines(Mapper);
            _polylines[plottable] = lines;
        }

        return lines;
    }

    /// <summary>x of the left spine's pixel centre.</summary>
    public float FrameLeft => Theme.Snap(DataArea.Left);

    /// <summary>y of the bottom spine's pixel centre.</summary>
    public float FrameBottom => Theme.Snap(DataArea.Bottom);
}
