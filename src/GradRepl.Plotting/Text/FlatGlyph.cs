namespace GradRepl.Plotting.Text;

/// <summary>A glyph outline flattened to polygons at one pixel size: x right, y down, origin on the baseline.</summary>
/// <param name="Xs">Point x coordinates in pixels.</param>
/// <param name="Ys">Point y coordinates in pixels.</param>
/// <param name="ContourEnds">Exclusive end index of each contour.</param>
internal sealed record FlatGlyph(float[] Xs, float[] Ys, int[] ContourEnds);
