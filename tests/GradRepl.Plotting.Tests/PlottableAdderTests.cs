using GradRepl.Plotting.Palettes;

namespace GradRepl.Plotting.Tests;

public sealed class PlottableAdderTests
{
    [Fact]
    public void Scatter_DifferentLengths_ThrowsNamingBothLengths()
    {
        var plt = new Plot();

        var e = Assert.Throws<ArgumentException>(() => plt.Add.Scatter(new double[3], new double[4]));

        Assert.Contains("3", e.Message);
        Assert.Contains("4", e.Message);
        Assert.Empty(plt.Series);
    }

    [Fact]
    public void Scatter_FloatArraysOfDifferentLengths_ThrowsNamingBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => new Plot().Add.Scatter(new float[7], new float[2]));

        Assert.Contains("7", e.Message);
        Assert.Contains("2", e.Message);
    }

    [Fact]
    public void Scatter_NullArray_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new Plot().Add.Scatter(null!, new double[1]));
    }

    [Fact]
    public void Scatter_SuccessiveSeries_TakeTab10ColoursInOrder()
    {
        var plt = new Plot();
        var colors = Enumerable.Range(0, 11).Select(_ => plt.Add.Scatter([0.0], [0.0]).Color).ToList();

        Assert.Equal(Color.FromHex("#1f77b4"), colors[0]);
        Assert.Equal(Color.FromHex("#ff7f0e"), colors[1]);
        Assert.Equal(Color.FromHex("#17becf"), colors[9]);
        Assert.Equal(colors[0], colors[10]);
        Assert.Equal(Category10.Count, colors.Take(10).Distinct().Count());
    }

    [Fact]
    public void Scatter_ArrayChangedAfterAdding_SeriesKeepsItsCopy()
    {
        var xs = new[] { 1.0, 2.0 };
        var s = new Plot().Add.Scatter(xs, [3.0, 4.0]);

        xs[0] = 100;

        Assert.Equal(1.0, s.Xs[0]);
    }

    [Fact]
    public void Scatter_Defaults_MatchMatplotlibPlot()
    {
        var s = new Plot().Add.Scatter([0.0, 1.0], [0.0, 1.0]);

        Assert.Equal(1.5 * 100 / 72, s.LineWidth, 3);
        Assert.Equal(0, s.MarkerSize);
        Assert.Equal(LinePattern.Solid, s.LinePattern);
        Assert.Null(s.LegendText);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LineWidth_Invalid_ThrowsOutOfRange(double width)
    {
        var s = new Plot().Add.Scatter([0.0], [0.0]);

        Assert.Throws<ArgumentOutOfRangeException>(() => s.LineWidth = width);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.MarkerSize = width);
    }
}
