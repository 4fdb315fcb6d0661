using GradRepl.Plotting.Style;
using ScottPlot;
using ScottPlot.Plottables;

namespace GradRepl.Plotting.Pyplot;

/// <summary>
/// matplotlib's axes calls (<c>ax.plot</c>, <c>ax.scatter</c>, <c>ax.hist</c>, ...) as ScottPlot plottables on an axes
/// (a <see cref="Plot"/>), sized and coloured as matplotlib draws them. Data is copied; non-finite points leave gaps.
/// </summary>
public static class AxesCalls
{
    // a sorted line longer than this is drawn as a SignalXY, which keeps a few points per pixel column
    private const int DecimateAbove = 10_000;

    /// <summary><c>plot(x, y, fmt, label=...)</c>: a line, markers or both, as the format string says.</summary>
    /// <returns>The plottables made: one per run of finite points.</returns>
    /// <exception cref="ArgumentException">The lengths differ (both named), or the format string is not valid (the character named).</exception>
    public static IReadOnlyList<IPlottable> Plot(Plot axes, double[] x, double[] y, string? format = null, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        CheckLengths(x, y);
        var fmt = FormatString.Parse(format);
        var color = fmt.Color ?? axes.Add.GetNextColor(true);
        var result = new List<IPlottable>();
        foreach (var (start, count) in FiniteRuns(x, y))
        {
            var xs = x.AsSpan(start, count).ToArray();
            var ys = y.AsSpan(start, count).ToArray();
            var legend = result.Count == 0 ? label : null;
            if (fmt.Marker == MarkerShape.None && count > DecimateAbove && IsAscending(xs))
            {
                var signal = axes.Add.SignalXY(xs, ys, color);
                signal.LineWidth = MatplotlibStyle.LineWidth;
                signal.LinePattern = fmt.Line ?? LinePattern.Solid;
                signal.MarkerSize = 0;
                signal.LegendText = legend ?? string.Empty;
                result.Add(signal);
                continue;
            }

            var scatter = axes.Add.Scatter(xs, ys, color);
            scatter.LineWidth = fmt.Line is null ? 0 : MatplotlibStyle.LineWidth;
            scatter.LinePattern = fmt.Line ?? LinePattern.Solid;
            scatter.MarkerShape = fmt.Marker;
            scatter.MarkerSize = fmt.Marker == MarkerShape.None ? 0 : MatplotlibStyle.MarkerSize * fmt.MarkerScale;
            scatter.MarkerLineWidth = MatplotlibStyle.MarkerEdgeWidth;
            scatter.LegendText = legend ?? string.Empty;
            result.Add(scatter);
        }

        if (result.Count == 0 && label is not null)
        {
            // no finite point: nothing to draw, but the legend still names the series
            var empty = axes.Add.Scatter(Array.Empty<double>(), Array.Empty<double>(), color);
            empty.LineWidth = MatplotlibStyle.LineWidth;
            empty.MarkerSize = 0;
            empty.LegendText = label;
            result.Add(empty);
        }

        return result;
    }

