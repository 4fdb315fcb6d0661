namespace GradRepl.Plotting.Backends.Png;

/// <summary>An opaque 8-bit RGB image, rows top to bottom, blended in sRGB space as matplotlib's Agg does.</summary>
internal sealed class RgbImage
{
    public RgbImage(int width, int height)
    {
        Width = width;
        Height = height;
        Pixels = new byte[checked(width * height * 3)];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public void Clear(Color c)
    {
        // One pixel, then the filled part copied after itself, doubling (Array.Copy is a memmove). Not Span.Fill:
        // its vectorised loop cannot be precompiled, so it cost JIT time in every process (bench/README.md).
        Pixels[0] = c.R;
        Pixels[1] = c.G;
        Pixels[2] = c.B;
        for (var filled = 3; filled < Pixels.Length; filled *= 2)
        {
            Array.Copy(Pixels, 0, Pixels, filled, Math.Min(filled, Pixels.Length - filled));
        }
    }

    /// <summary>Paints <paramref name="c"/> over pixel (x, y) with the given coverage (0 to 1).</summary>
    public void Blend(int x, int y, Color c, float coverage)
    {
        var i = ((y * Width) + x) * 3;
        var a = coverage * c.A * (1f / 255f);
        if (a >= 0.999f)
        {
            Pixels[i] = c.R;
            Pixels[i + 1] = c.G;
            Pixels[i + 2] = c.B;
            return;
        }

        Pixels[i] = Mix(Pixels[i], c.R, a);
        Pixels[i + 1] = Mix(Pixels[i + 1], c.G, a);
        Pixels[i + 2] = Mix(Pixels[i + 2], c.B, a);
    }

    public Color GetPixel(int x, int y)
    {
        var i = ((y * Width) + x) * 3;
        return new Color(Pixels[i], Pixels[i + 1], Pixels[i + 2]);
    }

    private static byte Mix(byte dst, byte src, float a) => (byte)(dst + ((src - dst) * a) + 0.5f);
}
