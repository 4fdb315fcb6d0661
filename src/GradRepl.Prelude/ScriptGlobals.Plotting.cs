using System.ComponentModel;
using GradRepl.Plotting;
using GradRepl.Plotting.Pyplot;
using GradRepl.Plotting.Terminal;
using ScottPlot;

namespace GradRepl.Prelude;

// matplotlib's pyplot: a current figure and a current axes, each call forwarded to the current axes, a ScottPlot Plot
public sealed partial class ScriptGlobals
{
    private Figure? _figure;
    private int _shownFigures;

    /// <summary>Starts a new current figure, 640x480 (matplotlib's <c>plt.figure()</c>), and returns it.</summary>
    public static Figure figure() => Current._figure = new Figure();

    /// <summary>The current figure (<c>plt.gcf()</c>), made when there is none.</summary>
    public static Figure gcf() => Current.CurrentFigure;

    /// <summary>
    /// The current axes as a ScottPlot <see cref="Plot"/> (<c>plt.gca()</c>), for any ScottPlot call:
    /// <c>gca().Add.Arrow(0, 0, 1, 1)</c>.
    /// </summary>
    public static Plot gca() => Current.CurrentFigure.CurrentAxes;

    /// <summary>Plots y against x like <c>plt.plot(x, y, fmt, label=...)</c>; a format string such as <c>"rx"</c>, <c>"b--"</c> or <c>"o-"</c> picks colour, marker and line.</summary>
    /// <param name="x">X values: a tensor (detached), an array or a list.</param>
    /// <param name="y">Y values, as many as <paramref name="x"/>; NaN and infinities leave gaps.</param>
    /// <param name="fmt">matplotlib's format string; empty for a line in the next colour.</param>
    /// <param name="label">Legend text.</param>
    public static void plot(PlotData x, PlotData y, string fmt = "", string? label = null) =>
        AxesCalls.Plot(gca(), x.Values, y.Values, fmt, label);

    /// <summary>Plots y against x like <c>plt.plot(x, y, fmt, label=...)</c> (for array literals such as <c>[0.0, 1.0]</c>).</summary>
    /// <param name="x">X values.</param>
    /// <param name="y">Y values, as many as <paramref name="x"/>.</param>
    /// <param name="fmt">matplotlib's format string.</param>
    /// <param name="label">Legend text.</param>
    public static void plot(double[] x, double[] y, string fmt = "", string? label = null) => plot((PlotData)x, (PlotData)y, fmt, label);

    /// <summary>Plots y against 0, 1, 2, ... like <c>plt.plot(y)</c>.</summary>
    /// <param name="y">Y values.</param>
    /// <param name="fmt">matplotlib's format string.</param>
    /// <param name="label">Legend text.</param>
    public static void plot(PlotData y, string fmt = "", string? label = null)
    {
        var xs = new double[y.Values.Length];
        for (var i = 0; i < xs.Length; i++) xs[i] = i;
        AxesCalls.Plot(gca(), xs, y.Values, fmt, label);
    }

    /// <summary>Draws a marker at each (x[i], y[i]), like <c>plt.scatter(x, y)</c>.</summary>
    /// <param name="x">X values.</param>
    /// <param name="y">Y values, as many as <paramref name="x"/>.</param>
    /// <param name="label">Legend text.</param>
    public static void scatter(PlotData x, PlotData y, string? label = null) => AxesCalls.Scatter(gca(), x.Values, y.Values, label);

    /// <summary>A histogram of the values in <paramref name="bins"/> equal bins, like <c>plt.hist(x, bins)</c>.</summary>
    /// <param name="x">The values (non-finite ones are left out).</param>
    /// <param name="bins">How many bins.</param>
    /// <param name="label">Legend text.</param>
    /// <returns>The count in each bin.</returns>
    public static int[] hist(PlotData x, int bins = 10, string? label = null) => AxesCalls.Hist(gca(), x.Values, bins, label).Counts;

    /// <summary>A bar of height <c>height[i]</c> centred on each <c>x[i]</c>, like <c>plt.bar(x, height)</c>.</summary>
    /// <param name="x">Bar positions.</param>
    /// <param name="height">Bar heights.</param>
    /// <param name="width">Bar width in data units.</param>
    /// <param name="label">Legend text.</param>
    public static void bar(PlotData x, PlotData height, double width = 0.8, string? label = null) =>
        AxesCalls.Bar(gca(), x.Values, height.Values, width, label);

