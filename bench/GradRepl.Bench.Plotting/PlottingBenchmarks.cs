using BenchmarkDotNet.Attributes;
using GradRepl.Plotting;
using GradRepl.Plotting.Output;
using GradRepl.Plotting.Pyplot;

namespace GradRepl.Bench.Plotting;

/// <summary>
/// The same work as bench/plotting_matplotlib.py: figures are built once, each operation renders and encodes
/// from scratch (matplotlib's savefig redraws the figure every time too).
/// </summary>
public class PlottingBenchmarks
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gradrepl-bench-{Environment.ProcessId}.png");
    private Figure _twoSeries = null!;
    private Figure _million = null!;

    [GlobalSetup]
    public void Setup()
    {
        // two 1000-point series, like the ReLU lab figure but with curves that exercise joins everywhere
        var x = Enumerable.Range(0, 1000).Select(i => -10 + (20.0 * i / 999)).ToArray();
        _twoSeries = new Figure();
        var axes = _twoSeries.CurrentAxes;
        AxesCalls.Plot(axes, x, x.Select(Math.Sin).ToArray(), label: "function");
        AxesCalls.Plot(axes, x, x.Select(Math.Cos).ToArray(), label: "derivative");
        axes.XLabel("x");
        axes.ShowLegend();
        _twoSeries.UseBestLegendLocation(axes);

        // one 1,000,000-point series: a sine with deterministic noise
        var n = 1_000_000;
        var xs = new double[n];
        var ys = new double[n];
        var state = 12345u;
        for (var i = 0; i < n; i++)
        {
            state = (state * 1664525) + 1013904223;
            xs[i] = i * 1e-5;
            ys[i] = Math.Sin(xs[i]) + ((state >> 8) * (0.1 / (1 << 24)));
        }

        _million = new Figure();
        AxesCalls.Plot(_million.CurrentAxes, xs, ys);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>matplotlib: fig.savefig('x.png') of two 1000-point lines, 640x480.</summary>
    [Benchmark]
    public void SavePng_TwoSeries1000() => _twoSeries.Save(_path);

    /// <summary>matplotlib: fig.savefig('x.png') of one 1,000,000-point line, 640x480.</summary>
    [Benchmark]
    public void SavePng_MillionPoints() => _million.Save(_path);

    /// <summary>Rendering and encoding without the file system.</summary>
    [Benchmark]
    public byte[] GetPngBytes_MillionPoints() => _million.GetImageBytes(ImageFileFormat.Png);

    /// <summary>The SVG of the two-series figure.</summary>
    [Benchmark]
    public byte[] GetSvgXml_TwoSeries1000() => _twoSeries.GetImageBytes(ImageFileFormat.Svg);

    /// <summary>The 80x24 terminal preview of the two-series figure.</summary>
    [Benchmark]
    public string RenderTerminal_TwoSeries1000() => _twoSeries.RenderTerminal(80, 24, color: true);
}
