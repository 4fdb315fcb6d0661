using GradRepl.Plotting;
using GradRepl.Tensors;

namespace GradRepl.Prelude;

public sealed partial class ScriptGlobals
{
    private const int FigureWidth = 640;
    private const int FigureHeight = 480;

    private Plot? _figure;
    private int _shownFigures;

    /// <summary>Starts a new current figure (matplotlib's <c>plt.figure()</c>) and returns it for further styling.</summary>
    public Plot figure() => _figure = new Plot();

    /// <summary>Adds a line through the points (x[i], y[i]) to the current figure, like <c>plt.plot(x, y, label=...)</c>.</summary>
    /// <param name="x">X values (detached and copied; any shape, flattened).</param>
    /// <param name="y">Y values, as many as <paramref name="x"/>.</param>
    /// <param name="label">Legend text.</param>
    public void plot(Tensor x, Tensor y, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        plot(x.detach().ToArray(), y.detach().ToArray(), label);
    }

    /// <summary>Adds a line through the points (x[i], y[i]) to the current figure, like <c>plt.plot(x, y, label=...)</c>.</summary>
    /// <param name="x">X values.</param>
    /// <param name="y">Y values, as many as <paramref name="x"/>.</param>
    /// <param name="label">Legend text.</param>
    public void plot(double[] x, double[] y, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x and y must have the same length, but have {x.Length} and {y.Length} elements");
        }

        var line = CurrentFigure.Add.Scatter(x, y);
        if (label is not null) line.LegendText = label;
    }

    /// <summary>
    /// Adds a line through the points (x[i], y[i]) to the current figure, for arrays of any numeric type, e.g. what
    /// <c>x.detach().numpy()</c> returns, as in <c>plot(x.detach().numpy(), y.detach().numpy(), label: "f")</c>.
    /// </summary>
    /// <param name="x">X values (1-D numeric array).</param>
    /// <param name="y">Y values, as many as <paramref name="x"/>.</param>
    /// <param name="label">Legend text.</param>
    public void plot(Array x, Array y, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        plot(ToDoubles(x), ToDoubles(y), label);
    }

    /// <summary>Adds a line through (i, y[i]) to the current figure, like <c>plt.plot(y)</c>.</summary>
    /// <param name="y">Y values; x runs 0, 1, 2, ...</param>
    /// <param name="label">Legend text.</param>
    public void plot(Tensor y, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        var ys = y.detach().ToArray();
        plot(Enumerable.Range(0, ys.Length).Select(i => (double)i).ToArray(), ys, label);
    }

    /// <summary>Sets the current figure's x-axis label.</summary>
    /// <param name="text">The label.</param>
    public void xlabel(string text) => CurrentFigure.XLabel(text);

    /// <summary>Sets the current figure's y-axis label.</summary>
    /// <param name="text">The label.</param>
    public void ylabel(string text) => CurrentFigure.YLabel(text);

    /// <summary>Sets the current figure's title.</summary>
    /// <param name="text">The title.</param>
    public void title(string text) => CurrentFigure.Title(text);

    /// <summary>Shows a legend with the labels given to <c>plot</c>.</summary>
    public void legend() => CurrentFigure.ShowLegend();

    /// <summary>
    /// Saves the current figure, 640x480: SVG when <paramref name="path"/> ends in <c>.svg</c>, else PNG.
    /// A relative path is relative to the working directory.
    /// </summary>
    /// <param name="path">Where to save.</param>
    public void savefig(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)) CurrentFigure.SaveSvg(path, FigureWidth, FigureHeight);
        else CurrentFigure.SavePng(path, FigureWidth, FigureHeight);
    }

    /// <summary>
    /// Shows the current figure: saves it as <c>&lt;out&gt;/&lt;script&gt;-&lt;n&gt;.png</c> (out is <c>--out</c>, default
    /// <c>plots</c>), prints the path, and in an interactive terminal draws a preview. The next <c>plot</c> starts a new figure.
    /// </summary>
    public void show()
    {
        if (_figure is null) return;
        var figure = _figure;
        _figure = null;
        Show(figure);
    }

    /// <summary>
    /// Shows <paramref name="figure"/> like <c>show()</c> shows the current figure: saves it as the next
    /// <c>&lt;out&gt;/&lt;script&gt;-&lt;n&gt;.png</c>, prints the path, and in an interactive terminal draws a preview.
    /// </summary>
    /// <param name="figure">A plot, e.g. the one <c>figure()</c> returned.</param>
    public void show(Plot figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (ReferenceEquals(figure, _figure)) _figure = null;
        Show(figure);
    }

    private void Show(Plot figure)
    {
        _shownFigures++;
        var path = Path.Combine(_environment.PlotDirectory, $"{_environment.ScriptName}-{_shownFigures}.png");
        _environment.CreatePlotDirectory();
        figure.SavePng(path, FigureWidth, FigureHeight);

        var output = _environment.Output;
        if (output.IsInteractive)
        {
            var (columns, rows) = output.TerminalSize;
            output.Out.Write(figure.RenderTerminal(Math.Min(columns, 100), Math.Clamp(rows - 4, 10, 30), output.SupportsColor));
            output.Out.Write('\n');
        }

        WriteLine($"Figure saved to {path}");
    }

    private static double[] ToDoubles(Array values)
    {
        var result = new double[values.Length];
        int i = 0;
        foreach (var value in values) result[i++] = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    private Plot CurrentFigure => _figure ??= new Plot();
}
