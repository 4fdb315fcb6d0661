namespace GradRepl.Plotting;

/// <summary>Conversions from matplotlib's typographic points to pixels (figures are 100 dpi, like matplotlib's default).</summary>
internal static class Units
{
    /// <summary>Pixels per inch of every output, matplotlib's <c>figure.dpi</c>.</summary>
    public const double Dpi = 100;

    /// <summary>Pixels for <paramref name="points"/> typographic points.</summary>
    public static float Points(double points) => (float)(points * Dpi / 72.0);
}
