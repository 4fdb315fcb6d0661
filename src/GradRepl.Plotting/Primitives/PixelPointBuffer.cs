namespace GradRepl.Plotting.Primitives;

/// <summary>
/// A growable sequence of points: what <c>List&lt;PixelPoint&gt;</c> would be, but non-generic so ReadyToRun can
/// precompile it. A framework generic instantiated over one of this library's structs is compiled by the JIT on
/// first use, method by method, in every process (see bench/README.md, "Start-up").
/// </summary>
internal sealed class PixelPointBuffer
{
    private PixelPoint[] _items;

    public PixelPointBuffer(int capacity = 16) => _items = new PixelPoint[Math.Max(capacity, 4)];

    public int Count { get; private set; }

    public PixelPoint this[int index]
    {
        get
        {
            CheckIndex(index);
            return _items[index];
        }

        set
        {
            CheckIndex(index);
            _items[index] = value;
        }
    }

    public void Add(PixelPoint p)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = p;
    }

    public void Add(float x, float y) => Add(new PixelPoint(x, y));

    public void Clear() => Count = 0;

    /// <summary>Drops the points from <paramref name="count"/> on.</summary>
    public void Truncate(int count)
    {
        if ((uint)count > (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Cannot keep {count} of {Count} points.");
        }

        Count = count;
    }

    public PixelPoint[] ToArray()
    {
        var result = new PixelPoint[Count];
        Array.Copy(_items, result, Count);
        return result;
    }

    private void Grow()
    {
        var larger = new PixelPoint[_items.Length * 2];
        Array.Copy(_items, larger, Count);
        _items = larger;
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            ThrowIndexOutOfRange(index, Count);
        }
    }

    // apart from the indexer, which then stays small enough to inline
    private static void ThrowIndexOutOfRange(int index, int count) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"The buffer holds {count} points.");
}
