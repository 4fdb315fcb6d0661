using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Rendering;

/// <summary>
/// Everything the render steps draw goes through this interface, so PNG (own rasteriser) and SVG are two
/// backends of one pipeline. Coordinates are pixels, y down. Clip rectangles limit what a call may paint.
/// </summary>
internal interface ICanvas
{
    int Width { get; }

    int Height { get; }

    void Clear(Color color);

    /// <summary>Fills an axis-aligned rectangle; fractional edges are antialiased.</summary>
    void FillRectangle(PixelRect rect, Color color);

    /// <summary>A rectangle with rounded corners, filled and outlined (either may be transparent).</summary>
    void DrawRoundedRectangle(PixelRect rect, float radius, Color fill, Color stroke, float strokeWidth);

    /// <summary>A polyline with round joins; solid lines get projecting caps, dashes butt caps (matplotlib's defaults).</summary>
    /// <remarks>An array, not a <c>ReadOnlySpan&lt;PixelPoint&gt;</c>: converting to a span of this library's struct
    /// is framework generic code that ReadyToRun cannot precompile (see bench/README.md, "Start-up").</remarks>
    void StrokePolyline(PixelPoint[] points, Pen pen, PixelRect clip);

    void FillCircle(PixelPoint center, float radius, Color color, PixelRect clip);

    /// <summary>
    /// Draws one line of text whose baseline passes through <paramref name="anchor"/>; <paramref name="align"/>
    /// says which part of the text sits on the anchor. Vertical text reads upwards.
    /// </summary>
    void DrawText(string text, PixelPoint anchor, float size, Color color, TextAlign align, bool vertical);
}
