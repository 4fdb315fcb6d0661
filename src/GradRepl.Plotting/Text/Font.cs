using GradRepl.Plotting.Primitives;

namespace GradRepl.Plotting.Text;

/// <summary>
/// A TrueType font ready for drawing: measures strings and turns them into polygons, caching each glyph's
/// flattened outline per pixel size. Thread-safe.
/// </summary>
internal sealed class Font
{
    private static readonly Lazy<Font> s_dejaVuSans = new(() => new Font(LoadEmbedded("GradRepl.Plotting.DejaVuSans.ttf")));

    private readonly TrueTypeFont _ttf;
    private readonly GlyphCache _glyphs;
    private readonly float _lineAscent;
    private readonly float _lineDescent;

    public Font(TrueTypeFont ttf)
    {
        _ttf = ttf;
        _glyphs = new GlyphCache(ttf.GlyphCount);

        // Like matplotlib, a line's box runs from the top of 'l' to the bottom of 'p', whatever the text.
        _lineAscent = Extent(ttf.GlyphIndex('l'), max: true) / ttf.UnitsPerEm;
        _lineDescent = -Extent(ttf.GlyphIndex('p'), max: false) / ttf.UnitsPerEm;
    }

    /// <summary>DejaVu Sans, embedded in this assembly (matplotlib's default font).</summary>
    public static Font DejaVuSans => s_dejaVuSans.Value;

    public TrueTypeFont Face => _ttf;

    /// <summary>Height above the baseline of a line of text at <paramref name="size"/> px.</summary>
    public float Ascent(float size) => _lineAscent * size;

    /// <summary>Depth below the baseline of a line of text at <paramref name="size"/> px.</summary>
    public float Descent(float size) => _lineDescent * size;

    /// <summary>Advance width of <paramref name="text"/> at <paramref name="size"/> px (em size), kerning included.</summary>
    public float Width(string text, float size)
    {
        var scale = size / _ttf.UnitsPerEm;
        var units = 0;
        var previous = -1;
        foreach (var rune in text.EnumerateRunes())
        {
            var g = _ttf.GlyphIndex(rune.Value);
            if (previous >= 0)
            {
                units += _ttf.Kerning(previous, g);
            }

            units += _ttf.AdvanceWidth(g);
            previous = g;
        }

        return units * scale;
    }

    /// <summary>
    /// Adds the outlines of <paramref name="text"/> starting at baseline point (<paramref name="x"/>, <paramref name="y"/>).
    /// When <paramref name="vertical"/>, the text is turned 90° counter-clockwise and reads upwards.
    /// </summary>
    public void AppendText(PolygonSet into, string text, float x, float y, float size, bool vertical)
    {
        var scale = size / _ttf.UnitsPerEm;
        var pen = 0f;
        var previous = -1;
        foreach (var rune in text.EnumerateRunes())
        {
            var g = _ttf.GlyphIndex(rune.Value);
            if (previous >= 0)
            {
                pen += _ttf.Kerning(previous, g) * scale;
            }

            var flat = _glyphs.Get(g, size);
            if (flat is null)
            {
                flat = Flatten(g, size);
                _glyphs.Add(g, size, flat);
            }

            var start = 0;
            foreach (var end in flat.ContourEnds)
            {
                for (var i = start; i < end; i++)
                {
                    var gx = pen + flat.Points[i].X;
                    var gy = flat.Points[i].Y;
                    if (vertical)
                    {
                        into.Add(x + gy, y - gx);
                    }
                    else
                    {
                        into.Add(x + gx, y + gy);
                    }
                }

                into.CloseContour();
                start = end;
            }

            pen += _ttf.AdvanceWidth(g) * scale;
            previous = g;
        }
    }

