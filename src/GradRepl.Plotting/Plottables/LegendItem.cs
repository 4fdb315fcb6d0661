namespace GradRepl.Plotting.Plottables;

/// <summary>One legend row: a sample of the line (and marker) and its text.</summary>
internal sealed record LegendItem(string Label, Rendering.Pen Line, Color MarkerColor, float MarkerSize);
