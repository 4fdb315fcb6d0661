using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// A module's state: parameter names (<c>linear.weight</c>) to tensors, in registration order, printed as PyTorch prints
/// its <c>OrderedDict</c>. The tensors <see cref="torch.nn.Module.state_dict"/> puts here share storage with the
/// parameters, so writing into one (<c>sd["linear.weight"][0] = torch.tensor(-15.0)</c>) changes the model.
/// </summary>
public sealed class StateDict : IDictionary<string, Tensor>, IReadOnlyDictionary<string, Tensor>
{
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, Tensor> _values = [];

    /// <summary>
    /// What <c>torch.load</c> read from a file that <c>torch.save(optimizer.state_dict(), path)</c> wrote (then this dict
    /// is empty and prints as the optimizer's): C# needs one return type for <c>torch.load</c>, and this is how
    /// <c>optimizer.load_state_dict(torch.load(path))</c> gets it.
    /// </summary>
    internal OptimizerStateDict? OptimizerState { get; init; }

    /// <summary>The tensor stored under <paramref name="key"/>; setting adds the key at the end, or replaces its tensor in place.</summary>
    public Tensor this[string key]
    {
        get => _values.TryGetValue(key, out var value) ? value : throw new KeyError(PythonRepr.Quote(key));
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!_values.ContainsKey(key)) _keys.Add(key);
            _values[key] = value;
        }
    }

    /// <summary>The names, in order, printed as Python's <c>odict_keys([...])</c>.</summary>
    public DictView<string> Keys => new("keys", _keys, PythonRepr.Quote);

    /// <summary>The tensors, in the order of their names, printed as Python's <c>odict_values([...])</c>.</summary>
    public DictView<Tensor> Values => new("values", _keys.Select(k => _values[k]), t => t.ToString());

    /// <summary>The names (Python's spelling of <see cref="Keys"/>): <c>print(model.state_dict().keys())</c>.</summary>
    public DictView<string> keys() => Keys;

    /// <summary>The tensors (Python's spelling of <see cref="Values"/>).</summary>
    public DictView<Tensor> values() => Values;

    /// <summary>The (name, tensor) pairs, printed as Python's <c>odict_items([...])</c>.</summary>
    public DictView<(string name, Tensor tensor)> items()
        => new("items", _keys.Select(k => (k, _values[k])), e => $"({PythonRepr.Quote(e.name)}, {e.tensor})");

    ICollection<string> IDictionary<string, Tensor>.Keys => Keys;
    ICollection<Tensor> IDictionary<string, Tensor>.Values => Values;
    IEnumerable<string> IReadOnlyDictionary<string, Tensor>.Keys => Keys;
    IEnumerable<Tensor> IReadOnlyDictionary<string, Tensor>.Values => Values;

    /// <summary>How many entries there are.</summary>
    public int Count => _keys.Count;

    /// <summary>False: entries can be added and removed.</summary>
    public bool IsReadOnly => false;

    /// <summary>Adds an entry at the end; fails if the name is there already.</summary>
    public void Add(string key, Tensor value)
    {
        if (_values.ContainsKey(key)) throw new ArgumentException($"the state dict has {PythonRepr.Quote(key)} already", nameof(key));
        this[key] = value;
    }

    /// <summary>Whether there is an entry named <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <summary>Removes the entry named <paramref name="key"/>, if there is one.</summary>
    public bool Remove(string key) => _values.Remove(key) && _keys.Remove(key);

    /// <summary>The tensor under <paramref name="key"/>, if there is one.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Tensor value) => _values.TryGetValue(key, out value);

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        _keys.Clear();
        _values.Clear();
    }

    /// <summary>The entries, in order.</summary>
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() => _keys.Select(k => new KeyValuePair<string, Tensor>(k, _values[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, Tensor>>.Add(KeyValuePair<string, Tensor> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, Tensor>>.Contains(KeyValuePair<string, Tensor> item)
        => _values.TryGetValue(item.Key, out var value) && ReferenceEquals(value, item.Value);

    void ICollection<KeyValuePair<string, Tensor>>.CopyTo(KeyValuePair<string, Tensor>[] array, int arrayIndex)
    {
        foreach (var entry in this) array[arrayIndex++] = entry;
    }

    bool ICollection<KeyValuePair<string, Tensor>>.Remove(KeyValuePair<string, Tensor> item)
        => ((ICollection<KeyValuePair<string, Tensor>>)this).Contains(item) && Remove(item.Key);

    /// <summary>PyTorch's print of the dict: <c>OrderedDict([('linear.weight', tensor([[0.5153]])), ('linear.bias', tensor([-0.4414]))])</c>.</summary>
    public override string ToString()
    {
        if (OptimizerState is { } optimizer) return optimizer.ToString();
        var text = new StringBuilder("OrderedDict([");
        for (var i = 0; i < _keys.Count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append('(').Append(PythonRepr.Quote(_keys[i])).Append(", ").Append(_values[_keys[i]].ToString()).Append(')');
        }
        return text.Append("])").ToString();
    }
}
