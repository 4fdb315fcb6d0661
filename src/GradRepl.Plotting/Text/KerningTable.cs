namespace GradRepl.Plotting.Text;

/// <summary>
/// Pair kerning adjustments (font units) keyed by glyph pair, kept in arrays sorted by key and searched by
/// bisection. Not a <c>Dictionary&lt;uint, short&gt;</c>: that instantiation is not in the framework's precompiled
/// code, so the JIT compiled it in every process that draws text (see bench/README.md, "Start-up").
/// </summary>
internal sealed class KerningTable
{
    private uint[] _keys = new uint[16];
    private short[] _values = new short[16];
    private int _count;

    /// <summary>The adjustment between <paramref name="left"/> and <paramref name="right"/>; 0 when there is none.</summary>
    public int Get(int left, int right)
    {
        var i = Find(Key(left, right));
        return i >= 0 ? _values[i] : 0;
    }

    /// <summary>Sets a pair's adjustment, replacing an earlier one. Pairs added in key order (as a font's kern
    /// table lists them) are appended; others are inserted in place.</summary>
    public void Set(int left, int right, short value)
    {
        var key = Key(left, right);
        if (_count > 0 && key <= _keys[_count - 1])
        {
            var found = Find(key);
            if (found >= 0)
            {
                _values[found] = value;
                return;
            }

            Insert(~found, key, value);
            return;
        }

        Insert(_count, key, value);
    }

    private static uint Key(int left, int right) => ((uint)left << 16) | (uint)right;

    /// <summary>Index of <paramref name="key"/>, or the bitwise complement of where it would go.</summary>
    private int Find(uint key)
    {
        int lo = 0, hi = _count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var k = _keys[mid];
            if (k == key)
            {
                return mid;
            }

            if (k < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private void Insert(int at, uint key, short value)
    {
        if (_count == _keys.Length)
        {
            var keys = new uint[_keys.Length * 2];
            var values = new short[_keys.Length * 2];
            Array.Copy(_keys, keys, _count);
            Array.Copy(_values, values, _count);
            _keys = keys;
            _values = values;
        }

        Array.Copy(_keys, at, _keys, at + 1, _count - at);
        Array.Copy(_values, at, _values, at + 1, _count - at);
        _keys[at] = key;
        _values[at] = value;
        _count++;
    }
}
