namespace GradRepl.Plotting;

/// <summary>matplotlib measures in points at 100 dots per inch (its default figure dpi); ScottPlot in pixels.</summary>
internal static class Units
{
    public const double Dpi = 100;

    public static float Points(double points) => (float)(points * Dpi / 72.0);
}
