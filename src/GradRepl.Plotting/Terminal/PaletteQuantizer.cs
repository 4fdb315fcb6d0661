namespace GradRepl.Plotting.Terminal;

/// <summary>
/// Reduces an image to at most 256 colours for sixel, by popularity: colours are binned at 5 bits a channel, the most
/// frequent bins become the palette (each the mean of its pixels, so white stays 255, 255, 255) and every other bin
/// takes the nearest of them. A plot is a few flat colours and their anti-aliased edges, which this keeps exactly
/// where it matters; median cut would spend entries on edge shades. Deterministic: ties go to the lower bin.
/// </summary>
internal static class PaletteQuantizer
{
    private const int Bins = 1 << 15;

    /// <summary>The palette (r, g, b a colour) and each pixel's index into it.</summary>
    /// <param name="rgba">Pixels, 4 bytes each, straight (not premultiplied) alpha; partly transparent ones are put over white.</param>
    /// <param name="maxColors">The most colours the palette may hold (1 to 256).</param>
    public static (byte[] Palette, byte[] Indices) Quantize(ReadOnlySpan<byte> rgba, int maxColors = 256)
    {
        if (maxColors is < 1 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(maxColors), maxColors, "A palette holds 1 to 256 colours.");
        }

        var pixels = rgba.Length / 4;
        var bins = new int[pixels];
        var counts = new int[Bins];
        var sums = new long[Bins * 3];
        for (var i = 0; i < pixels; i++)
        {
            var (r, g, b) = OverWhite(rgba.Slice(i * 4, 4));
            var bin = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
            bins[i] = bin;
            counts[bin]++;
            sums[bin * 3] += r;
            sums[(bin * 3) + 1] += g;
            sums[(bin * 3) + 2] += b;
        }

        var chosen = Enumerable.Range(0, Bins).Where(b => counts[b] > 0)
            .OrderByDescending(b => counts[b]).ThenBy(b => b).Take(maxColors).ToArray();
        var palette = new byte[chosen.Length * 3];
        for (var p = 0; p < chosen.Length; p++)
        {
            for (var c = 0; c < 3; c++)
            {
                palette[(p * 3) + c] = (byte)Math.Round((double)sums[(chosen[p] * 3) + c] / counts[chosen[p]]);
            }
        }

        // each bin in use maps to its nearest palette entry, found once
        var nearest = new int[Bins];
        Array.Fill(nearest, -1);
        var indices = new byte[pixels];
        for (var i = 0; i < pixels; i++)
        {
            var bin = bins[i];
            if (nearest[bin] < 0)
            {
                nearest[bin] = Nearest(palette, sums, bin, counts[bin]);
            }

            indices[i] = (byte)nearest[bin];
        }

        return (palette, indices);
    }

    private static (int R, int G, int B) OverWhite(ReadOnlySpan<byte> pixel)
    {
        int a = pixel[3];
        int Blend(int c) => ((c * a) + (255 * (255 - a)) + 127) / 255;
        return a == 255 ? (pixel[0], pixel[1], pixel[2]) : (Blend(pixel[0]), Blend(pixel[1]), Blend(pixel[2]));
    }

    private static int Nearest(byte[] palette, long[] sums, int bin, int count)
    {
        double r = (double)sums[bin * 3] / count, g = (double)sums[(bin * 3) + 1] / count, b = (double)sums[(bin * 3) + 2] / count;
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var p = 0; p < palette.Length / 3; p++)
        {
            double dr = palette[p * 3] - r, dg = palette[(p * 3) + 1] - g, db = palette[(p * 3) + 2] - b;
            var distance = (dr * dr) + (dg * dg) + (db * db);
            if (distance < bestDistance)
            {
                best = p;
                bestDistance = distance;
            }
        }

        return best;
    }
}
