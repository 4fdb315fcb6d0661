using System.Text;
using GradRepl.Plotting.Plottables;
using GradRepl.Plotting.Primitives;
using GradRepl.Plotting.Rendering;
using GradRepl.Plotting.TickGenerators;

namespace GradRepl.Plotting.Backends.Terminal;

/// <summary>
/// The terminal preview: title, braille plot area with the y range on its left, the x range under it, the x
/// label, and the legend as one line of coloured dashes and names. Pure: the same plot and size give the same text.
/// </summary>
internal static class TerminalRenderer
{
    private const string Reset = "\u001b[0m";

    public static string Render(Plot plot, int columns, int rows, bool color)
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
        var legend = plot.Legend.IsVisible ? plot.Plottables.SelectMany(p => p.LegendItems).ToList() : [];
        // what does not fit goes, least useful first: the title, the x label, the legend
        var title = plot.TitleText;
        var xLabel = plot.XLabelText;
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

        // y tick labels on the rows their values fall in, about one every three rows
        var yTicks = TickLabelFormatter.Format(NumericTickGenerator.Positions(
            Math.Min(limits.Bottom, limits.Top), Math.Max(limits.Bottom, limits.Top), Math.Max(1, plotRows / 3)));
        var gutter = Math.Max(2, yTicks.Select(t => t.Label.Length).DefaultIfEmpty(0).Max() + 1);
        var plotColumns = Math.Max(1, columns - gutter);
        var grid = new BrailleGrid(plotColumns, plotRows);
        var mapper = new CoordinateMapper(limits, new PixelRect(0, 0, grid.DotWidth, grid.DotHeight));
        var yLabels = new Dictionary<int, string>();
        foreach (var t in yTicks)
        {
            var row = (int)MathF.Floor(mapper.Y(t.Position) / 4);
            yLabels.TryAdd(Math.Clamp(row, 0, plotRows - 1), t.Label);
        }

        var index = 0;
        var colors = new List<Color>();
        foreach (var p in plot.Plottables)
        {
            colors.Add(p is Scatter s ? s.Color : Color.Black);
            foreach (var line in p.GetPolylines(mapper))
            {
                if (line.Length == 1)
                {
                    grid.Set((int)MathF.Floor(line[0].X), (int)MathF.Floor(line[0].Y), index);
                }

                for (var i = 0; i + 1 < line.Length; i++)
                {
                    grid.Line(line[i].X, line[i].Y, line[i + 1].X, line[i + 1].Y, index);
                }
            }

            index++;
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
        var xTicks = TickLabelFormatter.Format(NumericTickGenerator.Positions(
            Math.Min(limits.Left, limits.Right), Math.Max(limits.Left, limits.Right), Math.Clamp(plotColumns / 10, 1, 9)));
        var axis = new StringBuilder(new string(' ', gutter - 1) + "└" + new string('─', plotColumns));
        var labels = new StringBuilder(new string(' ', columns));
        var free = gutter - 1;
        foreach (var t in xTicks)
        {
            var column = gutter + Math.Clamp((int)MathF.Floor(mapper.X(t.Position) / 2), 0, plotColumns - 1);
            axis[column] = '┬';
            var start = Math.Min(column - (t.Label.Length / 2), columns - t.Label.Length);
            if (start >= free && start + t.Label.Length <= columns)
            {
                for (var i = 0; i < t.Label.Length; i++)
                {
                    labels[start + i] = t.Label[i];
                }

                free = start + t.Label.Length + 1;
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
            var visible = 0;
            var s = 0;
            foreach (var p in plot.Plottables)
            {
                foreach (var item in p.LegendItems)
                {
                    var gap = visible == 0 ? 0 : 2;
                    var label = visible == 0 ? Fit(item.Label, columns - 3) : item.Label;
                    if (visible + gap + 3 + label.Length > columns)
                    {
                        continue;
                    }

                    sb.Append(' ', gap).Append(color ? Ansi(colors[s]) + "──" + Reset : "──").Append(' ').Append(label);
                    visible += gap + 3 + label.Length;
                }

                s++;
            }

            lines.Add(sb.ToString());
        }

        return string.Join('\n', lines.Select(l => l.TrimEnd()));
    }

    private static string Ansi(Color c) => $"\u001b[38;2;{c.R};{c.G};{c.B}m";

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";

    private static string Center(string text, int width) =>
        text.Length >= width ? text : new string(' ', (width - text.Length) / 2) + text;
}
