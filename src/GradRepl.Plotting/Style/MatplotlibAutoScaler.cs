using ScottPlot;

namespace GradRepl.Plotting.Style;

/// <summary>
/// matplotlib's automatic limits: the data range plus 5% on each side (ScottPlot's <c>Margins(0.05)</c> would give
/// 2.5%), a zero-width range widened first (matplotlib's <c>nonsingular</c>), and (0, 1) with no data.
/// </summary>
internal sealed class MatplotlibAutoScaler : IAutoScaler
{
    public const double Margin = 0.05;

    /// <inheritdoc/>
    public bool InvertedX { get; set; }

    /// <inheritdoc/>
    public bool InvertedY { get; set; }

    /// <inheritdoc/>
    public AxisLimits GetAxisLimits(Plot plot, IXAxis xAxis, IYAxis yAxis)
    {
        var data = AxisLimits.NoLimits;
        foreach (var p in plot.PlottableList)
        {
            if (p.IsVisible && p.Axes.XAxis == xAxis && p.Axes.YAxis == yAxis)
            {
                data = data.ExpandedToInclude(p.GetAxisLimits());
            }
        }

        var (left, right) = Expand(data.Left, data.Right);
        var (bottom, top) = Expand(data.Bottom, data.Top);
        return new AxisLimits(left, right, bottom, top);
    }

    /// <inheritdoc/>
    public void AutoScaleAll(IEnumerable<IPlottable> plottables)
    {
        var list = plottables.ToList();
        foreach (var axes in list.Select(p => p.Axes).Distinct())
        {
            if (axes.XAxis is null || axes.YAxis is null)
            {
                continue;
            }

            var data = AxisLimits.NoLimits;
            foreach (var p in list)
            {
                if (p.IsVisible && p.Axes.XAxis == axes.XAxis && p.Axes.YAxis == axes.YAxis)
                {
                    data = data.ExpandedToInclude(p.GetAxisLimits());
                }
            }

            var (left, right) = Expand(data.Left, data.Right);
            var (bottom, top) = Expand(data.Bottom, data.Top);
            axes.XAxis.Range.Set(InvertedX ? right : left, InvertedX ? left : right);
            axes.YAxis.Range.Set(InvertedY ? top : bottom, InvertedY ? bottom : top);
        }
    }

    /// <summary>One axis: the data's range (min, max), or none when it has no finite data.</summary>
    internal static (double Min, double Max) Expand(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            return (0, 1);
        }

        // nonsingular(): a zero-width range is widened by 5% of its value (or ±0.05 around 0)
        if (max - min <= Math.Max(Math.Abs(min), Math.Abs(max)) * 1e-12)
        {
            (min, max) = min == 0 && max == 0 ? (-0.05, 0.05) : (min - (0.05 * Math.Abs(min)), max + (0.05 * Math.Abs(max)));
        }

        var pad = (max - min) * Margin;
        return double.IsFinite(max - min + (2 * pad)) ? (min - pad, max + pad) : (min, max);
    }
}
