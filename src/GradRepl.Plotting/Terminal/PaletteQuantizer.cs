namespace GradRepl.Plotting.Terminal;

/// <summary>
/// Reduces an image to at most 256 colours for sixel by median cut: colours are binned at 5 bits a channel, and the
/// box of bins with the most pixels times the widest channel range is split at its pixel median along that channel
/// until there are enough boxes or none can be split. Each box's colour is the mean of its pixels (a plot's flat
/// colours, each alone in its box, stay exact: white stays 255, 255, 255) and every bin takes the nearest box colour.
/// Deterministic: ties go to the earlier box and the lower bin.
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

        var boxes = new List<int[]> { Enumerable.Range(0, Bins).Where(b => counts[b] > 0).ToArray() };
        while (boxes.Count < maxColors && Widest(boxes, counts) is { Box: >= 0 } widest)
        {
            var (low, high) = Split(boxes[widest.Box], widest.Channel, counts);
            boxes[widest.Box] = low;
            boxes.Add(high);
        }

        var palette = new byte[boxes.Count * 3];
        for (var p = 0; p < boxes.Count; p++)
        {
            long pixelsInBox = boxes[p].Sum(b => (long)counts[b]);
            for (var c = 0; c < 3; c++)
            {
                palette[(p * 3) + c] = (byte)Math.Round((double)boxes[p].Sum(b => sums[(b * 3) + c]) / pixelsInBox);
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

    /// <summary>The box to split next and along which channel (0 red, 1 green, 2 blue); box -1 when none can be split.</summary>
    private static (int Box, int Channel) Widest(List<int[]> boxes, int[] counts)
    {
        (int Box, int Channel) best = (-1, 0);
        long bestScore = 0;
        for (var i = 0; i < boxes.Count; i++)
        {
            if (boxes[i].Length < 2)
            {
                continue;
            }

            long pixels = boxes[i].Sum(b => (long)counts[b]);
            for (var c = 0; c < 3; c++)
            {
                var range = boxes[i].Max(b => Channel(b, c)) - boxes[i].Min(b => Channel(b, c));
                if (range > 0 && pixels * range > bestScore)
                {
                    best = (i, c);
                    bestScore = pixels * range;
                }
            }
        }

        return best;
    }

    /// <summary>The box's bins in two, at the pixel median along the channel (both halves non-empty).</summary>
    private static (int[] Low, int[] High) Split(int[] box, int channel, int[] counts)
    {
        var sorted = box.OrderBy(b => Channel(b, channel)).ThenBy(b => b).ToArray();
        long half = sorted.Sum(b => (long)counts[b]) / 2, seen = 0;
        var cut = 1;
        for (; cut < sorted.Length - 1; cut++)
        {
            seen += counts[sorted[cut - 1]];
            if (seen >= half)
            {
                break;
            }
        }

        // never between two bins with the same value on this channel, so the halves' ranges shrink
        while (cut < sorted.Length - 1 && Channel(sorted[cut], channel) == Channel(sorted[cut - 1], channel))
        {
            cut++;
        }

        while (cut > 1 && Channel(sorted[cut], channel) == Channel(sorted[cut - 1], channel))
        {
            cut--;
        }

        return (sorted[..cut], sorted[cut..]);
    }

    private static int Channel(int bin, int channel) => (bin >> (10 - (5 * channel))) & 31;

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
