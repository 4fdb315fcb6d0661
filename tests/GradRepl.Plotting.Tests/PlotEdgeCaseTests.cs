using GradRepl.Plotting.Tests.Support;

namespace GradRepl.Plotting.Tests;

/// <summary>Inputs that must render without throwing and still give a sensible picture.</summary>
public sealed class PlotEdgeCaseTests
{
    [Theory]
    [InlineData(1e300)]
    [InlineData(1e-300)]
    [InlineData(-1e15)]
    public void GetPngBytes_ExtremeMagnitudes_RendersWithoutThrowing(double scale)
    {
        var plt = new Plot();
        plt.Add.Scatter([-1 * scale, 0, scale], [scale, -scale, scale]);

        var png = plt.GetPngBytes();

        Assert.True(png.Length > 1000);
    }

    [Fact]
    public void GetPngBytes_SinglePoint_RendersAround()
    {
        var plt = new Plot();
        var s = plt.Add.Scatter([3.0], [4.0]);
        s.MarkerSize = 8;
        var (image, pack) = LabFigures.Rasterize(plt);

        Assert.Equal(s.Color, image.GetPixel((int)pack.Mapper.X(3), (int)pack.Mapper.Y(4)));
    }

    [Fact]
    public void GetPngBytes_InvertedLimits_DataMirrored()
    {
        var plt = new Plot();
        plt.Add.Scatter([0.0, 1], [0.0, 1]);
        plt.Axes.SetLimits(1, 0, 0, 1);
        var (_, pack) = LabFigures.Rasterize(plt);

        Assert.True(pack.Mapper.X(0) > pack.Mapper.X(1));
        Assert.NotEmpty(pack.XTicks);
    }

    [Fact]
    public void GetPngBytes_EmptySeriesAndLegendWithoutLabels_NoLegendDrawn()
    {
        var plt = new Plot();
        plt.Add.Scatter(Array.Empty<double>(), []);
        plt.ShowLegend();
        var (_, pack) = LabFigures.Rasterize(plt);

        Assert.Null(pack.LegendBox);
        Assert.Equal(AxisLimits.Default, pack.Limits);
    }

    [Fact]
    public void RenderTerminal_EmptyPlot_AxesWithDefaultRange()
    {
        var text = new Plot().RenderTerminal(30, 8, color: false);

        Assert.Contains("1.0┤", text);
        Assert.Contains("0.0┤", text);
        Assert.Contains("0.5", text);
        Assert.Equal(8, text.Split('\n').Length);
    }
}