    private FlatGlyph Flatten(int glyph, float size)
    {
        var scale = size / _ttf.UnitsPerEm;
        var points = new PixelPointBuffer(64);
        var ends = new List<int>();
        foreach (var contour in _ttf.Outline(glyph))
        {
            var before = points.Count;
            FlattenContour(contour, scale, points);
            if (points.Count - before >= 3)
            {
                ends.Add(points.Count);
            }
            else
            {
                points.Truncate(before);
            }
        }

        return new FlatGlyph(points.ToArray(), ends.ToArray());
    }

    private static void FlattenContour(GlyphPoint[] contour, float scale, PixelPointBuffer into)
    {
        var n = contour.Length;
        if (n < 2)
        {
            return;
        }

        // Walk the points once, starting on an on-curve point (or, if there is none, on the implied midpoint
        // of the first two off-curve points), and end back on it. Two off-curve points in a row imply an
        // on-curve point half-way between them.
        var s = 0;
        while (s < n && !contour[s].OnCurve)
        {
            s++;
        }

        var sequence = new GlyphPoint[n + 1];
        var count = 0;
        GlyphPoint start;
        if (s < n)
        {
            start = contour[s];
            for (var k = 1; k < n; k++)
            {
                sequence[count++] = contour[(s + k) % n];
            }
        }
        else
        {
            start = new GlyphPoint((contour[0].X + contour[1].X) / 2, (contour[0].Y + contour[1].Y) / 2, true);
            for (var k = 1; k <= n; k++)
            {
                sequence[count++] = contour[k % n];
            }
        }

        sequence[count++] = start;

        Emit(into, start.X, start.Y, scale);
        var current = start;
        GlyphPoint? control = null;
        for (var i = 0; i < count; i++)
        {
            var p = sequence[i];
            if (p.OnCurve)
            {
                if (control is { } c)
                {
                    Quad(current, c, p, scale, into);
                }
                else
                {
                    Emit(into, p.X, p.Y, scale);
                }

                current = p;
                control = null;
            }
            else if (control is { } c)
            {
                var mid = new GlyphPoint((c.X + p.X) / 2, (c.Y + p.Y) / 2, true);
                Quad(current, c, mid, scale, into);
                current = mid;
                control = p;
            }
            else
            {
                control = p;
            }
        }

        // the contour is closed implicitly: drop the repeated start point
        into.Truncate(into.Count - 1);
    }

    /// <summary>Adds an outline point (font units, y up) scaled to pixels, y down.</summary>
    private static void Emit(PixelPointBuffer into, float fx, float fy, float scale) => into.Add(fx * scale, -fy * scale);

    private static void Quad(GlyphPoint p0, GlyphPoint c, GlyphPoint p1, float scale, PixelPointBuffer into)
    {
        // Subdivide so the chord never strays more than ~0.05 px from the curve.
        var dx = (p0.X - (2 * c.X) + p1.X) * scale;
        var dy = (p0.Y - (2 * c.Y) + p1.Y) * scale;
        var deviation = MathF.Sqrt((dx * dx) + (dy * dy)) / 4;
        var segments = Math.Clamp((int)MathF.Ceiling(MathF.Sqrt(deviation / 0.05f)), 1, 32);
        for (var i = 1; i <= segments; i++)
        {
            var t = (float)i / segments;
            var u = 1 - t;
            Emit(into, (u * u * p0.X) + (2 * u * t * c.X) + (t * t * p1.X), (u * u * p0.Y) + (2 * u * t * c.Y) + (t * t * p1.Y), scale);
        }
    }

    private float Extent(int glyph, bool max)
    {
        var best = 0f;
        foreach (var contour in _ttf.Outline(glyph))
        {
            foreach (var p in contour)
            {
                best = max ? Math.Max(best, p.Y) : Math.Min(best, p.Y);
            }
        }

        return best;
    }

    private static TrueTypeFont LoadEmbedded(string name)
    {
        using var stream = typeof(Font).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font '{name}' is missing from {typeof(Font).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return new TrueTypeFont(bytes);
    }
}
