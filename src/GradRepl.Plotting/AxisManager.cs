using GradRepl.Plotting.Plottables;

namespace GradRepl.Plotting;

/// <summary>The axes' limits: automatic (data range plus margins, matplotlib's rules) unless set.</summary>
public sealed class AxisManager
{
    private readonly Plot _plot;
    private (double Min, double Max)? _x;
    private (double Min, double Max)? _y;
    private double _margin = 0.05;

    internal AxisManager(Plot plot) => _plot = plot;

    /// <summary>Fraction of the data range added on each side by automatic limits (matplotlib's 5%).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double Margin
    {
        get => _margin;
        set => _margin = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A margin must be a finite fraction, 0 or more.");
    }

    /// <summary>Fixes both ranges. A left greater than right (or bottom greater than top) flips that axis.</summary>
    /// <exception cref="ArgumentException">A limit is not finite, or an axis would have zero width.</exception>
    public void SetLimits(double left, double right, double bottom, double top)
    {
        SetLimitsX(left, right);
        SetLimitsY(bottom, top);
    }

    /// <summary>Fixes the x range.</summary>
    /// <exception cref="ArgumentException">A limit is not finite, or both are equal.</exception>
    public void SetLimitsX(double left, double right) => _x = Checked(left, right, "left", "right");

    /// <summary>Fixes the y range.</summary>
    /// <exception cref="ArgumentException">A limit is not finite, or both are equal.</exception>
    public void SetLimitsY(double bottom, double top) => _y = Checked(bottom, top, "bottom", "top");

    /// <summary>Returns both axes to automatic limits.</summary>
    public void AutoScale()
    {
        _x = null;
        _y = null;
    }

    /// <summary>The limits the next render will use.</summary>
    public AxisLimits GetLimits()
    {
        AxisLimits? data = null;
        foreach (var p in _plot.Plottables)
        {
            if (p.GetDataLimits() is { } l)
            {
                data = data is { } d ? d.Union(l) : l;
            }
        }

        var (xMin, xMax) = _x ?? (data is { } dx ? Auto(dx.Left, dx.Right) : (0, 1));
        var (yMin, yMax) = _y ?? (data is { } dy ? Auto(dy.Bottom, dy.Top) : (0, 1));
        return new AxisLimits(xMin, xMax, yMin, yMax);
    }

    private (double Min, double Max) Auto(double min, double max)
    {
        // matplotlib's nonsingular(): a zero-width range is widened by 5% of its value (or ±0.05 around 0)
        if (max - min <= Math.Max(Math.Abs(min), Math.Abs(max)) * 1e-12)
        {
            if (min == 0 && max == 0)
            {
                (min, max) = (-0.05, 0.05);
            }
            else
            {
                (min, max) = (min - (0.05 * Math.Abs(min)), max + (0.05 * Math.Abs(max)));
            }
        }

        var pad = (max - min) * _margin;
        var lo = min - pad;
        var hi = max + pad;
        return double.IsFinite(hi - lo) ? (lo, hi) : (min, max);
    }

    private static (double, double) Checked(double a, double b, string nameA, string nameB)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            throw new ArgumentException($"Axis limits must be finite numbers, got {nameA} = {a} and {nameB} = {b}.");
        }

        if (a == b)
        {
            throw new ArgumentException($"Axis limits must differ, got {nameA} = {nameB} = {a}.");
        }

        return (a, b);
    }
}
