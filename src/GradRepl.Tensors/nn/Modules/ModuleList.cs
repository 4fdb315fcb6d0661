using System.Collections;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// Modules held in a list and registered as children named 0, 1, 2, ... (PyTorch's <c>nn.ModuleList</c>): a field of
/// type <c>List&lt;Linear&gt;</c> is not a module, so its layers would not be the model's; a ModuleList's are.
/// </summary>
public sealed class ModuleList<T> : torch.nn.Module, IReadOnlyList<T> where T : torch.nn.Module
{
    private readonly List<T> _items = [];

    internal ModuleList(IEnumerable<T> modules) : base("ModuleList")
    {
        foreach (var module in modules) append(module);
    }

    /// <summary>The module at <paramref name="index"/> (negative counts from the end).</summary>
    public T this[int index]
    {
        get
        {
            var i = index < 0 ? index + _items.Count : index;
            if (i < 0 || i >= _items.Count) throw new IndexError($"index {index} is out of range");
            return _items[i];
        }
    }

    /// <summary>How many modules there are.</summary>
    public int Count => _items.Count;

    /// <summary>Adds <paramref name="module"/> at the end, registered under its position.</summary>
    public ModuleList<T> append(T module)
    {
        ArgumentNullException.ThrowIfNull(module);
        register_module(_items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);
        _items.Add(module);
        return this;
    }

    /// <summary>Adds <paramref name="module"/> at the end (C#'s spelling, for collection initialisers).</summary>
    public void Add(T module) => append(module);

    /// <summary>The modules, in order.</summary>
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
