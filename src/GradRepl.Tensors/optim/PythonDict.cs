namespace GradRepl.Tensors.Modules;

/// <summary>
/// A dict as an optimizer's state and state dict hold it (<c>optimizer.state[p]</c>, <c>state_dict().state</c>):
/// entries in insertion order, printed as Python prints a dict: <c>{'momentum_buffer': tensor([...]), 'step': 3}</c>.
/// </summary>
public sealed class PythonDict<TKey, TValue> : OrderedDictionary<TKey, TValue>
    where TKey : notnull
{
    /// <summary>An empty dict.</summary>
    public PythonDict()
    {
    }

    /// <summary>A dict with <paramref name="entries"/>, in their order.</summary>
    public PythonDict(IEnumerable<KeyValuePair<TKey, TValue>> entries) : base(entries)
    {
    }

    /// <summary>Python's repr of the dict.</summary>
    public override string ToString()
        => "{" + string.Join(", ", this.Select(entry => $"{PythonValueText.Repr(entry.Key)}: {PythonValueText.Repr(entry.Value)}")) + "}";
}
