using System.Globalization;

namespace GradRepl.Plotting.Tests.Support;

/// <summary>
/// A small sixel decoder, written from the DEC VT330/VT340 manual independently of the encoder, to check what a terminal
/// would draw: the raster size, the palette (RGB in percent) and each pixel's colour.
/// </summary>
internal sealed class SixelDecoder
{
    private SixelDecoder(int width, int height, Dictionary<int, (int R, int G, int B)> palette, int[] pixels)
    {
        Width = width;
        Height = height;
        Palette = palette;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Colour register to (r, g, b) in percent, 0 to 100.</summary>
    public Dictionary<int, (int R, int G, int B)> Palette { get; }

    /// <summary>The colour register of each pixel, row by row; -1 where nothing was drawn.</summary>
    public int[] Pixels { get; }

    /// <summary>The colour drawn at (x, y) in 0-255 channels, or null where nothing was drawn.</summary>
    public (int R, int G, int B)? ColorAt(int x, int y)
    {
        var register = Pixels[(y * Width) + x];
        if (register < 0) return null;
        var (r, g, b) = Palette[register];
        return ((int)Math.Round(r * 2.55), (int)Math.Round(g * 2.55), (int)Math.Round(b * 2.55));
    }

    public static SixelDecoder Decode(string text)
    {
        if (!text.StartsWith("\u001bP", StringComparison.Ordinal)) throw new FormatException("no DCS at the start");
        if (!text.EndsWith("\u001b\\", StringComparison.Ordinal)) throw new FormatException("no ST at the end");
        var q = text.IndexOf('q', StringComparison.Ordinal);
        if (q < 0 || text[2..q].Any(c => !char.IsAsciiDigit(c) && c != ';')) throw new FormatException("the DCS parameters are not digits and ';' before 'q'");
        var body = text[(q + 1)..^2];
        var i = 0;

        int[] Numbers()
        {
            var list = new List<int>();
            var start = i;
            while (i < body.Length && (char.IsAsciiDigit(body[i]) || body[i] == ';')) i++;
            foreach (var part in body[start..i].Split(';')) list.Add(part.Length == 0 ? 0 : int.Parse(part, CultureInfo.InvariantCulture));
            return [.. list];
        }

        if (body.Length == 0 || body[0] != '"') throw new FormatException("no raster attributes");
        i = 1;
        var raster = Numbers();
        if (raster.Length != 4) throw new FormatException("raster attributes need Pan;Pad;Ph;Pv");
        int width = raster[2], height = raster[3];
        var pixels = new int[width * height];
        Array.Fill(pixels, -1);
        var palette = new Dictionary<int, (int, int, int)>();
        int x = 0, band = 0, color = 0;

        void Put(int sixel, int repeat)
        {
            for (var k = 0; k < repeat; k++, x++)
            {
                for (var bit = 0; bit < 6; bit++)
                {
                    if ((sixel & (1 << bit)) == 0) continue;
                    var y = (band * 6) + bit;
                    if (x >= width || y >= height) throw new FormatException($"pixel ({x}, {y}) outside the {width}x{height} raster");
                    pixels[(y * width) + x] = color;
                }
            }
        }

        while (i < body.Length)
        {
            var c = body[i++];
            switch (c)
            {
                case '#':
                    var n = Numbers();
                    if (n.Length == 5)
                    {
                        if (n[1] != 2) throw new FormatException("only RGB colours (Pu=2) are expected");
                        if (n.Skip(2).Any(v => v is < 0 or > 100)) throw new FormatException($"colour {n[0]} has a channel outside 0-100");
                        palette[n[0]] = (n[2], n[3], n[4]);
                    }
                    else if (n.Length == 1)
                    {
                        if (!palette.ContainsKey(n[0])) throw new FormatException($"colour {n[0]} selected before it was defined");
                        color = n[0];
                    }
                    else
                    {
                        throw new FormatException("a colour introducer needs 1 or 5 numbers");
                    }

                    break;
                case '!':
                    var repeat = Numbers()[0];
                    Put(body[i++] - 63, repeat);
                    break;
                case '$':
                    x = 0;
                    break;
                case '-':
                    x = 0;
                    band++;
                    break;
                case >= '?' and <= '~':
                    Put(c - 63, 1);
                    break;
                default:
                    throw new FormatException($"unexpected character U+{(int)c:X4} in sixel data");
            }
        }

        return new SixelDecoder(width, height, palette, pixels);
    }
}
