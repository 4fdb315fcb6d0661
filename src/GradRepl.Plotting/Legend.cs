namespace GradRepl.Plotting;

/// <summary>The legend: one row per labelled series, in a light rounded frame.</summary>
public sealed class Legend
{
    /// <summary>Whether the legend is drawn (it is hidden until <see cref="Plot.ShowLegend"/>).</summary>
    public bool IsVisible { get; set; }

    /// <summary>Where the legend goes; <see cref="LegendLocation.Best"/> (the default) avoids the data.</summary>
    public LegendLocation Location { get; set; } = LegendLocation.Best;
}
