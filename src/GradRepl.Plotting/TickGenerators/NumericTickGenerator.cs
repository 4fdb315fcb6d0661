namespace GradRepl.Plotting.TickGenerators;

/// <summary>
/// matplotlib's default locator (MaxNLocator with steps 1, 2, 2.5, 5, 10): the smallest "nice" step that
/// keeps the number of intervals within a budget derived from the axis length and the label font size.
/// </summary>
internal static class NumericTickGenerator
{
    private static readonly double[] s_steps = [1, 2, 2.5, 5, 10];
    private static readonly double[] s_decades = [0.1, 1, 10];

    /// <summary>Tick positions inside [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="min">Lower limit of the axis.</param>
    /// <param name="max">Upper limit of the axis.</param>
    /// <param name="maxIntervals">At most this many steps across the range (matplotlib's nbins, 1 to 9).</param>
    public static double[] Positions(double min, double max, int maxIntervals)
    {
        if (!(max > min) || !double.IsFinite(max - min))
        {
            return double.IsFinite(min) ? [min] : [];
        }

        maxIntervals = Math.Clamp(maxIntervals, 1, 9);
        var raw = (max - min) / maxIntervals;
        var scale = Math.Pow(10, Math.Floor(Math.Log10(raw)));

        // candidates from small to large: the first that fits the budget, falling back to smaller ones
        // if that leaves fewer than two ticks in view (a plain array and loop: a List<double> and its FindIndex
        // would be JIT-compiled at start-up, see bench/README.md)
        var candidates = new double[s_decades.Length * s_steps.Length];
        var count = 0;
        foreach (var k in s_decades)
        {
            foreach (var s in s_steps)
            {
                candidates[count++] = s * k * scale;
            }
        }

        var first = -1;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i] >= raw * (1 - 1e-12))
            {
                first = i;
                break;
            }
        }

        for (var i = first; i >= 0; i--)
        {
            var ticks = Enumerate(min, max, candidates[i]);
            if (ticks.Length >= 2 || i == 0)
            {
                return ticks;
            }
        }

        return [];
    }

    /// <summary>matplotlib's budget: one interval per three label heights across x, two across y, at most 9.</summary>
    public static int IntervalBudget(float axisLengthPixels, float labelSizePixels, bool vertical)
    {
        var perTick = labelSizePixels * (vertical ? 2f : 3f);
        return Math.Clamp((int)(axisLengthPixels / perTick), 1, 9);
    }

    private static double[] Enumerate(double min, double max, double step)
    {
        var tolerance = step * 1e-9;
        var lo = Math.Ceiling((min - tolerance) / step);
        var hi = Math.Floor((max + tolerance) / step);
        if (hi - lo > 1000)
        {
            return [];
        }

        var result = new double[(int)(hi - lo) + 1];
        for (var i = 0; i < result.Length; i++)
        {
            var v = (lo + i) * step;
            result[i] = Math.Abs(v) < tolerance ? 0 : v;
        }

        return result;
    }
}
