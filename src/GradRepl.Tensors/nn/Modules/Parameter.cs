namespace GradRepl.Tensors.Modules;

/// <summary>
/// A tensor that is a module's learnable parameter (PyTorch's <c>torch.nn.Parameter</c>): a leaf sharing the elements
/// of the tensor it was made from, requiring grad unless told otherwise. A module registers the Parameter fields it
/// holds, and <c>parameters()</c> hands them to an optimizer.
/// </summary>
public class Parameter : Tensor
{
    /// <summary>Makes <paramref name="data"/>'s elements (shared, not copied) a parameter: <c>new Parameter(torch.zeros(3))</c>.</summary>
    public Parameter(Tensor data, bool requires_grad = true) : base((data ?? throw new ArgumentNullException(nameof(data))).detach())
    {
        // PyTorch's message here (from _make_subclass) differs from requires_grad_()'s
        if (requires_grad && !dtype.IsFloatingPoint()) throw new RuntimeError("Only Tensors of floating point and complex dtype can require gradients");
        this.requires_grad = requires_grad;
    }

    /// <summary>PyTorch's repr: <c>Parameter containing:</c>, a new line, then the tensor.</summary>
    public override string ToString() => "Parameter containing:\n" + base.ToString();
}
