namespace GradRepl.Plotting.Rendering;

/// <summary>A resolved line style, in pixels.</summary>
internal readonly record struct Pen(float Width, Color Color, LinePattern Pattern = LinePattern.Solid)
{
    public static Pen From(LineStyle style) => new((float)style.Width, style.Color, style.Pattern);

    /// <summary>matplotlib's dash sequences, in multiples of the line width (lines.dashed_pattern and friends).</summary>
    public float[]? DashArray => Pattern switch
    {
        LinePattern.Dashed => [3.7f * Width, 1.6f * Width],
        LinePattern.Dotted => [1f * Width, 1.65f * Width],
        LinePattern.DashDot => [6.4f * Width, 1.6f * Width, 1f * Width, 1.6f * Width],
        _ => null,
    };
}
