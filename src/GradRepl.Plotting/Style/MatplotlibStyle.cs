using ScottPlot;

namespace GradRepl.Plotting.Style;

/// <summary>
/// matplotlib's default look (its rcParams at 100 dpi) applied to a ScottPlot <see cref="Plot"/> once, so every
/// plot type added later gets it: white, DejaVu Sans, black frame with outward ticks on the left and bottom only,
/// no grid, tab10 colours, matplotlib's limits, ticks and legend box.
/// </summary>
internal static class MatplotlibStyle
{
    public static readonly float FontSize = Units.Points(10); // font.size, axes.labelsize, xtick.labelsize
    public static readonly float TitleSize = Units.Points(12); // axes.titlesize: large
    public static readonly float LineWidth = Units.Points(1.5); // lines.linewidth
    public static readonly float MarkerSize = Units.Points(6); // lines.markersize
    public static readonly float MarkerEdgeWidth = Units.Points(1); // lines.markeredgewidth: the strokes of x, +, |
    public static readonly float FrameWidth = Units.Points(0.8); // axes.linewidth
    public static readonly float TickLength = Units.Points(3.5);
    public static readonly float TickPad = Units.Points(3.5);
    public static readonly float LabelPad = Units.Points(4);
    public static readonly float TitlePad = Units.Points(6);

    // figure.subplot.*: the axes box as fractions of the figure; wspace and hspace between subplots
    public const float SubplotLeft = 0.125f;
    public const float SubplotRight = 0.9f;
    public const float SubplotBottom = 0.11f;
    public const float SubplotTop = 0.88f;
    public const float SubplotSpace = 0.2f;

    /// <summary>Applies the look to a new plot.</summary>
    public static void Apply(Plot plot)
    {
        EmbeddedFont.Register();
        // the figure paints its background once; each axes clears only its own layer (see ClearAxesLayer)
        var actions = plot.RenderManager.RenderActions;
        actions.RemoveAll(a => a is ScottPlot.Rendering.RenderActions.RenderFigureBackground);
        actions[actions.FindIndex(a => a is ScottPlot.Rendering.RenderActions.ClearCanvas)] = new ClearAxesLayer();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Add.Palette = new ScottPlot.Palettes.Category10();
        plot.HideGrid();
        plot.Axes.AutoScaler = new MatplotlibAutoScaler();

        foreach (var axis in plot.Axes.GetAxes())
        {
            StyleAxis(axis);
            // ScottPlot puts text a few pixels higher than matplotlib (measured on the lab's figures)
            axis.TickLabelStyle.OffsetY = axis.Edge == Edge.Bottom ? 4 : 3;
            axis.Label.OffsetY = axis.Edge == Edge.Bottom ? 3 : 0;
            // the top and right spines carry no ticks in matplotlib
            axis.TickGenerator = axis.Edge is Edge.Bottom or Edge.Left ? new MatplotlibTickGenerator() : new ScottPlot.TickGenerators.NumericManual();
        }

        var title = plot.Axes.Title.Label;
        title.FontName = EmbeddedFont.Name;
        title.FontSize = TitleSize;
        title.Bold = false;
        title.ForeColor = Colors.Black;

        StyleLegend(plot.Legend);
    }

    /// <summary>An axis's frame, ticks and labels: black, 0.8 pt, outward ticks of 3.5 pt, DejaVu Sans 10 pt.</summary>
    public static void StyleAxis(IAxis axis)
    {
        // 0.8 pt is 1.1 px: matplotlib snaps such lines to one crisp pixel, so they are drawn 1 px wide, unsmoothed
        axis.FrameLineStyle.Width = 1;
        axis.FrameLineStyle.AntiAlias = false;
        axis.FrameLineStyle.Color = Colors.Black;
        axis.MajorTickStyle.Length = TickLength;
        axis.MajorTickStyle.Width = 1;
        axis.MajorTickStyle.AntiAlias = false;
        axis.MajorTickStyle.Color = Colors.Black;
        axis.MinorTickStyle.Length = 0;
        axis.TickLabelStyle.FontName = EmbeddedFont.Name;
        axis.TickLabelStyle.FontSize = FontSize;
        axis.TickLabelStyle.ForeColor = Colors.Black;
        axis.Label.FontName = EmbeddedFont.Name;
        axis.Label.FontSize = FontSize;
        axis.Label.Bold = false;
        axis.Label.ForeColor = Colors.Black;
    }

    private static void StyleLegend(Legend legend)
    {
        // legend.*: sizes in multiples of the font size; a white box at 80% opacity with a light grey edge
        var fs = FontSize;
        legend.FontName = EmbeddedFont.Name;
        legend.FontSize = fs;
        legend.FontColor = Colors.Black;
        legend.SetBestFontOnEachRender = false;
        legend.BackgroundColor = Colors.White.WithAlpha(0.8);
        legend.OutlineColor = new Color(204, 204, 204, 204);
        legend.OutlineWidth = Units.Points(1.0);
        legend.ShadowOffset = new PixelOffset(0, 0);
        legend.ShadowColor = Colors.Transparent;
        legend.Margin = new PixelPadding(0.5f * fs);
        legend.Padding = new PixelPadding(0.4f * fs);
        legend.SymbolWidth = 2.0f * fs;
        legend.SymbolPadding = 0.8f * fs;
        legend.InterItemPadding = new PixelPadding(0, 0, 0.25f * fs, 0.25f * fs);
    }
}
