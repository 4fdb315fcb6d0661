namespace GradRepl.Tensors.Modules;

/// <summary>
/// One of an optimizer's parameter groups, as PyTorch's <c>optimizer.param_groups[i]</c> dict: the tensors under
/// <c>"params"</c> and the options by name, in PyTorch's order. Options are read at every <c>step()</c>, so
/// <c>optimizer.param_groups[0]["lr"] = 0.001</c> changes the learning rate from the next step on.
/// Printed as Python prints the dict: <c>{'params': [...], 'lr': 0.01, 'momentum': 0, ...}</c>.
/// A group given to an optimizer (<c>new SGD.ParamGroup(model.classifier.parameters(), lr: 1e-3)</c>, or this
/// class with options set by name, as Python's dict) holds only the options it sets; the optimizer fills in the
/// rest from its own arguments, in place, as PyTorch's <c>add_param_group</c> does.
/// </summary>
public class ParamGroup : OrderedDictionary<string, object?>
{
    /// <summary>
    /// A group of <paramref name="parameters"/> with no options of its own yet: Python's <c>{'params': ...}</c>.
    /// Set options by name: <c>new ParamGroup(model.classifier.parameters()) { ["lr"] = 1e-3 }</c>.
    /// </summary>
    public ParamGroup(IEnumerable<Tensor> parameters)
        : this(parameters, [])
    {
    }

    /// <summary>A group of <paramref name="parameters"/> with <paramref name="options"/> (those given, in order).</summary>
    private protected ParamGroup(IEnumerable<Tensor> parameters, IEnumerable<KeyValuePair<string, object?>> options)
    {
        // Python's list(params): a one-shot sequence such as model.parameters() is read once, here
        Add("params", (parameters ?? throw new ValueError("a parameter group got no parameters (null)")).ToList());
        foreach (var (key, value) in options) Add(key, value);
    }

    /// <summary>A group with exactly <paramref name="entries"/>, in their order (a group loaded from a state dict).</summary>
    internal ParamGroup(IEnumerable<KeyValuePair<string, object?>> entries) : base(entries)
    {
    }

    /// <summary>The options that were given (not null), in order: what a typed group's constructor passes on.</summary>
    private protected static IEnumerable<KeyValuePair<string, object?>> Given(params (string Key, object? Value)[] options)
        => options.Where(o => o.Value is not null).Select(o => KeyValuePair.Create(o.Key, o.Value));

    /// <summary>The tensors this group optimizes (the <c>"params"</c> entry).</summary>
    public IReadOnlyList<Tensor> Parameters => this["params"] as List<Tensor>
        ?? throw new ValueError("param group 'params' must be a list of tensors");

    /// <summary>The learning rate (the <c>"lr"</c> entry), TorchSharp's name for it.</summary>
    public double LearningRate
    {
        get => Number("lr");
        set => this["lr"] = value;
    }

    /// <summary>A numeric option (an int or a float, as Python would accept in arithmetic).</summary>
    internal double Number(string key) => Option(key) switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        bool b => b ? 1 : 0,
        var other => throw new ValueError($"param group option '{key}' must be a number, got {PythonValueText.Repr(other)}"),
    };

    /// <summary>A bool option.</summary>
    internal bool Flag(string key) => Option(key) is bool b ? b : Number(key) != 0;

    /// <summary>A pair of numbers, such as Adam's <c>"betas"</c>.</summary>
    internal (double, double) Pair(string key) => Option(key) switch
    {
        ValueTuple<double, double> pair => pair,
        var other => throw new ValueError($"param group option '{key}' must be a pair of numbers such as (0.9, 0.999), got {PythonValueText.Repr(other)}"),
    };

    private object? Option(string key) => TryGetValue(key, out var value) ? value : throw new ValueError($"param group has no option '{key}'");

    /// <summary>Python's repr of the dict.</summary>
    public override string ToString()
        => "{" + string.Join(", ", this.Select(entry => $"'{entry.Key}': {PythonValueText.Repr(entry.Value)}")) + "}";
}
