using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Text;

/// <summary>A glyph outline flattened to polygons at one pixel size: x right, y down, origin on the baseline.</summary>
/// <param name="Points">The contours' points in pixels, one contour after the other.</param>
/// <param name="ContourEnds">Exclusive end index in <paramref name="Points"/> of each contour.</param>
internal sealed record FlatGlyph(PixelPoint[] Points, int[] ContourEnds);
