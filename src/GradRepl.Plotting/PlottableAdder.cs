using GradRepl.Plotting.Palettes;
using GradRepl.Plotting.Plottables;

namespace GradRepl.Plotting;

/// <summary>Adds plottables to a <see cref="Plot"/> (<c>plt.Add.Scatter(xs, ys)</c>); each new series takes the next tab10 colour.</summary>
public sealed class PlottableAdder
{
    private readonly Plot _plot;

    internal PlottableAdder(Plot plot) => _plot = plot;

    /// <summary>Adds a line through the points (<paramref name="xs"/>[i], <paramref name="ys"/>[i]); the arrays are copied.</summary>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public Scatter Scatter(double[] xs, double[] ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        // Clone, not AsSpan().ToArray(): span helpers over double are JIT-compiled at start-up (bench/README.md)
        return Add((double[])xs.Clone(), (double[])ys.Clone());
    }

    /// <summary>Adds a line through single-precision points (as tensors hand them out); the arrays are copied.</summary>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public Scatter Scatter(float[] xs, float[] ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        CheckLengths(xs.Length, ys.Length);
        return Add(Array.ConvertAll(xs, v => (double)v), Array.ConvertAll(ys, v => (double)v));
    }

    /// <summary>Adds a line through the points of two sequences; they are copied.</summary>
    /// <exception cref="ArgumentNullException">A sequence is null.</exception>
    /// <exception cref="ArgumentException">The sequences differ in length.</exception>
    public Scatter Scatter(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        return Add(xs.ToArray(), ys.ToArray());
    }

    /// <summary>Adds a series that takes <paramref name="xs"/> and <paramref name="ys"/> as its own (callers pass copies).</summary>
    private Scatter Add(double[] xs, double[] ys)
    {
        CheckLengths(xs.Length, ys.Length);
        var scatter = new Scatter(xs, ys, Category10.GetColor(_plot.Plottables.Count));
        _plot.AddPlottable(scatter);
        return scatter;
    }

    private static void CheckLengths(int xs, int ys)
    {
        if (xs != ys)
        {
            throw new ArgumentException($"xs and ys must have the same length, but xs has {xs} values and ys has {ys}.");
        }
    }
}
