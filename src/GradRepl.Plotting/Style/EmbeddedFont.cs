using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting.Style;

/// <summary>
/// DejaVu Sans from this assembly's resources, handed to ScottPlot through its font resolver: figures never depend
/// on the fonts a machine has (with none installed, ScottPlot would draw no text at all and raise nothing).
/// </summary>
internal sealed class EmbeddedFont : IFontResolver
{
    /// <summary>The family name every label of a figure asks for.</summary>
    public const string Name = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> s_typeface = new(Load);
    private static int s_registered;

    /// <summary>The embedded typeface.</summary>
    public static SKTypeface Typeface => s_typeface.Value;

    /// <summary>Puts the resolver first in ScottPlot's list, once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFont());
        }
    }

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == Name ? Typeface : null;

    /// <inheritdoc/>
    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == Name ? Typeface : null;

    private static SKTypeface Load()
    {
        using var stream = typeof(EmbeddedFont).Assembly.GetManifestResourceStream("GradRepl.Plotting.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The embedded DejaVu Sans font is missing from GradRepl.Plotting.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("SkiaSharp could not read the embedded DejaVu Sans font.");
    }
}
