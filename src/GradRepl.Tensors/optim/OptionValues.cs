namespace GradRepl.Tensors.Modules;

/// <summary>How option values are stored in a parameter group, so the group prints as PyTorch's dict does.</summary>
internal static class OptionValues
{
    /// <summary>
    /// An option whose PyTorch default is the int <c>0</c> (momentum, weight_decay, ...): left at zero it is stored as
    /// the int, so it prints <c>0</c> as PyTorch's does, not <c>0.0</c>; any other value as the float.
    /// </summary>
    public static object IntDefault(double value) => value == 0 ? (object)0 : value;

    /// <summary><see cref="IntDefault(double)"/> of an option a parameter group may leave out (null stays null).</summary>
    public static object? IntDefault(double? value) => value is { } given ? IntDefault(given) : null;
}
