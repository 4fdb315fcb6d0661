using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Rendering;

/// <summary>Maps data coordinates to pixels inside the data area (y up in data, down in pixels).</summary>
internal readonly struct CoordinateMapper(AxisLimits limits, PixelRect area)
{
    // Points far outside the view are pinned this far away so float pixels stay finite and precise enough.
    private const float Far = 1e7f;

    public AxisLimits Limits { get; } = limits;

    public PixelRect Area { get; } = area;

    public float X(double x) =>
        (float)Math.Clamp(Area.Left + ((x - Limits.Left) / Limits.Width * Area.Width), -Far, Far);

    public float Y(double y) =>
        (float)Math.Clamp(Area.Bottom - ((y - Limits.Bottom) / Limits.Height * Area.Height), -Far, Far);
}
