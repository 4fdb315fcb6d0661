namespace GradRepl.Plotting;

/// <summary>The look of a line: width, colour and dash pattern.</summary>
public sealed class LineStyle
{
    private double _width = Units.Points(1.5);

    /// <summary>Width in pixels. matplotlib's default 1.5 pt at 100 dpi is about 2.08 px.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The width is negative, NaN or infinite.</exception>
    public double Width
    {
        get => _width;
        set => _width = double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A line width must be a finite number of pixels, 0 or more.");
    }

    /// <summary>Line colour.</summary>
    public Color Color { get; set; } = Color.Black;

    /// <summary>Dash pattern.</summary>
    public LinePattern Pattern { get; set; } = LinePattern.Solid;

    /// <summary>True when the line draws something.</summary>
    internal bool IsVisible => Width > 0 && Pattern != LinePattern.None && Color.A > 0 && double.IsFinite(Width);
}
