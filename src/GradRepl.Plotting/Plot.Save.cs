using GradRepl.Plotting.Backends.Png;
using GradRepl.Plotting.Backends.Svg;
using GradRepl.Plotting.Backends.Terminal;

namespace GradRepl.Plotting;

/// <summary>Output: PNG and SVG files or bytes, and the terminal preview.</summary>
public sealed partial class Plot
{
    /// <summary>The largest width or height accepted for an image, in pixels.</summary>
    public const int MaxImageSize = 16384;

    /// <summary>Renders the plot as PNG bytes (8-bit RGB). The same plot always gives the same bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or above <see cref="MaxImageSize"/>.</exception>
    public byte[] GetPngBytes(int width = 640, int height = 480)
    {
        CheckSize(width, height);
        var canvas = new PngCanvas(width, height);
        Render(canvas);
        return PngEncoder.Encode(canvas.Image);
    }

    /// <summary>Renders the plot as an SVG document (viewBox in pixels, text as real <c>&lt;text&gt;</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or above <see cref="MaxImageSize"/>.</exception>
    public string GetSvgXml(int width = 640, int height = 480)
    {
        CheckSize(width, height);
        var canvas = new SvgCanvas(width, height);
        Render(canvas);
        return canvas.ToXml();
    }

    /// <summary>
    /// Saves the plot as a PNG file. Parent directories are created; the file is written to a temporary file
    /// beside it and renamed into place, so readers never see a partial image.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or above <see cref="MaxImageSize"/>.</exception>
    /// <exception cref="IOException">The file cannot be written; the message names the path and the reason.</exception>
    public void SavePng(string path, int width = 640, int height = 480) =>
        AtomicFile.Write(path, GetPngBytes(width, height));

    /// <summary>Saves the plot as an SVG file, atomically like <see cref="SavePng"/>.</summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or above <see cref="MaxImageSize"/>.</exception>
    /// <exception cref="IOException">The file cannot be written; the message names the path and the reason.</exception>
    public void SaveSvg(string path, int width = 640, int height = 480) =>
        AtomicFile.Write(path, new System.Text.UTF8Encoding(false).GetBytes(GetSvgXml(width, height)));

    /// <summary>
    /// Draws the plot as text for a terminal: the series in Unicode braille (2×4 dots per character), the axis
    /// ranges and the legend as text. With <paramref name="color"/>, each series is coloured with 24-bit ANSI
    /// escapes. This method never looks at the environment: honouring <c>NO_COLOR</c> or a non-terminal output
    /// is the caller's decision, made by passing <paramref name="color"/>.
    /// </summary>
    /// <param name="columns">Width of the result in characters (at least 20).</param>
    /// <param name="rows">Height of the result in lines (at least 5).</param>
    /// <param name="color">Whether to emit ANSI colour escapes.</param>
    /// <returns>The lines, joined by <c>\n</c>, without a trailing newline.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The size is too small or too large.</exception>
    public string RenderTerminal(int columns, int rows, bool color) => TerminalRenderer.Render(this, columns, rows, color);

    private static void CheckSize(int width, int height)
    {
        if (width < 1 || width > MaxImageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"An image width must be between 1 and {MaxImageSize} pixels.");
        }

        if (height < 1 || height > MaxImageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"An image height must be between 1 and {MaxImageSize} pixels.");
        }
    }
}
