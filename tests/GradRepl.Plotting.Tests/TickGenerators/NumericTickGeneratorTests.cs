using FsCheck;
using FsCheck.Fluent;
using GradRepl.Plotting.TickGenerators;

namespace GradRepl.Plotting.Tests.TickGenerators;

public sealed class NumericTickGeneratorTests
{
    [Fact]
    public void Positions_LabFigure1XRange_StepOf2Point5LikeMatplotlib()
    {
        var ticks = NumericTickGenerator.Positions(-11, 11, 9);

        Assert.Equal([-10, -7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10], ticks);
    }

    [Fact]
    public void Positions_LabFigure1YRange_StepOf20LikeMatplotlib()
    {
        Assert.Equal([-20, 0, 20, 40, 60, 80, 100], NumericTickGenerator.Positions(-26, 106, 9));
    }

    [Fact]
    public void Positions_LabFigure2YRange_StepOf2LikeMatplotlib()
    {
        Assert.Equal([0, 2, 4, 6, 8, 10], NumericTickGenerator.Positions(-0.5, 10.5, 9));
    }

    [Fact]
    public void Positions_TinyRange_NoFloatNoise()
    {
        var ticks = NumericTickGenerator.Positions(0.1, 0.35, 5);

        Assert.Contains(0.3, ticks.Select(t => Math.Round(t, 12)));
        Assert.Equal(["0.10", "0.15", "0.20", "0.25", "0.30", "0.35"], TickLabelFormatter.Format(ticks));
    }

    [Fact]
    public void IntervalBudget_DefaultAxesBox_NineIntervals()
    {
        Assert.Equal(9, NumericTickGenerator.IntervalBudget(496, 13.89f, vertical: false));
        Assert.Equal(3, NumericTickGenerator.IntervalBudget(130, 13.89f, vertical: false));
    }

    [Fact]
    public void Positions_AnyFiniteRange_NiceStepsInsideRangeAndWithinBudget()
    {
        var valid = Prop.ForAll(
            ArbMap.Default.ArbFor<NormalFloat>(),
            ArbMap.Default.ArbFor<PositiveInt>(),
            ArbMap.Default.ArbFor<int>(),
            (start, width, exponent) =>
            {
                var min = start.Get;
                // spans down to a millionth of the values' size (matplotlib switches to an offset beyond that)
                var span = Math.Max((width.Get % 1000 + 1) * Math.Pow(10, (exponent % 8) - 4), Math.Abs(min) * 1e-6);
                var max = min + span;
                var ticks = NumericTickGenerator.Positions(min, max, 9);
                if (!(max > min) || ticks.Length < 2)
                {
                    return max <= min || ticks.Length >= 1;
                }

                var step = ticks[1] - ticks[0];
                var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
                var nice = new[] { 1, 2, 2.5, 5, 10 }.Any(m => Math.Abs(m - mantissa) < 1e-4);
                var tolerance = span * 1e-9;
                return nice && ticks.Length <= 10 && ticks.All(t => t >= min - tolerance && t <= max + tolerance);
            });

        valid.QuickCheckThrowOnFailure();
    }
}
