namespace GradRepl.Plotting.Palettes;

/// <summary>matplotlib's "tab10" colour cycle (d3's Category10), used in order for successive series.</summary>
public static class Category10
{
    private static readonly Color[] s_colors =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];

    /// <summary>Number of colours before the cycle repeats.</summary>
    public static int Count => s_colors.Length;

    /// <summary>The colour for the <paramref name="index"/>-th series (cycling).</summary>
    public static Color GetColor(int index) => s_colors[((index % s_colors.Length) + s_colors.Length) % s_colors.Length];
}
