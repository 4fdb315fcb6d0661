namespace GradRepl.Plotting;

/// <summary>The visible data range of the axes.</summary>
/// <param name="Left">Smallest x shown.</param>
/// <param name="Right">Largest x shown.</param>
/// <param name="Bottom">Smallest y shown.</param>
/// <param name="Top">Largest y shown.</param>
public readonly record struct AxisLimits(double Left, double Right, double Bottom, double Top)
{
    /// <summary>matplotlib's limits for axes with no data: 0 to 1 on both axes.</summary>
    public static AxisLimits Default => new(0, 1, 0, 1);

    /// <summary>Width of the x range.</summary>
    public double Width => Right - Left;

    /// <summary>Height of the y range.</summary>
    public double Height => Top - Bottom;

    /// <summary>The smallest limits containing both.</summary>
    internal AxisLimits Union(AxisLimits other) => new(
        Math.Min(Left, other.Left), Math.Max(Right, other.Right), Math.Min(Bottom, other.Bottom), Math.Max(Top, other.Top));
}
