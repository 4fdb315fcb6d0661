using GradRepl.Plotting.Output;
using GradRepl.Plotting.Style;
using GradRepl.Plotting.Terminal;
using ScottPlot;
using SkiaSharp;

namespace GradRepl.Plotting;

/// <summary>
/// A matplotlib figure: one or more ScottPlot <see cref="Plot"/>s (matplotlib's axes) laid out on a grid at
/// matplotlib's positions, each styled like matplotlib. Any ScottPlot call works on an axes
/// (<c>figure.CurrentAxes.Add.Scatter(...)</c>); the figure draws them all into one image.
/// <code>
/// var fig = new Figure();
/// fig.CurrentAxes.Add.ScatterLine(xs, ys);
/// fig.Save("plots/fig.png");   // or .svg .jpg .webp; atomic (temp file + rename)
/// </code>
/// </summary>
public sealed class Figure
{
    private readonly List<GridAxes> _subplots = [];
    private GridAxes _current;

    /// <summary>Creates a figure with one axes filling matplotlib's default axes box.</summary>
    /// <param name="width">Width in pixels (matplotlib's 6.4 inches at 100 dpi).</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1 or above <see cref="MaxImageSize"/>.</exception>
    public Figure(int width = 640, int height = 480)
    {
        CheckSize(width, height);
        Width = width;
        Height = height;
        _current = new GridAxes(NewAxes(), 1, 1, 1);
        _subplots.Add(_current);
    }

    private Figure(Plot axes)
    {
        Width = 640;
        Height = 480;
        _current = new GridAxes(axes, 1, 1, 1);
        _subplots.Add(_current);
    }

    /// <summary>A 640x480 figure holding <paramref name="axes"/> alone, as it is (not restyled), e.g. a plot made with ScottPlot's own <c>new Plot()</c>.</summary>
    /// <param name="axes">The axes.</param>
    public static Figure Of(Plot axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return new Figure(axes);
    }

    /// <summary>The zlib level of saved PNGs (1 to 9): 1 is the fastest.</summary>
    internal const int PngZlibLevel = 1;

    /// <summary>The largest width or height accepted, in pixels.</summary>
    public const int MaxImageSize = 16384;

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The current axes: where matplotlib-style calls draw (<c>gca()</c>).</summary>
    public Plot CurrentAxes => _current.Plot;

    /// <summary>Every axes of the figure, in the order they were made.</summary>
    public IReadOnlyList<Plot> Axes => _subplots.Select(s => s.Plot).ToList();

    /// <summary>
    /// Selects or makes the axes at <paramref name="index"/> (1-based, row by row) of a
    /// <paramref name="rows"/> x <paramref name="columns"/> grid and makes it current, like <c>plt.subplot(r, c, i)</c>.
    /// An untouched default axes is replaced; axes of another grid that overlap stay.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is below 1, or the index is outside the grid.</exception>
    public Plot Subplot(int rows, int columns, int index)
    {
        if (rows < 1 || columns < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"A subplot grid needs at least one row and one column, got {rows} x {columns}.");
        }

