using GradRepl.Plotting.Output;
using GradRepl.Plotting.Style;
using GradRepl.Plotting.Tests.Support;
using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting.Tests;

public sealed class FigureRenderTests
{
    [Theory]
    [InlineData("square")]
    [InlineData("relu")]
    public void Render_LabFigure_CloseToMatplotlibsRender(string name)
    {
        var figure = name == "square" ? LabFigures.Square() : LabFigures.Relu();
        var png = figure.GetImageBytes(ImageFileFormat.Png);
        File.WriteAllBytes(Artifacts.PathFor($"{name}.png"), png);
        using var ours = SKBitmap.Decode(png);
        using var theirs = SKBitmap.Decode(Path.Combine(AppContext.BaseDirectory, "Data", "matplotlib", $"{name}.png"));

        var difference = ImageProbe.MeanDifference(ours, theirs);

        Assert.True(difference <= 3.0, $"mean pixel difference {difference:F2} against matplotlib's {name}.png");
    }

    [Fact]
    public void Render_LabFigure1_WhiteFigureAndOnePixelBlackFrameWhereMatplotlibDrawsIt()
    {
        using var image = LabFigures.Rasterize(LabFigures.Square());

        Assert.Equal(SKColors.White, image.GetPixel(5, 5));
        Assert.Equal(SKColors.White, image.GetPixel(300, 150));
        // matplotlib's axes box (0.125 to 0.9 of 640, 0.11 to 0.88 of 480) snapped to pixels: columns 80 and 576, rows 58 and 427
        Assert.Equal(SKColors.Black, image.GetPixel(80, 200));
        Assert.Equal(SKColors.Black, image.GetPixel(576, 200));
        Assert.Equal(SKColors.Black, image.GetPixel(200, 58));
        Assert.Equal(SKColors.Black, image.GetPixel(200, 427));
        Assert.Equal(SKColors.White, image.GetPixel(81, 200));
        Assert.Equal(SKColors.White, image.GetPixel(200, 59));
    }

    [Fact]
    public void Render_LabFigure1_EachSeriesInItsTab10ColourAlongItsPath()
    {
        var figure = LabFigures.Square();
        using var image = LabFigures.Rasterize(figure);
        var axes = figure.CurrentAxes;
        var x = LabFigures.Linspace(10);

        foreach (var (f, color) in new (Func<double, double>, SKColor)[] { (v => v * v, ImageProbe.Blue), (v => 2 * v, ImageProbe.Orange) })
        {
            var samples = 0;
            var hits = 0;
            for (var i = 0; i + 1 < x.Length; i++)
            {
                for (var t = 0.1; t < 1; t += 0.2)
                {
                    var xv = x[i] + ((x[i + 1] - x[i]) * t);
                    var yv = f(x[i]) + ((f(x[i + 1]) - f(x[i])) * t);
                    var pixel = axes.GetPixel(new Coordinates(xv, yv));
                    samples++;
                    hits += ImageProbe.HasColorNear(image, pixel.X, pixel.Y, color, radius: 1, tolerance: 40) ? 1 : 0;
                }
            }

            Assert.True(hits >= samples * 0.9, $"{color}: only {hits} of {samples} samples on the path have the colour");
        }
    }

    [Fact]
    public void Render_LabFigure1_LegendLowerRightLikeMatplotlib()
    {
        var figure = LabFigures.Square();
        using var image = LabFigures.Rasterize(figure);

        Assert.Equal(Alignment.LowerRight, figure.CurrentAxes.Legend.Alignment);
        // matplotlib's legend box spans x 448..570, y 373..421 here: the handles and the text are inside it
        Assert.True(ImageProbe.HasColorNear(image, 468, 386, ImageProbe.Blue, radius: 3, tolerance: 40), "blue handle in the first row");
        Assert.True(ImageProbe.HasColorNear(image, 468, 406, ImageProbe.Orange, radius: 3, tolerance: 40), "orange handle in the second row");
        Assert.True(ImageProbe.CountInk(image, 490, 376, 568, 418) > 150, "legend text is drawn");
    }

    [Fact]
    public void Render_LabFigure2_LegendUpperLeftLikeMatplotlib()
    {
        var figure = LabFigures.Relu();
        using var image = LabFigures.Rasterize(figure);

        Assert.Equal(Alignment.UpperLeft, figure.CurrentAxes.Legend.Alignment);
        // matplotlib draws the blue handle from (92, 75) to (120, 76)
        Assert.True(ImageProbe.HasColorNear(image, 106, 76, ImageProbe.Blue, radius: 3, tolerance: 40), "blue handle top left");
    }

    [Fact]
    public void Render_LabFigure1_TickLabelsAndXLabelDrawnInDejaVuSans()
    {
        var figure = LabFigures.Square();
        using var image = LabFigures.Rasterize(figure);
        var axes = figure.CurrentAxes;

        // every label asks for the embedded font, which ScottPlot's resolver hands out (never a system font)
        Assert.All(axes.Axes.GetAxes(), a => Assert.Equal(EmbeddedFont.Name, a.TickLabelStyle.FontName));
        Assert.Same(EmbeddedFont.Typeface, ScottPlot.Fonts.GetTypeface(EmbeddedFont.Name, bold: false, italic: false));
        Assert.Equal("DejaVu Sans", EmbeddedFont.Typeface.FamilyName);
        // ink under each x tick (its label) and the x label centred under the axes
        foreach (var x in new[] { -10.0, -5, 0, 5, 10 })
        {
            var px = axes.GetPixel(new Coordinates(x, 0)).X;
            Assert.True(ImageProbe.CountInk(image, px - 8, 436, px + 8, 448) > 10, $"no label under x tick {x}");
        }

        Assert.True(ImageProbe.CountInk(image, 320, 458, 334, 468) > 10, "x label");
        Assert.Equal(0, ImageProbe.CountInk(image, 0, 0, 640, 50));
    }

    [Fact]
    public void GetImageBytes_SameFigureTwice_IdenticalBytes()
    {
        Assert.Equal(LabFigures.Relu().GetImageBytes(ImageFileFormat.Png), LabFigures.Relu().GetImageBytes(ImageFileFormat.Png));
        Assert.Equal(LabFigures.Square().GetImageBytes(ImageFileFormat.Svg), LabFigures.Square().GetImageBytes(ImageFileFormat.Svg));
        var figure = LabFigures.Square();
        Assert.Equal(figure.GetImageBytes(ImageFileFormat.Png), figure.GetImageBytes(ImageFileFormat.Png));
    }

    [Fact]
    public void GetImageBytes_EmptyFigure_EmptyAxesFromZeroToOne()
    {
        var figure = new Figure();
        using var image = LabFigures.Rasterize(figure);

        Assert.Equal(SKColors.Black, image.GetPixel(80, 200));
        Assert.Equal(0, ImageProbe.CountInk(image, 82, 60, 575, 426));
        Assert.Equal(new AxisLimits(0, 1, 0, 1), figure.CurrentAxes.Axes.GetLimits());
    }

    [Theory]
    [InlineData(0, 480)]
    [InlineData(640, -1)]
    [InlineData(20000, 480)]
    public void Constructor_InvalidSize_ThrowsOutOfRange(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Figure(width, height));
    }
}