    /// <summary>Makes axes <paramref name="index"/> (1-based, row by row) of a rows x cols grid current, like <c>plt.subplot(2, 1, 1)</c>.</summary>
    /// <param name="rows">Rows of the grid.</param>
    /// <param name="cols">Columns of the grid.</param>
    /// <param name="index">Which cell, from 1.</param>
    /// <returns>The axes.</returns>
    public static Plot subplot(int rows, int cols, int index) => Current.CurrentFigure.Subplot(rows, cols, index);

    /// <summary>A new figure with a rows x cols grid of axes, like <c>fig, axs = plt.subplots(rows, cols)</c>.</summary>
    /// <param name="rows">Rows of the grid.</param>
    /// <param name="cols">Columns of the grid.</param>
    /// <returns>The figure and its axes, row by row; the first is current.</returns>
    public static (Figure fig, Plot[] axs) subplots(int rows = 1, int cols = 1)
    {
        var fig = figure();
        var axs = new Plot[rows * cols];
        for (var i = axs.Length; i >= 1; i--) axs[i - 1] = fig.Subplot(rows, cols, i);
        return (fig, axs);
    }

    /// <summary>Fixes the x range of the current axes, like <c>plt.xlim(left, right)</c>.</summary>
    /// <param name="left">Left limit.</param>
    /// <param name="right">Right limit.</param>
    public static void xlim(double left, double right) => gca().Axes.SetLimitsX(left, right);

    /// <summary>Fixes the y range of the current axes, like <c>plt.ylim(bottom, top)</c>.</summary>
    /// <param name="bottom">Bottom limit.</param>
    /// <param name="top">Top limit.</param>
    public static void ylim(double bottom, double top) => gca().Axes.SetLimitsY(bottom, top);

    /// <summary>Shows or hides grid lines at the ticks, like <c>plt.grid()</c>.</summary>
    /// <param name="visible">False hides them.</param>
    public static void grid(bool visible = true) => AxesCalls.Grid(gca(), visible);

    /// <summary>A horizontal line across the axes at y, like <c>plt.axhline(y)</c>.</summary>
    /// <param name="y">Where.</param>
    /// <param name="fmt">Colour and line style as in a format string, e.g. <c>"k--"</c>.</param>
    public static void axhline(double y = 0, string fmt = "") => AxesCalls.AxHLine(gca(), y, fmt);

    /// <summary>A vertical line across the axes at x, like <c>plt.axvline(x)</c>.</summary>
    /// <param name="x">Where.</param>
    /// <param name="fmt">Colour and line style as in a format string.</param>
    public static void axvline(double x = 0, string fmt = "") => AxesCalls.AxVLine(gca(), x, fmt);

    /// <summary>Writes text starting at (x, y) in data coordinates, like <c>plt.text(x, y, s)</c>.</summary>
    /// <param name="x">X of the text's left end.</param>
    /// <param name="y">Y of its baseline.</param>
    /// <param name="s">The text.</param>
    public static void text(double x, double y, string s) => AxesCalls.Text(gca(), x, y, s);

    /// <summary>Shows a 2-D tensor or array as an image (viridis, row 0 at the top) with a colour bar, like <c>plt.imshow(a)</c>.</summary>
    /// <param name="values">A 2-D tensor or array.</param>
    public static void imshow(PlotData values) => AxesCalls.ImShow(gca(), values.To2D("imshow's input"));

    /// <summary>Lines of constant Z over the grid X, Y (e.g. from <c>torch.meshgrid</c>), like <c>plt.contour(X, Y, Z)</c>.</summary>
    /// <param name="X">X of each grid point (2-D).</param>
    /// <param name="Y">Y of each grid point (2-D, same shape).</param>
    /// <param name="Z">The value at each grid point (2-D, same shape).</param>
    /// <param name="levels">About how many levels.</param>
    public static void contour(PlotData X, PlotData Y, PlotData Z, int levels = 8) =>
        AxesCalls.Contour(gca(), X.To2D("X"), Y.To2D("Y"), Z.To2D("Z"), levels);

