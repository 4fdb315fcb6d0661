using GradRepl.Plotting.Pyplot;
using SkiaSharp;

namespace GradRepl.Plotting.Tests.Support;

/// <summary>The lab's two figures, built the way the lessons build them (plot, plot, xlabel, legend).</summary>
internal static class LabFigures
{
    /// <summary>torch.linspace(-10, 10, n) in float32, widened to double as the prelude hands it over.</summary>
    public static double[] Linspace(int n) =>
        Enumerable.Range(0, n).Select(i => (double)(float)(-10 + (20.0 * i / (n - 1)))).ToArray();

    /// <summary>Figure 1: y = x² and its derivative 2x on linspace(-10, 10, 10).</summary>
    public static Figure Square()
    {
        var x = Linspace(10);
        return Lab(x, x.Select(v => v * v).ToArray(), x.Select(v => 2 * v).ToArray());
    }

    /// <summary>Figure 2: relu(x) and its derivative (0 for x ≤ 0, 1 above) on linspace(-10, 10, 1000).</summary>
    public static Figure Relu()
    {
        var x = Linspace(1000);
        return Lab(x, x.Select(v => Math.Max(v, 0)).ToArray(), x.Select(v => v > 0 ? 1.0 : 0.0).ToArray());
    }

    /// <summary>The rendered figure's pixels.</summary>
    public static SKBitmap Rasterize(Figure figure) => SKBitmap.Decode(figure.GetImageBytes(Plotting.Output.ImageFileFormat.Png));

    private static Figure Lab(double[] x, double[] f, double[] df)
    {
        var figure = new Figure();
        var axes = figure.CurrentAxes;
        AxesCalls.Plot(axes, x, f, label: "function");
        AxesCalls.Plot(axes, x, df, label: "derivative");
        axes.XLabel("x");
        axes.ShowLegend();
        figure.UseBestLegendLocation(axes);
        return figure;
    }
}
