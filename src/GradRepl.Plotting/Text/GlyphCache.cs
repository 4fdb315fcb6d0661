namespace GradRepl.Plotting.Text;

/// <summary>
/// Flattened glyph outlines, one table per pixel size indexed by glyph. Thread-safe (one lock; text drawing
/// is rare and short). Not a <c>ConcurrentDictionary&lt;(int, float), FlatGlyph&gt;</c>: framework generics keyed
/// by a value tuple are compiled by the JIT in every process, ReadyToRun cannot precompile them (see
/// bench/README.md, "Start-up").
/// </summary>
internal sealed class GlyphCache(int glyphCount)
{
    private readonly Lock _lock = new();
    private readonly List<SizeTable> _sizes = [];

    /// <summary>The cached outline of <paramref name="glyph"/> at <paramref name="size"/> px, or null.</summary>
    public FlatGlyph? Get(int glyph, float size)
    {
        if ((uint)glyph >= (uint)glyphCount)
        {
            return null;
        }

        lock (_lock)
        {
            return Table(size)?.Glyphs[glyph];
        }
    }

    /// <summary>Caches <paramref name="flat"/> as the outline of <paramref name="glyph"/> at <paramref name="size"/> px.</summary>
    public void Add(int glyph, float size, FlatGlyph flat)
    {
        if ((uint)glyph >= (uint)glyphCount)
        {
            return; // not in the font: nothing worth keeping
        }

        lock (_lock)
        {
            var table = Table(size);
            if (table is null)
            {
                table = new SizeTable(size, glyphCount);
                _sizes.Add(table);
            }

            table.Glyphs[glyph] = flat;
        }
    }

    private SizeTable? Table(float size)
    {
        foreach (var table in _sizes)
        {
            if (table.Size.Equals(size))
            {
                return table;
            }
        }

        return null;
    }

    private sealed class SizeTable(float size, int glyphCount)
    {
        public float Size { get; } = size;

        public FlatGlyph?[] Glyphs { get; } = new FlatGlyph?[glyphCount];
    }
}
