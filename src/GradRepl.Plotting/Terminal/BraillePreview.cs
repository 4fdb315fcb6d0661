using System.Text;
using GradRepl.Plotting.TickGenerators;
using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting.Terminal;

/// <summary>
/// The terminal preview, read from the rendered figure so that every plot type previews: each braille dot of the
/// grid is set when its share of the axes box holds ink (a pixel clearly off white), in the colour of its most
/// saturated pixel. Around it: the title, the y range on the left, the x range under it, the x label and the
/// legend as text. Pure: the same figure and size give the same text.
/// </summary>
internal static class BraillePreview
{
    private const string Reset = "\u001b[0m";

    public static string Render(Plot plot, SKPixmap image, PixelRect dataRect, int columns, int rows, bool color)
    {
        if (columns < 20 || columns > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), columns, "A terminal preview needs 20 to 1000 columns.");
        }

        if (rows < 5 || rows > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "A terminal preview needs 5 to 1000 rows.");
        }

        var limits = plot.Axes.GetLimits();
        var legend = plot.Legend.IsVisible ? plot.Legend.GetItems().Where(i => !string.IsNullOrEmpty(i.LabelText)).ToList() : [];
        // what does not fit goes, least useful first: the title, the x label, the legend
        var title = NullIfEmpty(plot.Axes.Title.Label.Text);
        var xLabel = NullIfEmpty(plot.Axes.Bottom.Label.Text);
        int Reserved() => (title is null ? 0 : 1) + 2 + (xLabel is null ? 0 : 1) + (legend.Count == 0 ? 0 : 1);
        if (rows - Reserved() < 2)
        {
            title = null;
        }

        if (rows - Reserved() < 2)
        {
            xLabel = null;
        }

        if (rows - Reserved() < 2)
        {
            legend = [];
        }

        var lines = new List<string>();
        if (title is not null)
        {
            lines.Add(Fit(Center(title, columns), columns));
        }

        var plotRows = rows - Reserved();
        double yMin = Math.Min(limits.Bottom, limits.Top), yMax = Math.Max(limits.Bottom, limits.Top);
        double xMin = Math.Min(limits.Left, limits.Right), xMax = Math.Max(limits.Left, limits.Right);

        // y tick labels on the rows their values fall in, about one every three rows
        var yPositions = NumericTickGenerator.Positions(yMin, yMax, Math.Max(1, plotRows / 3));
        var yTickLabels = TickLabelFormatter.Format(yPositions);
        var gutter = Math.Max(2, yTickLabels.Select(l => l.Length).DefaultIfEmpty(0).Max() + 1);
        var plotColumns = Math.Max(1, columns - gutter);
        var grid = new BrailleGrid(plotColumns, plotRows);
        var colors = Sample(image, dataRect, grid);
        var yLabels = new Dictionary<int, string>();
        for (var i = 0; i < yPositions.Length; i++)
        {
            var row = (int)Math.Floor((yMax - yPositions[i]) / (yMax - yMin) * grid.DotHeight / 4);
            yLabels.TryAdd(Math.Clamp(row, 0, plotRows - 1), yTickLabels[i]);
        }

        for (var r = 0; r < plotRows; r++)
        {
            var sb = new StringBuilder();
            var label = yLabels.GetValueOrDefault(r, string.Empty);
            sb.Append(label.PadLeft(gutter - 1)).Append(label.Length > 0 ? '┤' : '│');
            var current = -1;
            for (var c = 0; c < plotColumns; c++)
            {
                var series = grid.SeriesAt(c, r);
                if (color && series != current)
                {
                    if (current >= 0)
                    {
                        sb.Append(Reset);
                    }

                    if (series >= 0)
                    {
                        sb.Append(Ansi(colors[series]));
                    }

                    current = series;
                }

                sb.Append(grid.CharAt(c, r));
            }

            if (color && current >= 0)
            {
                sb.Append(Reset);
            }

            lines.Add(sb.ToString());
        }

        // x tick labels centred under their columns, skipping any that would touch a neighbour
        var xPositions = NumericTickGenerator.Positions(xMin, xMax, Math.Clamp(plotColumns / 10, 1, 9));
        var xTickLabels = TickLabelFormatter.Format(xPositions);
        var axis = new StringBuilder(new string(' ', gutter - 1) + "└" + new string('─', plotColumns));
        var labels = new StringBuilder(new string(' ', columns));
        var free = gutter - 1;
        for (var i = 0; i < xPositions.Length; i++)
        {
            var text = xTickLabels[i];
            var column = gutter + Math.Clamp((int)Math.Floor((xPositions[i] - xMin) / (xMax - xMin) * grid.DotWidth / 2), 0, plotColumns - 1);
            axis[column] = '┬';
            var start = Math.Min(column - (text.Length / 2), columns - text.Length);
            if (start >= free && start + text.Length <= columns)
            {
                for (var k = 0; k < text.Length; k++)
                {
                    labels[start + k] = text[k];
                }

                free = start + text.Length + 1;
            }
        }

        lines.Add(axis.ToString());
        lines.Add(labels.ToString());
        if (xLabel is { } xl)
        {
            lines.Add(Fit(new string(' ', gutter) + Center(xl, plotColumns), columns));
        }

        if (legend.Count > 0)
        {
            // entries that do not fit in the width are left out (the first one is cut short instead)
            var sb = new StringBuilder();
            var width = 0;
            foreach (var item in legend)
            {
                var gap = width == 0 ? 0 : 2;
                var label = width == 0 ? Fit(item.LabelText!, columns - 3) : item.LabelText!;
                if (width + gap + 3 + label.Length > columns)
                {
                    continue;
                }

                var swatch = item.LineWidth > 0 ? item.LineColor : item.MarkerFillColor;
                sb.Append(' ', gap).Append(color ? Ansi(swatch) + "──" + Reset : "──").Append(' ').Append(label);
                width += gap + 3 + label.Length;
            }

            lines.Add(sb.ToString());
        }

        return string.Join('\n', lines.Select(l => l.TrimEnd()));
    }

    /// <summary>
    /// Sets the grid's dots from the pixels of the axes box (its frame excluded) and returns the palette of colours the
    /// cells were given: a dot is set when its share of the box holds a pixel far from white.
    /// </summary>
    private static List<Color> Sample(SKPixmap image, PixelRect dataRect, BrailleGrid grid)
    {
        var palette = new List<Color>();
        // one pixel in from the frame on every side
        var left = (int)Math.Ceiling(dataRect.Left) + 1;
        var top = (int)Math.Ceiling(dataRect.Top) + 1;
        var right = Math.Min(image.Width, (int)Math.Floor(dataRect.Right) - 1);
        var bottom = Math.Min(image.Height, (int)Math.Floor(dataRect.Bottom) - 1);
        if (right <= left || bottom <= top)
        {
            return palette;
        }

        var sx = (double)(right - left) / grid.DotWidth;
        var sy = (double)(bottom - top) / grid.DotHeight;
        for (var dy = 0; dy < grid.DotHeight; dy++)
        {
            for (var dx = 0; dx < grid.DotWidth; dx++)
            {
                var inkiest = -1;
                var best = SKColors.White;
                for (var py = top + (int)(dy * sy); py < top + (int)((dy + 1) * sy) && py < bottom; py++)
                {
                    for (var px = left + (int)(dx * sx); px < left + (int)((dx + 1) * sx) && px < right; px++)
                    {
                        var c = image.GetPixelColor(px, py);
                        var ink = 765 - c.Red - c.Green - c.Blue;
                        if (ink > 240 && ink > inkiest)
                        {
                            (inkiest, best) = (ink, c);
                        }
                    }
                }

                if (inkiest >= 0)
                {
                    var colour = new Color(best.Red, best.Green, best.Blue);
                    var index = palette.IndexOf(colour);
                    if (index < 0)
                    {
                        palette.Add(colour);
                        index = palette.Count - 1;
                    }

                    grid.Set(dx, dy, index);
                }
            }
        }

        return palette;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Ansi(Color c) => $"\u001b[38;2;{c.R};{c.G};{c.B}m";

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";

    private static string Center(string text, int width) =>
        text.Length >= width ? text : new string(' ', (width - text.Length) / 2) + text;
}