    /// <summary>Lines of constant Z over the grid of its indices, like <c>plt.contour(Z)</c>.</summary>
    /// <param name="Z">The values (2-D).</param>
    /// <param name="levels">About how many levels.</param>
    public static void contour(PlotData Z, int levels = 8)
    {
        var z = Z.To2D("Z");
        int rows = z.GetLength(0), columns = z.GetLength(1);
        var x = new double[rows, columns];
        var y = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++) (x[r, c], y[r, c]) = (c, r);
        }

        AxesCalls.Contour(gca(), x, y, z, levels);
    }

    /// <summary>Sets the current axes' x-axis label.</summary>
    /// <param name="text">The label.</param>
    public static void xlabel(string text) => gca().XLabel(text);

    /// <summary>Sets the current axes' y-axis label.</summary>
    /// <param name="text">The label.</param>
    public static void ylabel(string text) => gca().YLabel(text);

    /// <summary>Sets the current axes' title.</summary>
    /// <param name="text">The title.</param>
    public static void title(string text) => gca().Title(text);

    /// <summary>Shows a legend with the labels given to <c>plot</c>, placed where it covers the least data (matplotlib's "best").</summary>
    public static void legend()
    {
        var figure = Current.CurrentFigure;
        var axes = figure.CurrentAxes;
        axes.ShowLegend();
        figure.UseBestLegendLocation(axes);
    }

    /// <summary>Forgets the current figure, like <c>plt.close()</c>; the next call starts a new one.</summary>
    public static void close() => Current._figure = null;

    /// <summary>
    /// Saves the current figure in the format its extension names (<c>.png .svg .jpg .webp</c>), like
    /// <c>plt.savefig(path)</c>. A relative path is relative to the working directory; parent directories are made.
    /// </summary>
    /// <param name="path">Where to save.</param>
    public static void savefig(string path) => Current.CurrentFigure.Save(path);

    /// <summary>
    /// Shows the current figure: saves it as <c>&lt;out&gt;/&lt;script&gt;-&lt;n&gt;.png</c> (out is <c>--out</c>, default
    /// <c>plots</c>), prints the path, and in an interactive terminal draws the image (kitty, iTerm2 or sixel terminals;
    /// <c>GRADREPL_IMAGES</c> overrides the detection) or else a braille preview. The next call starts a new figure.
    /// </summary>
    public static void show() => Current.ShowCurrentFigure();

    /// <summary>Shows <paramref name="figure"/> as <c>show()</c> shows the current one.</summary>
    /// <param name="figure">A figure, e.g. the one <c>figure()</c> returned.</param>
    public static void show(Figure figure) => Current.ShowFigure(figure);

    /// <summary>Shows a value the REPL printed if it is a figure or an axes; false for anything else.</summary>
    /// <param name="value">The REPL's trailing value.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool TryShowFigure(object? value)
    {
        // by type name: a test on ScottPlot's type would load ScottPlot for every value the REPL shows
        if (value is Figure figure)
        {
            ShowFigure(figure);
            return true;
        }

        if (value?.GetType().FullName == "ScottPlot.Plot")
        {
            ShowAxes(value);
            return true;
        }

        return false;
    }

    private void ShowAxes(object axes)
    {
        // an axes shown on its own: the figure holding it when it is the current one's, else the axes alone
        var plot = (Plot)axes;
        if (_figure is { } current && current.Axes.Contains(plot)) ShowFigure(current);
        else Show(Figure.Of(plot));
    }

    private void ShowCurrentFigure()
    {
        if (_figure is { } current) ShowFigure(current);
    }

    private void ShowFigure(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (ReferenceEquals(figure, _figure)) _figure = null;
        Show(figure);
    }

    private void Show(Figure figure)
    {
        _shownFigures++;
        var path = Path.Combine(_environment.PlotDirectory, $"{_environment.ScriptName}-{_shownFigures}.png");
        _environment.CreatePlotDirectory();
        figure.Save(path);

        var output = _environment.Output;
        if (output.IsInteractive)
        {
            output.Out.Write(TerminalPicture(figure, output));
            output.Out.Write('\n');
        }

        WriteLine($"Figure saved to {path}");
    }

    /// <summary>The figure as the terminal can show it: the image itself where it speaks an image protocol, else the braille preview.</summary>
    private static string TerminalPicture(Figure figure, IScriptOutput output)
    {
        var terminal = output.Terminal;
        var protocol = terminal is null ? TerminalImageProtocol.None : TerminalImageDetection.Detect(terminal);
        if (protocol == TerminalImageProtocol.None)
        {
            var (columns, rows) = output.TerminalSize;
            return figure.RenderTerminal(Math.Clamp(columns, 20, 100), Math.Clamp(rows - 4, 10, 30), output.SupportsColor);
        }

        var image = figure.RenderTerminalImage(protocol);
        // sixel needs no wrapping: tmux 3.4 and later draw sixel themselves
        return terminal!.InsideTmux && protocol != TerminalImageProtocol.Sixel ? TmuxPassthrough.Wrap(image) : image;
    }

    private Figure CurrentFigure => _figure ??= new Figure();
}
