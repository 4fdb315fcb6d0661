namespace GradRepl.Plotting.Terminal;

/// <summary>A grid of braille characters, 2 dots wide and 4 high each; every cell remembers the last series that inked it.</summary>
internal sealed class BrailleGrid
{
    // bit of each dot, indexed [row, column] within a cell (Unicode braille patterns, U+2800)
    private static readonly int[,] s_bits = { { 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 } };

    private readonly int[] _dots;
    private readonly int[] _series;

    public BrailleGrid(int columns, int rows)
    {
        Columns = columns;
        Rows = rows;
        _dots = new int[columns * rows];
        _series = new int[columns * rows];
        Array.Fill(_series, -1);
    }

    public int Columns { get; }

    public int Rows { get; }

    public int DotWidth => Columns * 2;

    public int DotHeight => Rows * 4;

    public void Set(int x, int y, int series)
    {
        if (x < 0 || y < 0 || x >= DotWidth || y >= DotHeight)
        {
            return;
        }

        var cell = ((y / 4) * Columns) + (x / 2);
        _dots[cell] |= s_bits[y % 4, x % 2];
        _series[cell] = series;
    }

    /// <summary>Sets the dots along a segment given in dot coordinates (sampled every half dot).</summary>
    public void Line(float x0, float y0, float x1, float y1, int series)
    {
        var steps = (int)Math.Ceiling(Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) * 2);
        steps = Math.Clamp(steps, 1, 100_000);
        for (var i = 0; i <= steps; i++)
        {
            var t = (float)i / steps;
            Set((int)MathF.Floor(x0 + ((x1 - x0) * t)), (int)MathF.Floor(y0 + ((y1 - y0) * t)), series);
        }
    }

    public char CharAt(int column, int row) => (char)(0x2800 + _dots[(row * Columns) + column]);

    public int SeriesAt(int column, int row) => _dots[(row * Columns) + column] == 0 ? -1 : _series[(row * Columns) + column];
}
