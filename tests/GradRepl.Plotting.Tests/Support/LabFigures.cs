using GradRepl.Plotting.Backends.Png;
using GradRepl.Plotting.Rendering;

namespace GradRepl.Plotting.Tests.Support;

/// <summary>The lab's two figures, built the way the lessons build them.</summary>
internal static class LabFigures
{
    /// <summary>torch.linspace(-10, 10, n) in float32, widened to double as the prelude hands it over.</summary>
    public static double[] Linspace(int n) =>
        Enumerable.Range(0, n).Select(i => (double)(float)(-10 + (20.0 * i / (n - 1)))).ToArray();

    /// <summary>Figure 1: y = x² and its derivative 2x on linspace(-10, 10, 10).</summary>
    public static Plot Square()
    {
        var x = Linspace(10);
        var plt = new Plot();
        plt.Add.Scatter(x, x.Select(v => v * v).ToArray()).LegendText = "function";
        plt.Add.Scatter(x, x.Select(v => 2 * v).ToArray()).LegendText = "derivative";
        plt.XLabel("x");
        plt.ShowLegend();
        return plt;
    }

    /// <summary>Figure 2: relu(x) and its derivative (0 for x ≤ 0, 1 above) on linspace(-10, 10, 1000).</summary>
    public static Plot Relu()
    {
        var x = Linspace(1000);
        var plt = new Plot();
        plt.Add.Scatter(x, x.Select(v => Math.Max(v, 0)).ToArray()).LegendText = "function";
        plt.Add.Scatter(x, x.Select(v => v > 0 ? 1.0 : 0.0).ToArray()).LegendText = "derivative";
        plt.XLabel("x");
        plt.ShowLegend();
        return plt;
    }

    public static (RgbImage Image, RenderPack Pack) Rasterize(Plot plot, int width = 640, int height = 480)
    {
        var canvas = new PngCanvas(width, height);
        var pack = plot.Render(canvas);
        return (canvas.Image, pack);
    }
}
