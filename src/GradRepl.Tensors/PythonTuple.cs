using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace GradRepl.Tensors;

/// <summary>
/// A read-only sequence that stands for a Python tuple: what PyTorch returns as a tuple
/// (<c>torch.autograd.grad</c>, <c>grad_fn.next_functions</c>) is one of these, so it prints as PyTorch prints it,
/// e.g. <c>(tensor(4.),)</c> or <c>((&lt;PowBackward0 object at 0x...&gt;, 0), (None, 0))</c>.
/// Indexed and counted like an array (<c>g[0]</c>, <c>g.Length</c>).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class PythonTuple<T> : IReadOnlyList<T>, ITuple
{
    private readonly T[] _items;

    internal PythonTuple(T[] items) => _items = items;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public T this[int index] => _items[index];

    /// <summary>The number of elements (Python's <c>len</c>).</summary>
    public int Length => _items.Length;

    int IReadOnlyCollection<T>.Count => _items.Length;

    object? ITuple.this[int index] => _items[index];

    /// <summary>Enumerates the elements in order.</summary>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python's tuple repr: <c>(a, b)</c>, one element as <c>(a,)</c>, null as <c>None</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTuple(sb, this);
        return sb.ToString();
    }

    // Elements are tensors, nodes, nulls and (node, index) pairs: enough of Python's repr for those.
    private static void AppendTuple(StringBuilder sb, ITuple tuple)
    {
        sb.Append('(');
        for (int i = 0; i < tuple.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            switch (tuple[i])
            {
                case null: sb.Append("None"); break;
                case ITuple inner: AppendTuple(sb, inner); break;
                case IFormattable number: sb.Append(number.ToString(null, CultureInfo.InvariantCulture)); break;
                case var item: sb.Append(item); break;
            }
        }

        if (tuple.Length == 1) sb.Append(',');
        sb.Append(')');
    }
}
