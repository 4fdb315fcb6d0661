using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Rendering;

namespace GradRepl.Plotting.Plottables;

/// <summary>
/// A series of (x, y) points joined by a line, optionally with round markers, like matplotlib's <c>plot(x, y)</c>.
/// Non-finite points (NaN, ±∞) are skipped and leave a gap in the line.
/// </summary>
public sealed class Scatter : IPlottable
{
    private readonly double[] _xs;
    private readonly double[] _ys;
    private double _markerSize;
    private AxisLimits? _dataLimits;
    private bool _dataLimitsKnown;

    internal Scatter(double[] xs, double[] ys, Color color)
    {
        _xs = xs;
        _ys = ys;
        LineStyle.Color = color;
        MarkerColor = color;
    }

    /// <summary>Text of this series' legend entry; a series without one is left out of the legend.</summary>
    public string? LegendText { get; set; }

    /// <summary>The line's width, colour and pattern.</summary>
    public LineStyle LineStyle { get; } = new();

    /// <summary>Colour of the line and the markers.</summary>
    public Color Color
    {
        get => LineStyle.Color;
        set
        {
            LineStyle.Color = value;
            MarkerColor = value;
        }
    }

    /// <summary>Colour of the markers (follows <see cref="Color"/> unless set after it).</summary>
    public Color MarkerColor { get; set; }

    /// <summary>Line width in pixels (default ≈ 2.08 px, matplotlib's 1.5 pt); 0 draws no line.</summary>
    public double LineWidth
    {
        get => LineStyle.Width;
        set => LineStyle.Width = value;
    }

    /// <summary>Dash pattern of the line; <see cref="Plotting.LinePattern.None"/> draws markers only.</summary>
    public LinePattern LinePattern
    {
        get => LineStyle.Pattern;
        set => LineStyle.Pattern = value;
    }

    /// <summary>Diameter of the round markers in pixels; 0 (the default, as in matplotlib's <c>plot</c>) draws none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative, NaN or infinite.</exception>
    public double MarkerSize
    {
        get => _markerSize;
        set => _markerSize = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A marker size must be a finite number of pixels, 0 or more.");
    }

    /// <summary>Number of points, finite or not.</summary>
    public int Count => _xs.Length;

    /// <summary>The x values (a copy taken when the series was added).</summary>
    public IReadOnlyList<double> Xs => _xs;

    /// <summary>The y values (a copy taken when the series was added).</summary>
    public IReadOnlyList<double> Ys => _ys;

    IEnumerable<LegendItem> IPlottable.LegendItems => string.IsNullOrEmpty(LegendText)
        ? []
        : [new LegendItem(LegendText, Pen.From(LineStyle), MarkerColor, (float)MarkerSize)];

    // the data is a private copy, so its range is computed once (a benign race if two threads render at once)
    AxisLimits? IPlottable.GetDataLimits()
    {
        if (!_dataLimitsKnown)
        {
            _dataLimits = ComputeDataLimits();
            _dataLimitsKnown = true;
        }

        return _dataLimits;
    }

    private AxisLimits? ComputeDataLimits()
    {
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity;
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        for (var i = 0; i < _xs.Length; i++)
        {
            double x = _xs[i], y = _ys[i];
            if (double.IsFinite(x) && double.IsFinite(y))
            {
                xMin = Math.Min(xMin, x);
                xMax = Math.Max(xMax, x);
                yMin = Math.Min(yMin, y);
                yMax = Math.Max(yMax, y);
            }
        }

        return xMin <= xMax ? new AxisLimits(xMin, xMax, yMin, yMax) : null;
    }

    IReadOnlyList<PixelPoint[]> IPlottable.GetPolylines(CoordinateMapper mapper) => PolylineBuilder.Build(_xs, _ys, mapper);

    void IPlottable.Render(RenderPack pack)
    {
        var lines = pack.PolylinesOf(this);
        var pen = Pen.From(LineStyle);
        if (LineStyle.IsVisible)
        {
            foreach (var line in lines)
            {
                pack.Canvas.StrokePolyline(line, pen, pack.DataArea);
            }
        }

        if (MarkerSize > 0 && MarkerColor.A > 0)
        {
            var clip = pack.DataArea;
            for (var i = 0; i < _xs.Length; i++)
            {
                if (double.IsFinite(_xs[i]) && double.IsFinite(_ys[i]))
                {
                    var p = new PixelPoint(pack.Mapper.X(_xs[i]), pack.Mapper.Y(_ys[i]));
                    if (clip.Inflate((float)MarkerSize).Contains(p))
                    {
                        pack.Canvas.FillCircle(p, (float)MarkerSize / 2, MarkerColor, clip);
                    }
                }
            }
        }
    }
}
