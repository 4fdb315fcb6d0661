using System.Buffers.Binary;

namespace GradRepl.Plotting.Text;

/// <summary>
/// A minimal TrueType reader: the tables needed to lay out and draw text with quadratic <c>glyf</c> outlines
/// (<c>head maxp hhea hmtx loca glyf cmap</c>, cmap format 4, simple and composite glyphs, pair kerning from a
/// format-0 <c>kern</c> table when present). Hinting instructions are ignored: outlines are drawn antialiased.
/// </summary>
internal sealed class TrueTypeFont
{
    private readonly byte[] _data;
    private readonly int _glyf;
    private readonly int _loca;
    private readonly bool _longLoca;
    private readonly int _hmtx;
    private readonly int _numHMetrics;
    private readonly int _cmap4;
    private readonly KerningTable _kerning = new();

    public TrueTypeFont(byte[] data)
    {
        _data = data;
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        var numTables = U16(4);
        for (var i = 0; i < numTables; i++)
        {
            var rec = 12 + (16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(data, rec, 4);
            tables[tag] = (int)U32(rec + 8);
        }

        int Table(string tag) => tables.TryGetValue(tag, out var o) ? o : throw new InvalidDataException($"Font has no '{tag}' table.");

        var head = Table("head");
        UnitsPerEm = U16(head + 18);
        _longLoca = I16(head + 50) != 0;
        GlyphCount = U16(Table("maxp") + 4);
        var hhea = Table("hhea");
        Ascender = I16(hhea + 4);
        Descender = I16(hhea + 6);
        _numHMetrics = U16(hhea + 34);
        _hmtx = Table("hmtx");
        _loca = Table("loca");
        _glyf = Table("glyf");
        _cmap4 = FindCmapFormat4(Table("cmap"));
        if (tables.TryGetValue("kern", out var kern))
        {
            ReadKern(kern);
        }
    }

    public int UnitsPerEm { get; }

    public int GlyphCount { get; }

    /// <summary>Typographic ascender in font units (positive, above the baseline).</summary>
    public int Ascender { get; }

    /// <summary>Typographic descender in font units (negative, below the baseline).</summary>
    public int Descender { get; }

    /// <summary>The glyph for a Unicode code point; 0 (the "missing" glyph) when the font has none.</summary>
    public int GlyphIndex(int codePoint)
    {
        if (codePoint > 0xFFFF || _cmap4 < 0)
        {
            return 0;
        }

        var segX2 = U16(_cmap4 + 6);
        var ends = _cmap4 + 14;
        var starts = ends + segX2 + 2;
        var deltas = starts + segX2;
        var ranges = deltas + segX2;
        int lo = 0, hi = (segX2 / 2) - 1;
        while (lo < hi)
        {
            // binary search for the first segment whose end code is >= codePoint
            var mid = (lo + hi) / 2;
            if (U16(ends + (2 * mid)) < codePoint)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var start = U16(starts + (2 * lo));
        if (codePoint < start || codePoint > U16(ends + (2 * lo)))
        {
            return 0;
        }

        var delta = I16(deltas + (2 * lo));
        var rangeAt = ranges + (2 * lo);
        var range = U16(rangeAt);
        if (range == 0)
        {
            return (codePoint + delta) & 0xFFFF;
        }

        var g = U16(rangeAt + range + (2 * (codePoint - start)));
        return g == 0 ? 0 : (g + delta) & 0xFFFF;
    }

    /// <summary>Horizontal advance of a glyph in font units.</summary>
    public int AdvanceWidth(int glyph) =>
        U16(_hmtx + (4 * Math.Min(glyph, _numHMetrics - 1)));

    /// <summary>Pair kerning adjustment in font units (0 when none).</summary>
    public int Kerning(int left, int right) => _kerning.Get(left, right);

    /// <summary>The glyph's contours in font units, y up; each point flagged on- or off-curve.</summary>
    /// <remarks>Contours are arrays, not <c>List&lt;GlyphPoint&gt;</c>: framework generics over this library's structs
    /// are compiled by the JIT in every process, ReadyToRun cannot precompile them (see bench/README.md, "Start-up").</remarks>
    public List<GlyphPoint[]> Outline(int glyph)
    {
        var contours = new List<GlyphPoint[]>();
        AppendOutline(glyph, contours, 1, 0, 0, 1, 0, 0, depth: 0);
        return contours;
    }

    private void AppendOutline(int glyph, List<GlyphPoint[]> into, float a, float b, float c, float d, float dx, float dy, int depth)
    {
        if (glyph < 0 || glyph >= GlyphCount || depth > 8)
        {
            return;
        }

        var (start, end) = GlyphRange(glyph);
        if (end <= start)
        {
            return; // empty glyph, e.g. the space
        }

        var contourCount = I16(start);
        if (contourCount >= 0)
        {
            foreach (var contour in ReadSimple(start, contourCount))
            {
                var transformed = new GlyphPoint[contour.Length];
                for (var i = 0; i < contour.Length; i++)
                {
                    var p = contour[i];
                    transformed[i] = new GlyphPoint((a * p.X) + (c * p.Y) + dx, (b * p.X) + (d * p.Y) + dy, p.OnCurve);
                }

                into.Add(transformed);
            }

            return;
        }

        var at = start + 10;
        while (true)
        {
            var flags = U16(at);
            var component = U16(at + 2);
            at += 4;
            float argX, argY;
            if ((flags & 0x0001) != 0)
            {
                argX = I16(at);
                argY = I16(at + 2);
                at += 4;
            }
            else
            {
                argX = (sbyte)_data[at];
                argY = (sbyte)_data[at + 1];
                at += 2;
            }

            float ca = 1, cb = 0, cc = 0, cd = 1;
            if ((flags & 0x0008) != 0)
            {
                ca = cd = F2Dot14(at);
                at += 2;
            }
            else if ((flags & 0x0040) != 0)
            {
                ca = F2Dot14(at);
                cd = F2Dot14(at + 2);
                at += 4;
            }
            else if ((flags & 0x0080) != 0)
            {
                ca = F2Dot14(at);
                cb = F2Dot14(at + 2);
                cc = F2Dot14(at + 4);
                cd = F2Dot14(at + 6);
                at += 8;
            }

            // Only x/y offsets (ARGS_ARE_XY_VALUES) are supported; point-matching anchors are rare in text fonts.
            var ox = (flags & 0x0002) != 0 ? argX : 0;
            var oy = (flags & 0x0002) != 0 ? argY : 0;

            // compose: parent(component(p) + offset)
            AppendOutline(
                component, into,
                (a * ca) + (c * cb), (b * ca) + (d * cb), (a * cc) + (c * cd), (b * cc) + (d * cd),
                (a * ox) + (c * oy) + dx, (b * ox) + (d * oy) + dy, depth + 1);
            if ((flags & 0x0020) == 0)
            {
                break;
            }
        }
    }

    private GlyphPoint[][] ReadSimple(int start, int contourCount)
    {
        var endPts = new int[contourCount];
        for (var i = 0; i < contourCount; i++)
        {
            endPts[i] = U16(start + 10 + (2 * i));
        }

        var pointCount = contourCount == 0 ? 0 : endPts[^1] + 1;
        var at = start + 10 + (2 * contourCount);
        at += 2 + U16(at); // skip hinting instructions
        var flags = new byte[pointCount];
        for (var i = 0; i < pointCount;)
        {
            var f = _data[at++];
            flags[i++] = f;
            if ((f & 0x08) != 0)
            {
                for (int r = _data[at++]; r > 0 && i < pointCount; r--)
                {
                    flags[i++] = f;
                }
            }
        }

        var xs = new int[pointCount];
        var ys = new int[pointCount];
        at = ReadCoordinates(flags, xs, at, shortBit: 0x02, sameBit: 0x10);
        ReadCoordinates(flags, ys, at, shortBit: 0x04, sameBit: 0x20);

        var result = new GlyphPoint[contourCount][];
        var first = 0;
        for (var k = 0; k < contourCount; k++)
        {
            var last = endPts[k];
            var contour = new GlyphPoint[Math.Max(last - first + 1, 0)];
            for (var i = first; i <= last; i++)
            {
                contour[i - first] = new GlyphPoint(xs[i], ys[i], (flags[i] & 0x01) != 0);
            }

            result[k] = contour;
            first = last + 1;
        }

        return result;
    }

    private int ReadCoordinates(byte[] flags, int[] into, int at, int shortBit, int sameBit)
    {
        var value = 0;
        for (var i = 0; i < flags.Length; i++)
        {
            var f = flags[i];
            if ((f & shortBit) != 0)
            {
                int delta = _data[at++];
                value += (f & sameBit) != 0 ? delta : -delta;
            }
            else if ((f & sameBit) == 0)
            {
                value += I16(at);
                at += 2;
            }

            into[i] = value;
        }

        return at;
    }

    private (int Start, int End) GlyphRange(int glyph) => _longLoca
        ? (_glyf + (int)U32(_loca + (4 * glyph)), _glyf + (int)U32(_loca + (4 * glyph) + 4))
        : (_glyf + (2 * U16(_loca + (2 * glyph))), _glyf + (2 * U16(_loca + (2 * glyph) + 2)));

    private int FindCmapFormat4(int cmap)
    {
        var count = U16(cmap + 2);
        var best = -1;
        for (var i = 0; i < count; i++)
        {
            var rec = cmap + 4 + (8 * i);
            int platform = U16(rec), encoding = U16(rec + 2);
            var sub = cmap + (int)U32(rec + 4);
            if (U16(sub) != 4)
            {
                continue;
            }

            if (platform == 3 && encoding == 1)
            {
                return sub; // Windows Unicode BMP: the preferred one
            }

            if (platform == 0)
            {
                best = sub;
            }
        }

        return best;
    }

    private void ReadKern(int kern)
    {
        var nTables = U16(kern + 2);
        var at = kern + 4;
        for (var t = 0; t < nTables; t++)
        {
            var length = U16(at + 2);
            var coverage = U16(at + 4);
            if ((coverage >> 8) == 0 && (coverage & 0x1) != 0)
            {
                var nPairs = U16(at + 6);
                for (var i = 0; i < nPairs; i++)
                {
                    var p = at + 14 + (6 * i);
                    _kerning.Set(U16(p), U16(p + 2), I16(p + 4));
                }
            }

            at += length;
        }
    }

    private float F2Dot14(int at) => I16(at) / 16384f;

    private int U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(at));

    private short I16(int at) => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(at));

    private uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(at));
}