        if (index < 1 || index > rows * columns)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"num must be an integer with 1 <= num <= {rows * columns}, not {index}");
        }

        var existing = _subplots.FirstOrDefault(s => s.Rows == rows && s.Columns == columns && s.Index == index);
        if (existing is null)
        {
            // the figure's first axes, never drawn on, gives way to the grid (matplotlib starts with none)
            if (_subplots.Count == 1 && _subplots[0] is { Rows: 1, Columns: 1 } only && !only.Plot.GetPlottables().Any() && (rows, columns) != (1, 1))
            {
                _subplots.Clear();
            }

            existing = new GridAxes(NewAxes(), rows, columns, index);
            _subplots.Add(existing);
        }

        _current = existing;
        return existing.Plot;
    }

    /// <summary>Places this axes' legend at matplotlib's "best" corner on every render (what <c>legend()</c> asks for).</summary>
    /// <param name="axes">An axes of this figure.</param>
    public void UseBestLegendLocation(Plot axes) => Find(axes).BestLegend = true;

    /// <summary>
    /// Renders the figure in <paramref name="format"/> (PNG, JPEG, WebP or SVG). The same figure gives the same bytes.
    /// </summary>
    /// <exception cref="ArgumentException">The format is BMP or unknown.</exception>
    public byte[] GetImageBytes(ImageFileFormat format)
    {
        if (format == ImageFileFormat.Svg)
        {
            using var stream = new MemoryStream();
            using (var managed = new SKManagedWStream(stream))
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), managed))
            {
                Draw(canvas, raster: false);
            }

            return SvgIds.Renumber(stream.ToArray());
        }

        using var image = RenderImage();
        if (format == ImageFileFormat.Png)
        {
            return EncodePng(image);
        }

        using var data = image.Encode(format.ToSkia(), format.Quality());
        return data.ToArray();
    }

    /// <summary>
    /// Saves the figure in the format its extension names (<c>.png .svg .jpg .jpeg .webp</c>). Parent directories are
    /// created; the file is written beside the target and renamed into place, so readers never see a partial file.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty or its extension names no supported format.</exception>
    /// <exception cref="IOException">The file cannot be written; the message names the path and the reason.</exception>
    public void Save(string path)
    {
        var format = ImageFileFormats.FromPath(path);
        AtomicFile.Write(path, GetImageBytes(format));
    }

    /// <summary>
    /// The terminal preview of the current axes, read from the rendered image: its marks in Unicode braille (2x4 dots
    /// a character) with the axis ranges, the x label and the legend as text. With <paramref name="color"/>, marks are
    /// coloured with 24-bit ANSI escapes; this method never looks at the environment (the caller decides).
    /// </summary>
    /// <param name="columns">Width in characters (20 to 1000).</param>
    /// <param name="rows">Height in lines (5 to 1000).</param>
    /// <param name="color">Whether to emit ANSI colour escapes.</param>
    /// <returns>The lines joined by <c>\n</c>, without a trailing newline.</returns>
    public string RenderTerminal(int columns, int rows, bool color)
    {
        // the legend is drawn as a line of text under the preview, not as dots over the data
        var legend = CurrentAxes.Legend.IsVisible;
        CurrentAxes.Legend.IsVisible = false;
        SKImage image;
        try
        {
            image = RenderImage();
        }
        finally
        {
            CurrentAxes.Legend.IsVisible = legend;
        }

        using var _ = image;
        using var pixels = image.PeekPixels();
        var subplot = _current;
        return BraillePreview.Render(subplot.Plot, pixels, AxesRect(subplot), columns, rows, color);
    }

    /// <summary>
    /// The escapes that draw the figure, at its size in pixels, in a terminal that speaks <paramref name="protocol"/>
    /// (a PNG for kitty and iTerm2, the pixels for sixel). This method never looks at the environment: detection is
    /// <see cref="TerminalImageDetection"/>'s. The cursor is left after the image; the caller ends the line.
    /// </summary>
    /// <param name="protocol">The terminal's image protocol.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="protocol"/> is <see cref="TerminalImageProtocol.None"/> or unknown.</exception>
    public string RenderTerminalImage(TerminalImageProtocol protocol)
    {
        if (protocol is not (TerminalImageProtocol.Kitty or TerminalImageProtocol.ITerm2 or TerminalImageProtocol.Sixel))
        {
            throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "No image protocol to render for.");
        }

        using var image = RenderImage();
        if (protocol == TerminalImageProtocol.Sixel)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
            using var pixels = bitmap.PeekPixels();
            if (!image.ReadPixels(pixels))
            {
                throw new InvalidOperationException("SkiaSharp could not read the figure's pixels.");
            }

            return SixelImage.Encode(pixels.GetPixelSpan(), Width, Height);
        }

        var png = EncodePng(image);
        return protocol == TerminalImageProtocol.Kitty ? KittyGraphics.Encode(png) : ITerm2Image.Encode(png);
    }

    /// <summary>Renders into a raster image (RGBA).</summary>
    internal SKImage RenderImage()
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not make a {Width}x{Height} image.");
        Draw(surface.Canvas, raster: true);
        return surface.Snapshot();
    }

    private static byte[] EncodePng(SKImage image)
    {
        // The figure is opaque (a white background), so the PNG holds RGB, not RGBA: a quarter less to filter and
        // compress. Skia's default tries every row filter at zlib level 6; one filter at level 1 encodes several
        // times faster for about 15% more bytes (bench/README.md, "Plotting").
        using var pixels = image.PeekPixels();
        using var opaque = new SKPixmap(pixels.Info.WithAlphaType(SKAlphaType.Opaque), pixels.GetPixels(), pixels.RowBytes);
        using var png = opaque.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, PngZlibLevel))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the figure as PNG.");
        return png.ToArray();
    }

    /// <summary>The data area (the axes box) of <paramref name="axes"/> in figure pixels.</summary>
    internal PixelRect DataRect(Plot axes) => AxesRect(Find(axes));

    /// <param name="canvas">Where to draw.</param>
    /// <param name="raster">Whether the canvas has pixels (it can be cleared and layered), not SVG.</param>
    private void Draw(SKCanvas canvas, bool raster)
    {
        canvas.Clear(SKColors.White);
        var figureRect = new PixelRect(0, Width, Height, 0);
        // Several axes share the canvas, so each is drawn on its own layer (see ClearAxesLayer). A lone axes is drawn
        // straight onto it: a 640x480 layer costs about as much to composite as drawing the lines.
        var layers = raster && _subplots.Count > 1;
        foreach (var subplot in _subplots)
        {
            var rect = AxesRect(subplot);
            var plot = subplot.Plot;
            plot.Layout.Fixed(rect);
            AutoScale(subplot);
            if (subplot.BestLegend && plot.Legend.IsVisible)
            {
                plot.Legend.Alignment = LegendPlacement.Best(plot, rect);
            }

            foreach (var clear in plot.RenderManager.RenderActions.OfType<ClearAxesLayer>())
            {
                clear.Mode = !raster ? ClearAxesLayer.ClearMode.None : layers ? ClearAxesLayer.ClearMode.Transparent : ClearAxesLayer.ClearMode.White;
            }

            SettleLimits(plot, figureRect);

            if (layers)
            {
                canvas.SaveLayer();
            }

            plot.Render(canvas, figureRect);
            if (layers)
            {
                canvas.Restore();
            }
        }
    }

    /// <summary>
    /// ScottPlot's <c>Plot.Render</c> draws everything a second time when the limits differ from its previous render's
    /// (the first render of a figure, or after <c>xlim</c>). That pass is made here on a canvas that draws nothing, so
    /// the image itself is drawn once: a script's single <c>savefig</c> costs one rasterisation, not two.
    /// </summary>
    private void SettleLimits(Plot plot, PixelRect figureRect)
    {
        if (plot.RenderManager.RenderCount > 0 && plot.RenderManager.LastRender.AxisLimits.Equals(plot.Axes.GetLimits()))
        {
            return;
        }

        using var nothing = new SKNoDrawCanvas(Width, Height);
        plot.Render(nothing, figureRect);
    }

    /// <summary>
    /// Limits as matplotlib keeps them: automatic ones follow the data on every render (ScottPlot would keep the first
    /// ones), limits set by the script (<c>xlim</c>, <c>Axes.SetLimits</c>) stay, and an axes without data shows 0 to 1.
    /// </summary>
    private static void AutoScale(GridAxes subplot)
    {
        var plot = subplot.Plot;
        if (plot.Axes.LimitsHaveBeenSet && !plot.Axes.GetLimits().Equals(subplot.AutomaticLimits))
        {
            return;
        }

        plot.Axes.AutoScale();
        if (!plot.GetPlottables().Any())
        {
            plot.Axes.SetLimits(0, 1, 0, 1);
        }

        subplot.AutomaticLimits = plot.Axes.GetLimits();
    }

    /// <summary>matplotlib's GridSpec: the axes box at its subplot fractions, split into cells with 20% gaps.</summary>
    private PixelRect AxesRect(GridAxes s)
    {
        var left = MatplotlibStyle.SubplotLeft * Width;
        var right = MatplotlibStyle.SubplotRight * Width;
        var top = (1 - MatplotlibStyle.SubplotTop) * Height;
        var bottom = (1 - MatplotlibStyle.SubplotBottom) * Height;
        var space = MatplotlibStyle.SubplotSpace;
        var cellWidth = (right - left) / (s.Columns + (space * (s.Columns - 1)));
        var cellHeight = (bottom - top) / (s.Rows + (space * (s.Rows - 1)));
        var row = (s.Index - 1) / s.Columns;
        var column = (s.Index - 1) % s.Columns;
        var x = left + (column * cellWidth * (1 + space));
        var y = top + (row * cellHeight * (1 + space));
        if (s.Plot.Axes.GetPanels().Any(p => p is ScottPlot.Panels.ColorBar))
        {
            // matplotlib's colorbar() takes 15% of the axes' width, plus a 5% gap, for the bar and its labels
            cellWidth *= 0.8f;
        }

        return new PixelRect(Snap(x), Snap(x + cellWidth), Snap(y + cellHeight), Snap(y));
    }

    /// <summary>The centre of the nearest pixel, where matplotlib puts its 1-pixel frame lines.</summary>
    private static float Snap(float v) => MathF.Round(v) + 0.5f;

    private GridAxes Find(Plot axes) =>
        _subplots.FirstOrDefault(s => ReferenceEquals(s.Plot, axes)) ?? throw new ArgumentException("The axes does not belong to this figure.", nameof(axes));

    private static Plot NewAxes()
    {
        var plot = new Plot();
        MatplotlibStyle.Apply(plot);
        return plot;
    }

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

    /// <summary>An axes and its place on its grid.</summary>
    private sealed class GridAxes(Plot plot, int rows, int columns, int index)
    {
        public Plot Plot { get; } = plot;

        public int Rows { get; } = rows;

        public int Columns { get; } = columns;

        public int Index { get; } = index;

        public bool BestLegend { get; set; }

        /// <summary>The limits the last render chose by itself, or null.</summary>
        public AxisLimits? AutomaticLimits { get; set; }
    }
}
