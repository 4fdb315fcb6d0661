namespace GradRepl.Plotting;

/// <summary>How a line is dashed. Dash lengths scale with the line width, as in matplotlib.</summary>
public enum LinePattern
{
    /// <summary>A continuous line (matplotlib <c>'-'</c>).</summary>
    Solid,

    /// <summary>Dashes (matplotlib <c>'--'</c>).</summary>
    Dashed,

    /// <summary>Dots (matplotlib <c>':'</c>).</summary>
    Dotted,

    /// <summary>Dash, dot (matplotlib <c>'-.'</c>).</summary>
    DashDot,

    /// <summary>No line at all: only markers are drawn.</summary>
    None,
}
