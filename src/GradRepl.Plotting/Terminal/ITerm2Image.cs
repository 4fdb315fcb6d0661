using System.Globalization;

namespace GradRepl.Plotting.Terminal;

/// <summary>
/// iTerm2's inline images, also understood by WezTerm: <c>ESC ]1337;File=inline=1;size=BYTES:BASE64 BEL</c>, the file
/// bytes (a PNG here) drawn at the cursor at their own size, the cursor left after the image.
/// </summary>
public static class ITerm2Image
{
    /// <summary>The escape that draws <paramref name="png"/> at the cursor.</summary>
    /// <param name="png">The bytes of a PNG file.</param>
    public static string Encode(ReadOnlySpan<byte> png) =>
        string.Create(CultureInfo.InvariantCulture, $"\u001b]1337;File=inline=1;size={png.Length}:{Convert.ToBase64String(png)}\u0007");
}
