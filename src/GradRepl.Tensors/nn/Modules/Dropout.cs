using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>Zeroes each element with probability <see cref="p"/> in training, scaling the rest by 1/(1 - p); in evaluation passes its input through.</summary>
public sealed class Dropout : torch.nn.Module<Tensor, Tensor>
{
    internal Dropout(double p) : base("Dropout")
    {
        if (p < 0 || p > 1) throw new ValueError($"dropout probability has to be between 0 and 1, but got {PythonRepr.Float(p)}");
        this.p = p;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public double p { get; }

    /// <summary>Dropout with PyTorch's mask for the seed while <see cref="torch.nn.Module.training"/>; the input itself otherwise.</summary>
    public override Tensor forward(Tensor input) => torch.nn.functional.dropout(input, p, training);

    /// <inheritdoc/>
    public override string extra_repr() => $"p={PythonRepr.Float(p)}, inplace=False";
}
