namespace GradRepl.Plotting.Tests;

public sealed class AxisManagerTests
{
    [Fact]
    public void GetLimits_EmptyPlot_ZeroToOneOnBothAxes()
    {
        Assert.Equal(new AxisLimits(0, 1, 0, 1), new Plot().Axes.GetLimits());
    }

    [Fact]
    public void GetLimits_LabFigure1_DataRangePlusFivePercent()
    {
        var l = Support.LabFigures.Square().Axes.GetLimits();

        // x in [-10, 10], y in [-20, 100]: matplotlib shows [-11, 11] x [-26, 106]
        Assert.Equal(-11, l.Left, 5);
        Assert.Equal(11, l.Right, 5);
        Assert.Equal(-26, l.Bottom, 4);
        Assert.Equal(106, l.Top, 4);
    }

    [Fact]
    public void GetLimits_ConstantSeries_RangeWidenedAroundValue()
    {
        var plt = new Plot();
        plt.Add.Scatter([1.0, 2.0, 3.0], [5.0, 5.0, 5.0]);

        var l = plt.Axes.GetLimits();

        Assert.True(l.Bottom < 5 && l.Top > 5, $"{l.Bottom}..{l.Top} does not surround 5");
        Assert.True(l.Height > 0.1);
    }

    [Fact]
    public void GetLimits_AllZeroSeries_RangeAroundZero()
    {
        var plt = new Plot();
        plt.Add.Scatter([0.0], [0.0]);

        var l = plt.Axes.GetLimits();

        Assert.True(l.Left < 0 && l.Right > 0 && l.Bottom < 0 && l.Top > 0);
    }

    [Fact]
    public void GetLimits_NonFinitePoints_Ignored()
    {
        var plt = new Plot();
        plt.Add.Scatter([0.0, double.NaN, 10.0, double.PositiveInfinity], [0.0, 1e300, 10.0, 5.0]);

        var l = plt.Axes.GetLimits();

        Assert.Equal(-0.5, l.Left, 9);
        Assert.Equal(10.5, l.Top, 9);
    }

    [Fact]
    public void GetLimits_OnlyNonFinitePoints_DefaultLimits()
    {
        var plt = new Plot();
        plt.Add.Scatter([double.NaN], [1.0]);

        Assert.Equal(AxisLimits.Default, plt.Axes.GetLimits());
    }

    [Fact]
    public void SetLimits_Fixed_OverridesDataUntilAutoScale()
    {
        var plt = Support.LabFigures.Square();

        plt.Axes.SetLimits(-1, 2, -3, 4);
        Assert.Equal(new AxisLimits(-1, 2, -3, 4), plt.Axes.GetLimits());

        plt.Axes.AutoScale();
        Assert.Equal(-11, plt.Axes.GetLimits().Left, 5);
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(2, 2)]
    public void SetLimits_InvalidRange_ThrowsArgumentException(double a, double b)
    {
        Assert.Throws<ArgumentException>(() => new Plot().Axes.SetLimits(a, b, 0, 1));
        Assert.Throws<ArgumentException>(() => new Plot().Axes.SetLimits(0, 1, a, b));
    }
}
