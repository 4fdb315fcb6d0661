using System.Collections;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// The keys, values or items of a <see cref="StateDict"/>, in order, printed as Python prints an OrderedDict's views:
/// <c>odict_keys(['linear.weight', 'linear.bias'])</c>. A snapshot: later changes to the dict do not show.
/// </summary>
public sealed class DictView<T> : ICollection<T>, IReadOnlyList<T>
{
    private readonly string _kind;
    private readonly List<T> _items;
    private readonly Func<T, string> _repr;

    internal DictView(string kind, IEnumerable<T> items, Func<T, string> repr)
    {
        _kind = kind;
        _items = items.ToList();
        _repr = repr;
    }

    /// <summary>The item at <paramref name="index"/>.</summary>
    public T this[int index] => _items[index];

    /// <summary>How many items there are.</summary>
    public int Count => _items.Count;

    /// <summary>True: a view is read-only.</summary>
    public bool IsReadOnly => true;

    /// <summary>Whether <paramref name="item"/> is one of the items.</summary>
    public bool Contains(T item) => _items.Contains(item);

    /// <summary>Copies the items into <paramref name="array"/> from <paramref name="arrayIndex"/>.</summary>
    public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    /// <summary>The items, in order.</summary>
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<T>.Add(T item) => throw new NotSupportedException("a dict view is read-only");

    void ICollection<T>.Clear() => throw new NotSupportedException("a dict view is read-only");

    bool ICollection<T>.Remove(T item) => throw new NotSupportedException("a dict view is read-only");

    /// <summary>Python's print of the view: <c>odict_keys([...])</c>, <c>odict_values([...])</c> or <c>odict_items([...])</c>.</summary>
    public override string ToString() => $"odict_{_kind}([{string.Join(", ", _items.Select(_repr))}])";
}
