using System.Collections;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// An optimizer's state of every parameter, keyed by the parameter itself (PyTorch's <c>optimizer.state</c>, a
/// <c>defaultdict(dict)</c>): <c>optimizer.state[p]</c> is that parameter's dict, with PyTorch 1.13's names
/// (<c>momentum_buffer</c>, <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c>, <c>square_avg</c>,
/// <c>grad_avg</c>, <c>sum</c>, <c>step</c>). The tensors in it are the buffers the optimizer updates.
/// </summary>
public sealed class ParameterStates : IReadOnlyCollection<KeyValuePair<Tensor, PythonDict<string, object?>>>
{
    private readonly Dictionary<Tensor, PythonDict<string, object?>> _states = new(ReferenceEqualityComparer.Instance);
    private readonly List<Tensor> _order = [];

    internal ParameterStates()
    {
    }

    /// <summary>The state of <paramref name="parameter"/>; one it has none of yet gets an empty dict, as Python's defaultdict does.</summary>
    public PythonDict<string, object?> this[Tensor parameter]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(parameter);
            if (!_states.TryGetValue(parameter, out var state))
            {
                _states[parameter] = state = [];
                _order.Add(parameter);
            }
            return state;
        }
        internal set
        {
            if (_states.TryAdd(parameter, value)) _order.Add(parameter);
            else _states[parameter] = value;
        }
    }

    /// <summary>Whether <paramref name="parameter"/> has a state (without making one).</summary>
    public bool ContainsKey(Tensor parameter) => _states.ContainsKey(parameter);

    /// <summary>How many parameters have a state.</summary>
    public int Count => _order.Count;

    /// <summary>The (parameter, state) pairs, in the order the states were made.</summary>
    public IEnumerator<KeyValuePair<Tensor, PythonDict<string, object?>>> GetEnumerator()
        => _order.Select(p => KeyValuePair.Create(p, _states[p])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Python's repr: <c>defaultdict(&lt;class 'dict'&gt;, {tensor(...): {...}})</c>.</summary>
    public override string ToString()
        => "defaultdict(<class 'dict'>, {" + string.Join(", ", this.Select(e => $"{e.Key}: {e.Value}")) + "})";
}
