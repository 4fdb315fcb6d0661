using GradRepl.Plotting.Rendering;

namespace GradRepl.Plotting.Plottables;

/// <summary>Something drawn inside the axes: it knows its data range, draws itself, and offers legend entries.</summary>
internal interface IPlottable
{
    /// <summary>The range of the finite data, or null when there is none.</summary>
    AxisLimits? GetDataLimits();

    /// <summary>Draws onto <see cref="RenderPack.Canvas"/> using <see cref="RenderPack.Mapper"/>, clipped to the data area.</summary>
    void Render(RenderPack pack);

    /// <summary>Entries this plottable adds to the legend (none when it has no label).</summary>
    IEnumerable<LegendItem> LegendItems { get; }

    /// <summary>Polylines in pixel space, for legend placement and the terminal preview.</summary>
    IReadOnlyList<Primitives.PixelPoint[]> GetPolylines(CoordinateMapper mapper);
}
