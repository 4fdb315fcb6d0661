namespace GradRepl.Plotting.Primitives;

/// <summary>A position in pixels, y growing downwards.</summary>
internal readonly record struct PixelPoint(float X, float Y);
