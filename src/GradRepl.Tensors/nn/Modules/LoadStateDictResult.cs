using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// What <see cref="torch.nn.Module.load_state_dict"/> found: the parameter names the state dict lacked and the names
/// it had that the model does not (only non-empty with <c>strict: false</c>). Prints as PyTorch's result does.
/// </summary>
public sealed class LoadStateDictResult
{
    internal LoadStateDictResult(IReadOnlyList<string> missingKeys, IReadOnlyList<string> unexpectedKeys)
    {
        missing_keys = missingKeys;
        unexpected_keys = unexpectedKeys;
    }

    /// <summary>The model's parameter names the state dict did not have.</summary>
    public IReadOnlyList<string> missing_keys { get; }

    /// <summary>The state dict's names the model has no parameter for.</summary>
    public IReadOnlyList<string> unexpected_keys { get; }

    /// <summary><c>&lt;All keys matched successfully&gt;</c>, or the two lists as PyTorch's named tuple prints them.</summary>
    public override string ToString() => missing_keys.Count == 0 && unexpected_keys.Count == 0
        ? "<All keys matched successfully>"
        : $"_IncompatibleKeys(missing_keys={List(missing_keys)}, unexpected_keys={List(unexpected_keys)})";

    private static string List(IReadOnlyList<string> keys) => "[" + string.Join(", ", keys.Select(PythonRepr.Quote)) + "]";
}
