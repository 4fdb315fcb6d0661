using GradRepl.Plotting.Pyplot;
using GradRepl.Plotting.Tests.Support;
using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting.Tests.Pyplot;

/// <summary>Each matplotlib call, rendered and looked at.</summary>
public sealed class AxesCallsTests
{
    private static readonly SKColor Red = new(255, 0, 0);
    private static readonly SKColor Grey = new(176, 176, 176);

    [Fact]
    public void Plot_FormatRx_RedCrossesAtThePointsAndNoLine()
    {
        var (figure, axes) = New();
        AxesCalls.Plot(axes, [0.0, 1, 2], [0.0, 2, 1], "rx");
        using var image = Render(figure);

        foreach (var (x, y) in new[] { (0.0, 0.0), (1.0, 2.0), (2.0, 1.0) })
        {
            var p = axes.GetPixel(new Coordinates(x, y));
            Assert.True(ImageProbe.HasColorNear(image, p.X, p.Y, Red, radius: 2), $"no red cross at ({x}, {y})");
        }

        var mid = axes.GetPixel(new Coordinates(0.5, 1));
        Assert.False(ImageProbe.HasColorNear(image, mid.X, mid.Y, Red, radius: 2), "a line between the markers");
    }

    [Fact]
    public void Plot_FormatODash_MarkersAndLineInNextColour()
    {
        var (figure, axes) = New();
        AxesCalls.Plot(axes, [0.0, 1, 2], [0.0, 2, 1], "o-");
        using var image = Render(figure);

        var point = axes.GetPixel(new Coordinates(1, 2));
        var mid = axes.GetPixel(new Coordinates(0.5, 1));
        Assert.Equal(ImageProbe.Blue, image.GetPixel((int)point.X, (int)point.Y));
        // straight above the point only the marker (8 px across) is drawn: the line leaves it downwards
        Assert.True(ImageProbe.HasColorNear(image, point.X, point.Y - 3, ImageProbe.Blue, radius: 0, tolerance: 40), "a marker");
        Assert.True(ImageProbe.HasColorNear(image, mid.X, mid.Y, ImageProbe.Blue, radius: 1, tolerance: 40), "the line");
    }

    [Fact]
    public void Plot_FormatBDashes_DashedPureBlue()
    {
        var (figure, axes) = New();
        AxesCalls.Plot(axes, [0.0, 1], [0.0, 0], "b--");
        using var image = Render(figure);

        var y = (int)axes.GetPixel(new Coordinates(0, 0)).Y;
        var row = Enumerable.Range(100, 400).Select(x => ImageProbe.HasColorNear(image, x, y, new SKColor(0, 0, 255), radius: 0, tolerance: 40)).ToList();
        Assert.True(row.Count(b => b) > 100, "dashes");
        Assert.True(row.Count(b => !b) > 50, "gaps");
    }

    [Fact]
    public void Plot_NaNAndInfinity_LeaveGaps()
    {
        var (figure, axes) = New();
        AxesCalls.Plot(axes, [0.0, 1, 2, 3, 4, 5, 6], [1.0, 1, double.NaN, 1, 1, double.PositiveInfinity, 1]);
        using var image = Render(figure);

        Assert.True(Near(image, axes, 0.5, 1, ImageProbe.Blue));
        Assert.True(Near(image, axes, 3.5, 1, ImageProbe.Blue));
        Assert.False(Near(image, axes, 2, 1, ImageProbe.Blue), "the NaN point leaves a gap");
        Assert.False(Near(image, axes, 5, 1, ImageProbe.Blue), "the infinite point leaves a gap");
    }

