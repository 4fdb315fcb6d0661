using ScottPlot;

namespace GradRepl.Plotting.Pyplot;

/// <summary>
/// matplotlib's format string (<c>"rx"</c>, <c>"b--"</c>, <c>"o-"</c>, <c>"C2:"</c>): an optional colour, marker and
/// line style in any order. A marker alone means no line; no marker and no line style means a solid line.
/// </summary>
public sealed record FormatString(Color? Color, MarkerShape Marker, float MarkerScale, LinePattern? Line)
{
    // matplotlib's single-letter colours ("b" is pure blue, not tab10's blue)
    private static readonly Dictionary<char, Color> s_colors = new()
    {
        ['b'] = new Color(0, 0, 255), ['g'] = new Color(0, 128, 0), ['r'] = new Color(255, 0, 0),
        ['c'] = new Color(0, 191, 191), ['m'] = new Color(191, 0, 191), ['y'] = new Color(191, 191, 0),
        ['k'] = new Color(0, 0, 0), ['w'] = new Color(255, 255, 255),
    };

    // markers ScottPlot has a shape for; the rest of matplotlib's map to the nearest one
    private static readonly Dictionary<char, (MarkerShape Shape, float Scale)> s_markers = new()
    {
        ['.'] = (MarkerShape.FilledCircle, 0.5f), [','] = (MarkerShape.FilledSquare, 0.2f), ['o'] = (MarkerShape.FilledCircle, 1),
        ['v'] = (MarkerShape.FilledTriangleDown, 1), ['^'] = (MarkerShape.FilledTriangleUp, 1), ['<'] = (MarkerShape.FilledTriangleUp, 1),
        ['>'] = (MarkerShape.FilledTriangleUp, 1), ['s'] = (MarkerShape.FilledSquare, 1), ['p'] = (MarkerShape.FilledCircle, 1),
        ['*'] = (MarkerShape.Asterisk, 1.2f), ['h'] = (MarkerShape.FilledCircle, 1), ['H'] = (MarkerShape.FilledCircle, 1),
        ['+'] = (MarkerShape.Cross, 1), ['x'] = (MarkerShape.Eks, 1), ['D'] = (MarkerShape.FilledDiamond, 1),
        ['d'] = (MarkerShape.FilledDiamond, 0.8f), ['|'] = (MarkerShape.VerticalBar, 1), ['_'] = (MarkerShape.HorizontalBar, 1),
        ['1'] = (MarkerShape.TriDown, 1), ['2'] = (MarkerShape.TriUp, 1), ['3'] = (MarkerShape.TriUp, 1), ['4'] = (MarkerShape.TriDown, 1),
    };

    /// <summary>A solid line in the next colour of the cycle (an empty format string).</summary>
    public static FormatString Default { get; } = new(null, MarkerShape.None, 1, LinePattern.Solid);

    /// <summary>Reads a format string as matplotlib does.</summary>
    /// <exception cref="ArgumentException">A character is not a colour, marker or line style; the message names it, as matplotlib's does.</exception>
    public static FormatString Parse(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return Default;
        }

        Color? color = null;
        var marker = MarkerShape.None;
        var scale = 1f;
        LinePattern? line = null;
        var lineGiven = false;
        var i = 0;
        while (i < format.Length)
        {
            var rest = format.AsSpan(i);
            if (rest.StartsWith("--") || rest.StartsWith("-."))
            {
                (line, lineGiven) = (rest[1] == '-' ? LinePattern.Dashed : LinePattern.DenselyDashed, true);
                i += 2;
            }
            else if (rest[0] == '-' || rest[0] == ':')
            {
                (line, lineGiven) = (rest[0] == '-' ? LinePattern.Solid : LinePattern.Dotted, true);
                i++;
            }
            else if (rest[0] == 'C' && rest.Length > 1 && char.IsAsciiDigit(rest[1]))
            {
                color = Tab10(rest[1] - '0');
                i += 2;
            }
            else if (s_colors.TryGetValue(rest[0], out var c))
            {
                color = c;
                i++;
            }
            else if (s_markers.TryGetValue(rest[0], out var m))
            {
                (marker, scale) = m;
                i++;
            }
            else
            {
                throw new ArgumentException($"'{format}' is not a valid format string (unrecognized character '{rest[0]}')");
            }
        }

        if (!lineGiven)
        {
            line = marker == MarkerShape.None ? LinePattern.Solid : null;
        }

        return new FormatString(color, marker, scale, line);
    }

    /// <summary>matplotlib's colour cycle ("tab10"), index taken modulo 10.</summary>
    public static Color Tab10(int index) => new ScottPlot.Palettes.Category10().GetColor(index);
}
