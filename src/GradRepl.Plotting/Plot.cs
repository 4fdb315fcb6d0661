using GradRepl.Plotting.Plottables;
using GradRepl.Plotting.Rendering;

namespace GradRepl.Plotting;

/// <summary>
/// A figure with one set of axes, shaped like ScottPlot 5 and drawn with matplotlib's default look:
/// <code>
/// var plt = new Plot();
/// var s = plt.Add.Scatter(xs, ys);
/// s.LegendText = "function";
/// plt.XLabel("x");
/// plt.ShowLegend();
/// plt.SavePng("plot.png");
/// </code>
/// A plot is not thread-safe while being changed; rendering never changes it.
/// </summary>
public sealed partial class Plot
{
    private readonly List<IPlottable> _plottables = [];

    /// <summary>Creates an empty plot.</summary>
    public Plot()
    {
        Add = new PlottableAdder(this);
        Axes = new AxisManager(this);
    }

    /// <summary>Adds series: <c>plt.Add.Scatter(xs, ys)</c>.</summary>
    public PlottableAdder Add { get; }

    /// <summary>The axis limits.</summary>
    public AxisManager Axes { get; }

    /// <summary>The legend (hidden until <see cref="ShowLegend"/>).</summary>
    public Legend Legend { get; } = new();

    /// <summary>The title above the axes, or null.</summary>
    public string? TitleText { get; private set; }

    /// <summary>The label under the x axis, or null.</summary>
    public string? XLabelText { get; private set; }

    /// <summary>The label beside the y axis, or null.</summary>
    public string? YLabelText { get; private set; }

    /// <summary>The series added so far, in drawing order.</summary>
    public IReadOnlyList<Scatter> Series => _plottables.OfType<Scatter>().ToList();

    internal IReadOnlyList<IPlottable> Plottables => _plottables;

    /// <summary>Sets the title drawn above the axes (null or empty removes it).</summary>
    public void Title(string? text) => TitleText = NullIfEmpty(text);

    /// <summary>Sets the label under the x axis (null or empty removes it).</summary>
    public void XLabel(string? text) => XLabelText = NullIfEmpty(text);

    /// <summary>Sets the label beside the y axis (null or empty removes it).</summary>
    public void YLabel(string? text) => YLabelText = NullIfEmpty(text);

    /// <summary>Shows the legend: one entry per series with a <see cref="Scatter.LegendText"/>.</summary>
    /// <returns>The legend, to choose its location.</returns>
    public Legend ShowLegend()
    {
        Legend.IsVisible = true;
        return Legend;
    }

    /// <summary>Hides the legend.</summary>
    public void HideLegend() => Legend.IsVisible = false;

    internal void AddPlottable(IPlottable plottable) => _plottables.Add(plottable);

    internal RenderPack Render(ICanvas canvas) => RenderPipeline.Render(this, canvas);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
