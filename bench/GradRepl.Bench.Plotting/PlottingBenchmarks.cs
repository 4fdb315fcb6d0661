using BenchmarkDotNet.Attributes;
using GradRepl.Plotting;

namespace GradRepl.Bench.Plotting;

/// <summary>
/// The same work as bench/plotting_matplotlib.py: figures are built once, each operation renders and encodes
/// from scratch (matplotlib's savefig redraws the figure every time too).
/// </summary>
public class PlottingBenchmarks
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gradrepl-bench-{Environment.ProcessId}.png");
    private Plot _twoSeries = null!;
    private Plot _million = null!;

    [GlobalSetup]
    public void Setup()
    {
        // two 1000-point series, like the ReLU lab figure but with curves that exercise joins everywhere
        var x = Enumerable.Range(0, 1000).Select(i => -10 + (20.0 * i / 999)).ToArray();
        _twoSeries = new Plot();
        _twoSeries.Add.Scatter(x, x.Select(Math.Sin).ToArray()).LegendText = "function";
        _twoSeries.Add.Scatter(x, x.Select(Math.Cos).ToArray()).LegendText = "derivative";
        _twoSeries.XLabel("x");
        _twoSeries.ShowLegend();

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

        _million = new Plot();
        _million.Add.Scatter(xs, ys);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>matplotlib: fig.savefig('x.png') of two 1000-point lines, 640x480.</summary>
    [Benchmark]
    public void SavePng_TwoSeries1000() => _twoSeries.SavePng(_path);

    /// <summary>matplotlib: fig.savefig('x.png') of one 1,000,000-point line, 640x480.</summary>
    [Benchmark]
    public void SavePng_MillionPoints() => _million.SavePng(_path);

    /// <summary>Rendering and encoding without the file system.</summary>
    [Benchmark]
    public byte[] GetPngBytes_MillionPoints() => _million.GetPngBytes();

    /// <summary>The SVG of the two-series figure.</summary>
    [Benchmark]
    public string GetSvgXml_TwoSeries1000() => _twoSeries.GetSvgXml();

    /// <summary>The 80x24 terminal preview of the two-series figure.</summary>
    [Benchmark]
    public string RenderTerminal_TwoSeries1000() => _twoSeries.RenderTerminal(80, 24, color: true);
}
