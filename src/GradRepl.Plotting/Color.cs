using System.Globalization;

namespace GradRepl.Plotting;

/// <summary>An sRGB colour with straight (non-premultiplied) alpha.</summary>
/// <param name="R">Red, 0-255.</param>
/// <param name="G">Green, 0-255.</param>
/// <param name="B">Blue, 0-255.</param>
/// <param name="A">Opacity, 0 (transparent) to 255 (opaque).</param>
public readonly record struct Color(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Opaque black.</summary>
    public static Color Black => new(0, 0, 0);

    /// <summary>Opaque white.</summary>
    public static Color White => new(255, 255, 255);

    /// <summary>Parses <c>#rrggbb</c> or <c>#rrggbbaa</c> (the leading <c>#</c> is optional).</summary>
    /// <exception cref="FormatException">The text is not a hex colour.</exception>
    public static Color FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.StartsWith('#') ? hex[1..] : hex;
        if ((s.Length != 6 && s.Length != 8) || !uint.TryParse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
        {
            throw new FormatException($"'{hex}' is not a colour in #rrggbb or #rrggbbaa form.");
        }

        return s.Length == 6
            ? new Color((byte)(v >> 16), (byte)(v >> 8), (byte)v)
            : new Color((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    /// <summary>The same colour with its opacity replaced by <paramref name="alpha"/> (0 to 1).</summary>
    public Color WithAlpha(double alpha) => this with { A = (byte)Math.Round(Math.Clamp(alpha, 0, 1) * 255) };

    /// <summary><c>#rrggbb</c>, or <c>#rrggbbaa</c> when not opaque.</summary>
    public string ToHex() => A == 255 ? $"#{R:x2}{G:x2}{B:x2}" : $"#{R:x2}{G:x2}{B:x2}{A:x2}";

    /// <inheritdoc/>
    public override string ToString() => ToHex();
}
