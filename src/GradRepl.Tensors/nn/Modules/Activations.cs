namespace GradRepl.Tensors.Modules;

// The activation layers: each a module wrapping its torch.nn.functional function, printed as PyTorch prints it.

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
    public override string extra_repr() => $"negative_slope={PythonText.Float(negative_slope)}";
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

/// <summary>Zeroes each element with probability <see cref="p"/> in training, scaling the rest by 1/(1 - p); in evaluation passes its input through.</summary>
public sealed class Dropout : torch.nn.Module<Tensor, Tensor>
{
    internal Dropout(double p) : base("Dropout")
    {
        if (p < 0 || p > 1) throw new ValueError($"dropout probability has to be between 0 and 1, but got {PythonText.Float(p)}");
        this.p = p;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public double p { get; }

    /// <summary>Dropout with PyTorch's mask for the seed while <see cref="torch.nn.Module.training"/>; the input itself otherwise.</summary>
    public override Tensor forward(Tensor input) => torch.nn.functional.dropout(input, p, training);

    /// <inheritdoc/>
    public override string extra_repr() => $"p={PythonText.Float(p)}, inplace=False";
}

/// <summary>Flattens dimensions <see cref="start_dim"/> to <see cref="end_dim"/> into one (by default all but the batch dimension).</summary>
public sealed class Flatten : torch.nn.Module<Tensor, Tensor>
{
    internal Flatten(long startDim, long endDim) : base("Flatten")
    {
        start_dim = startDim;
        end_dim = endDim;
    }

    /// <summary>The first dimension flattened.</summary>
    public long start_dim { get; }

    /// <summary>The last dimension flattened (negative counts from the end).</summary>
    public long end_dim { get; }

    /// <summary>The input reshaped (a view when it can be), as <c>torch.flatten(input, start_dim, end_dim)</c>.</summary>
    public override Tensor forward(Tensor input)
    {
        var rank = input.Sizes.Length;
        if (rank == 0) return input.reshape(1);
        var start = Wrap(start_dim, rank);
        var end = Wrap(end_dim, rank);
        if (start > end) throw new RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim");
        if (start == end) return input;
        var sizes = new List<long>();
        for (var d = 0; d < start; d++) sizes.Add(input.Sizes[d]);
        long merged = 1;
        for (var d = start; d <= end; d++) merged *= input.Sizes[d];
        sizes.Add(merged);
        for (var d = end + 1; d < rank; d++) sizes.Add(input.Sizes[d]);
        return input.reshape(sizes.ToArray());
    }

    /// <inheritdoc/>
    public override string extra_repr() => $"start_dim={start_dim}, end_dim={end_dim}";

    private static int Wrap(long dim, int rank)
    {
        if (dim < -rank || dim >= rank)
            throw new IndexError($"Dimension out of range (expected to be in range of [{-rank}, {rank - 1}], but got {dim})");
        return (int)(dim < 0 ? dim + rank : dim);
    }
}
