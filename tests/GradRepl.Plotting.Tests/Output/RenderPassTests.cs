using GradRepl.Plotting.Output;
using GradRepl.Plotting.Pyplot;
using GradRepl.Plotting.Tests.Support;
using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting.Tests.Output;

/// <summary>How often a save draws, and what the PNG holds (the costs bench/README.md's "Plotting" section measures).</summary>
public sealed class RenderPassTests
{
    [Fact]
    public void Save_FirstSave_DrawsEachPlottableOnceOnTheImage()
    {
        var figure = new Figure();
        AxesCalls.Plot(figure.CurrentAxes, [0.0, 1, 2], [0.0, 2, 1]);
        var counter = new DrawCounter();
        figure.CurrentAxes.Add.Plottable(counter);

        figure.GetImageBytes(ImageFileFormat.Png);

        // ScottPlot renders a plot whose limits changed twice; the first pass goes to a canvas that draws nothing
        Assert.Equal(1, counter.OnPixels);
    }

    [Fact]
    public void Save_AfterXlim_DrawsOnceMoreWithTheNewLimits()
    {
        var figure = new Figure();
        AxesCalls.Plot(figure.CurrentAxes, [0.0, 1, 2], [0.0, 2, 1]);
        var counter = new DrawCounter();
        figure.CurrentAxes.Add.Plottable(counter);
        figure.GetImageBytes(ImageFileFormat.Png);

        figure.CurrentAxes.Axes.SetLimitsX(-1, 3); // what xlim() does
        figure.GetImageBytes(ImageFileFormat.Png);

        Assert.Equal(2, counter.OnPixels);
        Assert.Equal(new CoordinateRange(-1, 3), figure.CurrentAxes.Axes.GetLimits().XRange);
    }

    [Fact]
    public void GetImageBytes_Png_RgbWithoutAlphaAndTheRenderedPixels()
    {
        var figure = LabFigures.Relu();

        var png = figure.GetImageBytes(ImageFileFormat.Png);
        using var rendered = figure.RenderImage();
        using var decoded = SKBitmap.Decode(png);

        Assert.Equal(2, png[25]); // IHDR colour type 2: RGB, 8 bits a channel
        using var expected = SKBitmap.FromImage(rendered);
        Assert.Equal(expected.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Subplots_TwoAxesOnLayers_SecondDoesNotWipeTheFirst()
    {
        var figure = new Figure();
        AxesCalls.Plot(figure.Subplot(1, 2, 1), [0.0, 1], [0.0, 1]);
        AxesCalls.Plot(figure.Subplot(1, 2, 2), [0.0, 1], [1.0, 0]);

        using var image = LabFigures.Rasterize(figure);

        var left = figure.DataRect(figure.Axes[0]);
        var right = figure.DataRect(figure.Axes[1]);
        Assert.True(ImageProbe.CountInk(image, left.Left + 2, left.Top + 2, left.Right - 2, left.Bottom - 2) > 100, "left axes' line");
        Assert.True(ImageProbe.CountInk(image, right.Left + 2, right.Top + 2, right.Right - 2, right.Bottom - 2) > 100, "right axes' line");
        Assert.True(ImageProbe.IsWhite(image.GetPixel(5, 5)));
    }

    /// <summary>A plottable that counts the renders that reach a canvas with pixels.</summary>
    private sealed class DrawCounter : IPlottable
    {
        public int OnPixels { get; private set; }

        public bool IsVisible { get; set; } = true;

        public IAxes Axes { get; set; } = new ScottPlot.Axes();

        public IEnumerable<LegendItem> LegendItems => [];

        public AxisLimits GetAxisLimits() => AxisLimits.NoLimits;

        public void Render(RenderPack rp)
        {
            if (rp.Canvas is not SKNoDrawCanvas)
            {
                OnPixels++;
            }
        }
    }
}
