using SkiaSharp;

namespace GradRepl.Plotting.Output;

/// <summary>The file formats a figure saves to.</summary>
public enum ImageFileFormat
{
    /// <summary>PNG, lossless, with alpha.</summary>
    Png,

    /// <summary>SVG: vector, text as text.</summary>
    Svg,

    /// <summary>JPEG at quality 95 (no alpha: the white background is kept).</summary>
    Jpeg,

    /// <summary>WebP, lossless.</summary>
    Webp,
}

/// <summary>Extensions to formats, and formats to SkiaSharp's encoders.</summary>
public static class ImageFileFormats
{
    /// <summary>The format a path's extension names.</summary>
    /// <exception cref="ArgumentException">The path is empty, or its extension names no supported format (the message names it).</exception>
    public static ImageFileFormat FromPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("Cannot save a figure to an empty path.");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".png" => ImageFileFormat.Png,
            ".svg" => ImageFileFormat.Svg,
            ".jpg" or ".jpeg" => ImageFileFormat.Jpeg,
            ".webp" => ImageFileFormat.Webp,
            "" => throw new ArgumentException($"Cannot save '{path}': the file name has no extension; use .png, .svg, .jpg or .webp."),
            _ => throw new ArgumentException($"Cannot save '{path}': format '{extension[1..]}' is not supported (supported: png, svg, jpg, jpeg, webp)."),
        };
    }

    internal static SKEncodedImageFormat ToSkia(this ImageFileFormat format) => format switch
    {
        ImageFileFormat.Jpeg => SKEncodedImageFormat.Jpeg,
        ImageFileFormat.Webp => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Png,
    };

    internal static int Quality(this ImageFileFormat format) => format == ImageFileFormat.Jpeg ? 95 : 100;
}
