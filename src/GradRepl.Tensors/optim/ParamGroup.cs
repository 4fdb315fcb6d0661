namespace GradRepl.Tensors.Modules;

/// <summary>
/// One of an optimizer's parameter groups, as PyTorch's <c>optimizer.param_groups[i]</c> dict: the tensors under
/// <c>"params"</c> and the options by name, in PyTorch's order. Options are read at every <c>step()</c>, so
/// <c>optimizer.param_groups[0]["lr"] = 0.001</c> changes the learning rate from the next step on.
/// Printed as Python prints the dict: <c>{'params': [...], 'lr': 0.01, 'momentum': 0, ...}</c>.
/// </summary>
public sealed class ParamGroup : OrderedDictionary<string, object?>
{
    internal ParamGroup(List<Tensor> parameters, IEnumerable<KeyValuePair<string, object?>> options)
    {
        Add("params", parameters);
        foreach (var (key, value) in options) Add(key, value);
    }

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
