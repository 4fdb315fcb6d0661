using GradRepl.Plotting.TickGenerators;

namespace GradRepl.Plotting.Tests.TickGenerators;

public sealed class TickLabelFormatterTests
{
    [Fact]
    public void Format_FractionalStep_EveryLabelOneDecimalWithUnicodeMinus()
    {
        var labels = TickLabelFormatter.Format([-10, -7.5, -5, -2.5, 0, 2.5]);

        Assert.Equal(["\u221210.0", "\u22127.5", "\u22125.0", "\u22122.5", "0.0", "2.5"], labels);
    }

    [Fact]
    public void Format_IntegerStep_NoDecimals()
    {
        Assert.Equal(["\u221220", "0", "20", "100"], TickLabelFormatter.Format([-20, 0, 20, 100]));
    }

    [Fact]
    public void Format_AccumulatedFloatError_Hidden()
    {
        var labels = TickLabelFormatter.Format([0.1 + 0.2, 0.6000000000000001, 0.9]);

        Assert.Equal(["0.3", "0.6", "0.9"], labels);
    }

    [Fact]
    public void Format_HugeValues_ScientificWithUnicodeMinus()
    {
        var labels = TickLabelFormatter.Format([-2e6, 0, 2e6]);

        Assert.Equal(["\u22122e6", "0", "2e6"], labels);
    }

    [Fact]
    public void WithUnicodeMinus_NegativeZero_PrintedWithoutSign()
    {
        Assert.Equal("0.0", TickLabelFormatter.WithUnicodeMinus("-0.0"));
        Assert.Equal("\u22121", TickLabelFormatter.WithUnicodeMinus("-1"));
    }

    [Fact]
    public void Format_NarrowRangeFarFromZero_ValuesWrittenOutSoEachLabelDiffers()
    {
        Assert.Equal(["1000000", "1000002", "1000004"], TickLabelFormatter.Format([1e6, 1e6 + 2, 1e6 + 4]));
        Assert.Equal(["−1000000.5", "−1000000.0"], TickLabelFormatter.Format([-1e6 - 0.5, -1e6]));
    }
}
