namespace GradRepl.Plotting.Text;

/// <summary>A point of a glyph outline in font units.</summary>
internal readonly record struct GlyphPoint(float X, float Y, bool OnCurve);
