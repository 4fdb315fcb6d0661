using GradRepl.Plotting.Pyplot;
using GradRepl.Plotting.Style;
using GradRepl.Plotting.Tests.Support;
using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting.Tests.Pyplot;

/// <summary>
/// <c>plot</c> of more than 10,000 sorted points draws a SignalXY, which keeps a few points per pixel column: the
/// image must still be the line's, and gaps left by NaN must stay.
/// </summary>
public sealed class DecimationTests
{
    private const int N = 1_000_000;

    [Fact]
    public void Plot_MillionNoisyPoints_LooksLikeTheSameLineDrawnInFull()
    {
        var (xs, ys) = NoisySine();
        var decimated = new Figure();
        Assert.IsType<ScottPlot.Plottables.SignalXY>(Assert.Single(AxesCalls.Plot(decimated.CurrentAxes, xs, ys)));
        var full = new Figure();
        var line = full.CurrentAxes.Add.ScatterLine(xs, ys, ScottPlot.Color.FromHex("#1f77b4"));
        line.LineWidth = MatplotlibStyle.LineWidth;

        using var a = LabFigures.Rasterize(decimated);
        using var b = LabFigures.Rasterize(full);

        Assert.Equal(full.CurrentAxes.Axes.GetLimits(), decimated.CurrentAxes.Axes.GetLimits());
        var (mean, differing) = Difference(a, b);
        Assert.True(mean <= 1.0, $"mean difference {mean:F3} of 255 per channel");
        Assert.True(differing <= 0.01, $"{differing:P2} of the pixels differ by more than 64");
    }

    [Fact]
    public void Plot_MillionPointsWithNaNs_GapStaysEmptyAndBothSidesDrawn()
    {
        var (xs, ys) = NoisySine();
        for (var i = 400_000; i < 600_000; i++)
        {
            ys[i] = double.NaN;
        }

        var figure = new Figure();
        var axes = figure.CurrentAxes;
        var made = AxesCalls.Plot(axes, xs, ys);
        using var image = LabFigures.Rasterize(figure);

        Assert.Equal(2, made.Count);
        Assert.All(made, p => Assert.IsType<ScottPlot.Plottables.SignalXY>(p));
        var rect = figure.DataRect(axes);
        var gapLeft = axes.GetPixel(new Coordinates(xs[400_000], 0)).X + 3;
        var gapRight = axes.GetPixel(new Coordinates(xs[599_999], 0)).X - 3;
        Assert.Equal(0, ImageProbe.CountInk(image, gapLeft, rect.Top + 2, gapRight, rect.Bottom - 2));
        Assert.True(ImageProbe.CountInk(image, rect.Left + 2, rect.Top + 2, gapLeft - 6, rect.Bottom - 2) > 1000, "left of the gap");
        Assert.True(ImageProbe.CountInk(image, gapRight + 6, rect.Top + 2, rect.Right - 2, rect.Bottom - 2) > 1000, "right of the gap");
    }

    /// <summary>A sine with dense noise: every pixel column holds a vertical band of thousands of points.</summary>
    private static (double[] X, double[] Y) NoisySine()
    {
        var xs = new double[N];
        var ys = new double[N];
        var state = 12345u;
        for (var i = 0; i < N; i++)
        {
            state = (state * 1664525) + 1013904223;
            xs[i] = i * 1e-5;
            ys[i] = Math.Sin(xs[i]) + ((state >> 8) * (0.1 / (1 << 24)));
        }

        return (xs, ys);
    }

    /// <summary>Mean absolute difference per channel (0-255), and the share of pixels differing by more than 64 in a channel.</summary>
    private static (double Mean, double Differing) Difference(SKBitmap a, SKBitmap b)
    {
        long sum = 0, differing = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                SKColor p = a.GetPixel(x, y), q = b.GetPixel(x, y);
                int dr = Math.Abs(p.Red - q.Red), dg = Math.Abs(p.Green - q.Green), db = Math.Abs(p.Blue - q.Blue);
                sum += dr + dg + db;
                if (Math.Max(dr, Math.Max(dg, db)) > 64)
                {
                    differing++;
                }
            }
        }

        var pixels = (double)a.Width * a.Height;
        return (sum / (3 * pixels), differing / pixels);
    }
}
