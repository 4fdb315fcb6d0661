using System.Globalization;
using System.Text;

namespace GradRepl.Plotting.Terminal;

/// <summary>
/// DEC sixel graphics: <c>ESC P 0;1 q</c>, the size (<c>"1;1;W;H</c>, square pixels), the palette
/// (<c>#i;2;r;g;b</c> in percent), then the image in bands six pixels high: for each colour used in a band
/// <c>#i</c> and one character per column (63 plus a bit for each of the six pixels that has the colour, top bit
/// first; <c>!n</c> repeats), <c>$</c> back to the band's start for the next colour, <c>-</c> to the next band;
/// <c>ESC \</c> ends it. Colours are reduced to at most 256 by <see cref="PaletteQuantizer"/>.
/// </summary>
public static class SixelImage
{
    /// <summary>The escape that draws the image at the cursor.</summary>
    /// <param name="rgba">The pixels, row by row, 4 bytes each (red, green, blue, straight alpha).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentException">The size is not positive or <paramref name="rgba"/> does not hold width x height pixels.</exception>
    public static string Encode(ReadOnlySpan<byte> rgba, int width, int height)
    {
        if (width < 1 || height < 1 || rgba.Length != (long)width * height * 4)
        {
            throw new ArgumentException($"A {width}x{height} image needs {(long)width * height * 4} bytes of RGBA, got {rgba.Length}.", nameof(rgba));
        }

        var (palette, indices) = PaletteQuantizer.Quantize(rgba);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"\u001bP0;1q\"1;1;{width};{height}");
        for (var p = 0; p < palette.Length / 3; p++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"#{p};2;{Percent(palette[p * 3])};{Percent(palette[(p * 3) + 1])};{Percent(palette[(p * 3) + 2])}");
        }

        // the six bits of each column for each colour of the band; only the rows of colours in use are touched
        var bits = new byte[(palette.Length / 3) * width];
        var used = new List<int>();
        var inUse = new bool[palette.Length / 3];
        for (var top = 0; top < height; top += 6)
        {
            for (var y = top; y < Math.Min(top + 6, height); y++)
            {
                for (var x = 0; x < width; x++)
                {
                    int color = indices[(y * width) + x];
                    if (!inUse[color])
                    {
                        inUse[color] = true;
                        used.Add(color);
                    }

                    bits[(color * width) + x] |= (byte)(1 << (y - top));
                }
            }

            for (var k = 0; k < used.Count; k++)
            {
                sb.Append(k == 0 ? "#" : "$#").Append(used[k]);
                AppendRow(sb, bits.AsSpan(used[k] * width, width));
                bits.AsSpan(used[k] * width, width).Clear();
                inUse[used[k]] = false;
            }

            used.Clear();
            if (top + 6 < height)
            {
                sb.Append('-');
            }
        }

        return sb.Append("\u001b\\").ToString();
    }

    /// <summary>One colour's row of a band, run-length encoded; columns after its last pixel are left out.</summary>
    private static void AppendRow(StringBuilder sb, ReadOnlySpan<byte> row)
    {
        var end = row.Length;
        while (end > 0 && row[end - 1] == 0)
        {
            end--;
        }

        for (var x = 0; x < end;)
        {
            var run = 1;
            while (x + run < end && row[x + run] == row[x])
            {
                run++;
            }

            var c = (char)(63 + row[x]);
            if (run > 3)
            {
                sb.Append('!').Append(run).Append(c);
            }
            else
            {
                sb.Append(c, run);
            }

            x += run;
        }
    }

    private static int Percent(byte channel) => (int)Math.Round(channel * 100.0 / 255);
}
