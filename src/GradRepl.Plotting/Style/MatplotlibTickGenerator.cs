using GradRepl.Plotting.TickGenerators;
using ScottPlot;

namespace GradRepl.Plotting.Style;

/// <summary>ScottPlot's tick generator slot filled with matplotlib's locator and labels (Unicode minus, invariant culture).</summary>
internal sealed class MatplotlibTickGenerator : ITickGenerator
{
    /// <inheritdoc/>
    public Tick[] Ticks { get; set; } = [];

    /// <inheritdoc/>
    public int MaxTickCount { get; set; } = 1000;

    /// <inheritdoc/>
    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        var vertical = edge is Edge.Left or Edge.Right;
        var budget = NumericTickGenerator.IntervalBudget(size.Length, MatplotlibStyle.FontSize, vertical);
        var positions = NumericTickGenerator.Positions(range.Min, range.Max, budget);
        var labels = TickLabelFormatter.Format(positions);
        var ticks = new Tick[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            ticks[i] = Tick.Major(positions[i], labels[i]);
        }

        Ticks = ticks;
    }
}