    [Fact]
    public void Plot_DifferentLengths_MessageNamesBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => AxesCalls.Plot(new Figure().CurrentAxes, [1.0, 2, 3], [1.0, 2]));

        Assert.Equal("x and y must have same first dimension, but have shapes (3,) and (2,)", e.Message);
    }

    [Fact]
    public void Plot_UnknownFormatCharacter_MessageNamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => AxesCalls.Plot(new Figure().CurrentAxes, [1.0], [1.0], "rz"));

        Assert.Equal("'rz' is not a valid format string (unrecognized character 'z')", e.Message);
    }

    [Fact]
    public void Plot_ConstantSeries_DrawnAcrossTheMiddle()
    {
        var (figure, axes) = New();
        AxesCalls.Plot(axes, [0.0, 1, 2], [3.0, 3, 3]);
        using var image = Render(figure);

        Assert.True(Near(image, axes, 1, 3, ImageProbe.Blue));
        var limits = axes.Axes.GetLimits();
        Assert.Equal(2.835, limits.Bottom, 9);
        Assert.Equal(3.165, limits.Top, 9);
    }

    [Fact]
    public void Plot_MillionSortedPoints_DecimatedSignalStillDrawn()
    {
        var n = 1_000_000;
        var xs = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var ys = xs.Select(x => Math.Sin(x / 100_000)).ToArray();
        var (figure, axes) = New();
        var made = AxesCalls.Plot(axes, xs, ys);
        using var image = Render(figure);

        Assert.IsType<ScottPlot.Plottables.SignalXY>(Assert.Single(made));
        Assert.True(Near(image, axes, n / 2.0, Math.Sin(5), ImageProbe.Blue, radius: 2));
    }

    [Fact]
    public void Scatter_FilledCirclesAtThePointsOnly()
    {
        var (figure, axes) = New();
        AxesCalls.Scatter(axes, [0.0, 1, 2], [0.0, 2, 1]);
        using var image = Render(figure);

        var p = axes.GetPixel(new Coordinates(1, 2));
        Assert.Equal(ImageProbe.Blue, image.GetPixel((int)p.X + 2, (int)p.Y + 2));
        Assert.False(Near(image, axes, 0.5, 1, ImageProbe.Blue), "no line");
    }

    [Fact]
    public void Hist_CountsPerBinAndBarsUpToThem()
    {
        var (figure, axes) = New();
        var (_, counts) = AxesCalls.Hist(axes, [0.0, 0.1, 0.2, 0.9, 1.0, double.NaN], bins: 2);
        using var image = Render(figure);

        Assert.Equal([3, 2], counts);
        Assert.True(Near(image, axes, 0.25, 2.5, ImageProbe.Blue, radius: 0), "first bar reaches 3");
        Assert.False(Near(image, axes, 0.75, 2.5, ImageProbe.Blue, radius: 0), "second bar stops at 2");
        Assert.True(Near(image, axes, 0.75, 1.5, ImageProbe.Blue, radius: 0));
    }

    [Fact]
    public void Bar_BarsCentredOnXUpToTheirHeights()
    {
        var (figure, axes) = New();
        AxesCalls.Bar(axes, [1.0, 2, 3], [3.0, 1, 2]);
        using var image = Render(figure);

        Assert.True(Near(image, axes, 1, 2.8, ImageProbe.Blue, radius: 0));
        Assert.False(Near(image, axes, 2, 1.2, ImageProbe.Blue, radius: 0));
        Assert.False(Near(image, axes, 1.5, 0.5, ImageProbe.Blue, radius: 0), "a gap between bars of width 0.8");
    }

    [Fact]
    public void AxHLineAndAxVLine_LinesAcrossTheAxes()
    {
        var (figure, axes) = New();
        AxesCalls.Plot(axes, [0.0, 10], [0.0, 10], "k");
        AxesCalls.AxHLine(axes, 2, "r--");
        AxesCalls.AxVLine(axes, 7);
        using var image = Render(figure);

        Assert.True(Near(image, axes, 9, 2, Red, radius: 1) || Near(image, axes, 9.2, 2, Red, radius: 1));
        Assert.True(Near(image, axes, 7, 9, ImageProbe.Blue, radius: 1));
        Assert.True(Near(image, axes, 7, 0.5, ImageProbe.Blue, radius: 1));
    }

    [Fact]
    public void Text_InkRightOfItsAnchor()
    {
        var (figure, axes) = New();
        AxesCalls.Plot(axes, [0.0, 10], [0.0, 10], "w");
        AxesCalls.Text(axes, 2, 5, "hello");
        using var image = Render(figure);

        var p = axes.GetPixel(new Coordinates(2, 5));
        Assert.True(ImageProbe.CountInk(image, p.X, p.Y - 14, p.X + 40, p.Y + 2) > 30);
        Assert.Equal(0, ImageProbe.CountInk(image, p.X - 40, p.Y - 14, p.X - 2, p.Y + 2));
    }

    [Fact]
    public void Grid_LightGreyLinesAtTheTicks()
    {
        var (figure, axes) = New();
        AxesCalls.Plot(axes, [0.0, 10], [0.0, 10]);
        var p = axes.GetPixel(new Coordinates(4, 8));
        using (var before = Render(figure))
        {
            p = axes.GetPixel(new Coordinates(4, 8));
            Assert.False(ImageProbe.HasColorNear(before, p.X, p.Y, Grey, radius: 1, tolerance: 30), "no grid before grid()");
        }

        AxesCalls.Grid(axes);
        using var image = Render(figure);
        Assert.True(ImageProbe.HasColorNear(image, p.X, p.Y, Grey, radius: 1, tolerance: 30), "vertical grid line at x = 4");
    }

    [Fact]
    public void ImShow_ViridisCellsRowZeroOnTopAndAColourBar()
    {
        var (figure, axes) = New();
        AxesCalls.ImShow(axes, new double[,] { { 0, 1 }, { 2, 3 } });
        using var image = Render(figure);

        // viridis: dark purple (68, 1, 84) at the minimum, yellow (253, 231, 37) at the maximum
        var top = axes.GetPixel(new Coordinates(0, 0));
        var bottom = axes.GetPixel(new Coordinates(1, 1));
        Assert.True(top.Y < bottom.Y, "row 0 is drawn above row 1");
        Assert.True(ImageProbe.Distance(image.GetPixel((int)top.X, (int)top.Y), new SKColor(68, 1, 84)) < 40);
        Assert.True(ImageProbe.Distance(image.GetPixel((int)bottom.X, (int)bottom.Y), new SKColor(253, 231, 37)) < 40);
        var rightOfAxes = (int)figure.DataRect(axes).Right + 20;
        Assert.True(Enumerable.Range(60, 360).Any(y => ImageProbe.Distance(image.GetPixel(rightOfAxes, y), new SKColor(253, 231, 37)) < 40), "colour bar");
    }

    [Fact]
    public void Contour_ColouredLevelLinesAroundTheMinimum()
    {
        var (figure, axes) = New();
        int n = 41;
        var x = new double[n, n];
        var y = new double[n, n];
        var z = new double[n, n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                (x[r, c], y[r, c]) = (-2 + (4.0 * c / (n - 1)), -2 + (4.0 * r / (n - 1)));
                z[r, c] = (x[r, c] * x[r, c]) + (y[r, c] * y[r, c]);
            }
        }

        AxesCalls.Contour(axes, x, y, z);
        using var image = Render(figure);

        var dataRect = figure.DataRect(axes);
        var ink = ImageProbe.CountInk(image, dataRect.Left + 2, dataRect.Top + 2, dataRect.Right - 2, dataRect.Bottom - 2);
        Assert.True(ink > 500, $"only {ink} inked pixels");
        var centre = axes.GetPixel(new Coordinates(0, 0));
        Assert.Equal(0, ImageProbe.CountInk(image, centre.X - 5, centre.Y - 5, centre.X + 5, centre.Y + 5));
    }

    [Fact]
    public void Contour_MismatchedShapes_MessageNamesThem()
    {
        var e = Assert.Throws<ArgumentException>(() => AxesCalls.Contour(new Figure().CurrentAxes, new double[2, 2], new double[2, 3], new double[2, 2]));

        Assert.Contains("y (2, 3)", e.Message);
    }

    [Fact]
    public void Subplot_TwoByOne_EachAxesInItsHalf()
    {
        var figure = new Figure();
        var top = figure.Subplot(2, 1, 1);
        AxesCalls.Plot(top, [0.0, 1], [0.0, 1]);
        var bottom = figure.Subplot(2, 1, 2);
        AxesCalls.Plot(bottom, [0.0, 1], [1.0, 0], "r");
        using var image = Render(figure);

        Assert.Equal(2, figure.Axes.Count);
        Assert.Same(bottom, figure.CurrentAxes);
        Assert.True(figure.DataRect(top).Bottom < figure.DataRect(bottom).Top);
        Assert.True(Near(image, top, 0.5, 0.5, ImageProbe.Blue));
        Assert.True(Near(image, bottom, 0.5, 0.5, Red));
        Assert.Same(top, figure.Subplot(2, 1, 1));
    }

    [Fact]
    public void Subplot_IndexOutsideTheGrid_MessageNamesTheRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Figure().Subplot(2, 2, 5));

        Assert.StartsWith("num must be an integer with 1 <= num <= 4, not 5", e.Message);
    }

    [Fact]
    public void SetLimits_KeptOverRendersWhileAutomaticLimitsFollowTheData()
    {
        var (figure, axes) = New();
        AxesCalls.Plot(axes, [0.0, 1], [0.0, 1]);
        Render(figure).Dispose();
        AxesCalls.Plot(axes, [0.0, 10], [0.0, 10]);
        Render(figure).Dispose();
        Assert.Equal(10.5, axes.Axes.GetLimits().Right, 9);

        axes.Axes.SetLimitsX(-1, 3);
        Render(figure).Dispose();
        Assert.Equal(3, axes.Axes.GetLimits().Right);
    }

    private static (Figure Figure, Plot Axes) New()
    {
        var figure = new Figure();
        return (figure, figure.CurrentAxes);
    }

    private static SKBitmap Render(Figure figure, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var png = figure.GetImageBytes(Plotting.Output.ImageFileFormat.Png);
        File.WriteAllBytes(Artifacts.PathFor("png", test), png);
        return SKBitmap.Decode(png);
    }

    private static bool Near(SKBitmap image, Plot axes, double x, double y, SKColor color, int radius = 1)
    {
        var p = axes.GetPixel(new Coordinates(x, y));
        return ImageProbe.HasColorNear(image, p.X, p.Y, color, radius, tolerance: 40);
    }
}
