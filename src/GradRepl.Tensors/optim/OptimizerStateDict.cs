namespace GradRepl.Tensors.Modules;

/// <summary>
/// An optimizer's state dict, laid out as PyTorch's: <see cref="state"/> holds each parameter's state under the
/// parameter's number (counted through the groups in order from 0), and <see cref="param_groups"/> each group's
/// options with <c>'params'</c> as the list of those numbers. Printed as Python prints the dict:
/// <c>{'state': {0: {'momentum_buffer': tensor([...])}}, 'param_groups': [{'lr': 0.01, ..., 'params': [0, 1]}]}</c>.
/// </summary>
public sealed class OptimizerStateDict
{
    /// <summary>A state dict of these states and groups (as <see cref="torch.optim.Optimizer.state_dict"/> makes it).</summary>
    /// <param name="state">Each parameter's state by parameter number.</param>
    /// <param name="param_groups">Each group's options, with <c>'params'</c> a list of parameter numbers.</param>
    internal OptimizerStateDict(PythonDict<int, PythonDict<string, object?>> state, List<PythonDict<string, object?>> param_groups)
    {
        this.state = state ?? throw new ArgumentNullException(nameof(state));
        this.param_groups = param_groups ?? throw new ArgumentNullException(nameof(param_groups));
    }

    /// <summary>Each parameter's state under its number: <c>sd.state[0]["momentum_buffer"]</c>.</summary>
    public PythonDict<int, PythonDict<string, object?>> state { get; }

    /// <summary>Each group's options, <c>'params'</c> last as the list of its parameters' numbers: <c>sd.param_groups[0]["lr"]</c>.</summary>
    public List<PythonDict<string, object?>> param_groups { get; }

    /// <summary>Python's repr of the dict.</summary>
    public override string ToString() => $"{{'state': {state}, 'param_groups': {PythonValueText.Repr(param_groups)}}}";
}
