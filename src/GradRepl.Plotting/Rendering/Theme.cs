namespace GradRepl.Plotting.Rendering;

/// <summary>matplotlib's default rcParams, converted to pixels at 100 dpi.</summary>
internal static class Theme
{
    public static readonly float FontSize = Units.Points(10); // font.size, axes.labelsize, xtick.labelsize
    public static readonly float TitleSize = Units.Points(12); // axes.titlesize: large
    public static readonly float TickLength = Units.Points(3.5);
    public static readonly float TickWidth = Units.Points(0.8);
    public static readonly float TickPad = Units.Points(3.5);
    public static readonly float FrameWidth = Units.Points(0.8); // axes.linewidth
    public static readonly float LabelPad = Units.Points(4);
    public static readonly float TitlePad = Units.Points(6);

    // figure.subplot.*: the axes box as fractions of the figure
    public const float SubplotLeft = 0.125f;
    public const float SubplotRight = 0.9f;
    public const float SubplotBottom = 0.11f;
    public const float SubplotTop = 0.88f;

    // legend.*: in multiples of the legend font size
    public const float LegendBorderPad = 0.4f;
    public const float LegendLabelSpacing = 0.5f;
    public const float LegendHandleLength = 2.0f;
    public const float LegendHandleTextPad = 0.8f;
    public const float LegendBorderAxesPad = 0.5f;
    public const float LegendCornerRadius = 0.2f;
    public static readonly float LegendFrameWidth = Units.Points(1.0); // patch.linewidth
    public static readonly Color LegendEdge = new(204, 204, 204, 204); // edgecolor 0.8 at framealpha 0.8
    public static readonly Color LegendFace = new(255, 255, 255, 204); // white at framealpha 0.8

    public static readonly Color Foreground = Color.Black;
    public static readonly Color Background = Color.White;

    /// <summary>The centre of the pixel containing <paramref name="v"/>: crisp thin lines, as matplotlib snaps them.</summary>
    public static float Snap(float v) => MathF.Floor(v) + 0.5f;

    /// <summary>
    /// Where a horizontal or vertical line of <paramref name="width"/> should be centred to stay crisp: on a
    /// pixel centre when its rounded width is odd, on a pixel boundary when even (matplotlib's snapping rule).
    /// </summary>
    public static float Snap(float v, float width) => ((int)MathF.Round(width) % 2) == 1 ? Snap(v) : MathF.Round(v);
}
