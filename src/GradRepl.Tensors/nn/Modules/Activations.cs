using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

// The activation layers (and Identity): each a module wrapping its tensor function, printed as PyTorch prints it.

/// <summary>max(x, 0) (node ReluBackward0).</summary>
public sealed class ReLU : torch.nn.Module<Tensor, Tensor>
{
    internal ReLU() : base("ReLU")
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.relu();
}

/// <summary>x for x &gt; 0, else negative_slope·x.</summary>
public sealed class LeakyReLU : torch.nn.Module<Tensor, Tensor>
{
    internal LeakyReLU(double negativeSlope) : base("LeakyReLU") => negative_slope = negativeSlope;

    /// <summary>The slope for negative inputs.</summary>
    public double negative_slope { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.leaky_relu(negative_slope);

    /// <inheritdoc/>
    public override string extra_repr() => $"negative_slope={PythonRepr.Float(negative_slope)}";
}

/// <summary>The logistic sigmoid 1/(1 + e^-x).</summary>
public sealed class Sigmoid : torch.nn.Module<Tensor, Tensor>
{
    internal Sigmoid() : base("Sigmoid")
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.sigmoid();
}

/// <summary>The hyperbolic tangent.</summary>
public sealed class Tanh : torch.nn.Module<Tensor, Tensor>
{
    internal Tanh() : base("Tanh")
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.tanh();
}

/// <summary>e^x / Σ e^x along <see cref="dim"/>.</summary>
public sealed class Softmax : torch.nn.Module<Tensor, Tensor>
{
    internal Softmax(long dim) : base("Softmax") => this.dim = dim;

    /// <summary>The dimension the probabilities sum to 1 along.</summary>
    public long dim { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.softmax(dim);

    /// <inheritdoc/>
    public override string extra_repr() => $"dim={dim}";
}

/// <summary>log(softmax(x)) along <see cref="dim"/>.</summary>
public sealed class LogSoftmax : torch.nn.Module<Tensor, Tensor>
{
    internal LogSoftmax(long dim) : base("LogSoftmax") => this.dim = dim;

    /// <summary>The dimension of the classes.</summary>
    public long dim { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input.log_softmax(dim);

    /// <inheritdoc/>
    public override string extra_repr() => $"dim={dim}";
}

/// <summary>Passes its input through unchanged.</summary>
public sealed class Identity : torch.nn.Module<Tensor, Tensor>
{
    internal Identity() : base("Identity")
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => input;
}
