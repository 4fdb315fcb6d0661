namespace GradRepl.Plotting;

/// <summary>Where the legend sits inside the axes (matplotlib's <c>loc</c> values).</summary>
public enum LegendLocation
{
    /// <summary>The first of the other locations that covers the least data, in matplotlib's order.</summary>
    Best,

    /// <summary>Top right corner.</summary>
    UpperRight,

    /// <summary>Top left corner.</summary>
    UpperLeft,

    /// <summary>Bottom left corner.</summary>
    LowerLeft,

    /// <summary>Bottom right corner.</summary>
    LowerRight,

    /// <summary>Middle of the right side.</summary>
    CenterRight,

    /// <summary>Middle of the left side.</summary>
    CenterLeft,

    /// <summary>Middle of the bottom side.</summary>
    LowerCenter,

    /// <summary>Middle of the top side.</summary>
    UpperCenter,

    /// <summary>Centre of the axes.</summary>
    Center,
}