    /// <summary><c>scatter(x, y, label=...)</c>: filled circles of matplotlib's default size (36 pt²), no line.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Scatter Scatter(Plot axes, double[] x, double[] y, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        CheckLengths(x, y);
        var scatter = axes.Add.ScatterPoints((double[])x.Clone(), (double[])y.Clone(), axes.Add.GetNextColor(true));
        scatter.MarkerShape = MarkerShape.FilledCircle;
        scatter.MarkerSize = MatplotlibStyle.MarkerSize;
        scatter.LegendText = label ?? string.Empty;
        return scatter;
    }

    /// <summary><c>hist(values, bins)</c>: counts in <paramref name="bins"/> equal bins from the smallest to the largest finite value.</summary>
    /// <returns>The bars and the counts per bin.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 1.</exception>
    public static (BarPlot Bars, int[] Counts) Hist(Plot axes, double[] values, int bins = 10, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(values);
        if (bins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, $"`bins` must be positive, when an integer, got {bins}");
        }

        var finite = values.Where(double.IsFinite).ToArray();
        double min = finite.Length == 0 ? 0 : finite.Min(), max = finite.Length == 0 ? 1 : finite.Max();
        if (min == max)
        {
            (min, max) = (min - 0.5, max + 0.5); // matplotlib's range for a constant sample
        }

        var width = (max - min) / bins;
        var counts = new int[bins];
        foreach (var v in finite)
        {
            // the last bin includes its right edge, as numpy.histogram's does
            counts[Math.Min(bins - 1, (int)((v - min) / width))]++;
        }

        var color = axes.Add.GetNextColor(true);
        var bars = Enumerable.Range(0, bins).Select(i => new Bar
        {
            Position = min + ((i + 0.5) * width),
            Value = counts[i],
            Size = width,
            FillColor = color,
            LineWidth = 0,
        }).ToArray();
        var plot = axes.Add.Bars(bars);
        plot.LegendText = label ?? string.Empty;
        return (plot, counts);
    }

    /// <summary><c>bar(x, height, width=0.8)</c>: one bar per x, centred on it.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static BarPlot Bar(Plot axes, double[] x, double[] height, double width = 0.8, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        CheckLengths(x, height, "x", "height");
        var color = axes.Add.GetNextColor(true);
        var bars = x.Zip(height, (p, h) => new Bar { Position = p, Value = h, Size = width, FillColor = color, LineWidth = 0 }).ToArray();
        var plot = axes.Add.Bars(bars);
        plot.LegendText = label ?? string.Empty;
        return plot;
    }

    /// <summary><c>axhline(y)</c>: a horizontal line across the axes (matplotlib's default colour C0, or the format's).</summary>
    public static HorizontalLine AxHLine(Plot axes, double y, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var fmt = FormatString.Parse(format);
        var line = axes.Add.HorizontalLine(y, MatplotlibStyle.LineWidth, fmt.Color ?? FormatString.Tab10(0), fmt.Line ?? LinePattern.Solid);
        return line;
    }

    /// <summary><c>axvline(x)</c>: a vertical line across the axes.</summary>
    public static VerticalLine AxVLine(Plot axes, double x, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var fmt = FormatString.Parse(format);
        return axes.Add.VerticalLine(x, MatplotlibStyle.LineWidth, fmt.Color ?? FormatString.Tab10(0), fmt.Line ?? LinePattern.Solid);
    }

    /// <summary><c>text(x, y, s)</c>: text whose left end of the baseline is at (x, y) in data coordinates.</summary>
    public static Text Text(Plot axes, double x, double y, string text)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var label = axes.Add.Text(text, x, y);
        label.LabelFontName = EmbeddedFont.Name;
        label.LabelFontSize = MatplotlibStyle.FontSize;
        label.LabelFontColor = Colors.Black;
        label.LabelAlignment = Alignment.LowerLeft;
        return label;
    }

    /// <summary>
    /// <c>imshow(values)</c> for a 2-D array: cells coloured with viridis, row 0 at the top, square cells centred on
    /// integer coordinates, and a colour bar on the right.
    /// </summary>
    public static Heatmap ImShow(Plot axes, double[,] values)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), columns = values.GetLength(1);
        var heatmap = axes.Add.Heatmap((double[,])values.Clone());
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Extent = new CoordinateRect(-0.5, columns - 0.5, rows - 0.5, -0.5);
        // ScottPlot puts row 0 at the extent's top (here y = rows - 0.5, drawn lowest on the flipped axis)
        heatmap.FlipVertically = true;
        axes.Axes.SetLimits(-0.5, columns - 0.5, rows - 0.5, -0.5);
        var bar = axes.Add.ColorBar(heatmap);
        MatplotlibStyle.StyleAxis(bar.Axis);
        bar.Axis.TickGenerator = new MatplotlibTickGenerator();
        return heatmap;
    }

    /// <summary>
    /// <c>contour(X, Y, Z)</c>: lines of constant Z over a grid (e.g. from <c>meshgrid</c>), at about
    /// <paramref name="levels"/> levels, coloured with viridis from low to high.
    /// </summary>
    /// <exception cref="ArgumentException">The grids differ in shape or are smaller than 2x2.</exception>
    public static ContourLines Contour(Plot axes, double[,] x, double[,] y, double[,] z, int levels = 8)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        int rows = z.GetLength(0), columns = z.GetLength(1);
        if (x.GetLength(0) != rows || x.GetLength(1) != columns || y.GetLength(0) != rows || y.GetLength(1) != columns)
        {
            throw new ArgumentException($"Shapes of x ({x.GetLength(0)}, {x.GetLength(1)}), y ({y.GetLength(0)}, {y.GetLength(1)}) and z ({rows}, {columns}) do not match");
        }

        if (rows < 2 || columns < 2)
        {
            throw new ArgumentException($"Input z must be at least a (2, 2) shaped array, but has shape ({rows}, {columns})");
        }

        var grid = new Coordinates3d[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                grid[r, c] = new Coordinates3d(x[r, c], y[r, c], z[r, c]);
            }
        }

        var contour = axes.Add.ContourLines(grid, Math.Max(1, levels));
        contour.Colormap = new ScottPlot.Colormaps.Viridis();
        contour.LineWidth = MatplotlibStyle.LineWidth;
        contour.LabelStyle.IsVisible = false;
        return contour;
    }

    /// <summary><c>grid(True)</c> / <c>grid(False)</c>: matplotlib's light grey grid lines at the major ticks.</summary>
    public static void Grid(Plot axes, bool visible = true)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (!visible)
        {
            axes.HideGrid();
            return;
        }

        axes.ShowGrid();
        axes.Grid.MajorLineColor = new Color(176, 176, 176); // grid.color #b0b0b0
        axes.Grid.MajorLineWidth = MatplotlibStyle.FrameWidth; // grid.linewidth 0.8 pt
    }

    /// <summary>The starts and lengths of the runs of points where both coordinates are finite.</summary>
    private static IEnumerable<(int Start, int Count)> FiniteRuns(double[] x, double[] y)
    {
        var start = -1;
        for (var i = 0; i <= x.Length; i++)
        {
            var finite = i < x.Length && double.IsFinite(x[i]) && double.IsFinite(y[i]);
            if (finite && start < 0)
            {
                start = i;
            }
            else if (!finite && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    private static bool IsAscending(double[] xs)
    {
        for (var i = 1; i < xs.Length; i++)
        {
            if (xs[i] < xs[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckLengths(double[] x, double[] y, string xName = "x", string yName = "y")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"{xName} and {yName} must have same first dimension, but have shapes ({x.Length},) and ({y.Length},)");
        }
    }
}
