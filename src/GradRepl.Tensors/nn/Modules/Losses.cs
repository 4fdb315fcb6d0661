namespace GradRepl.Tensors.Modules;

// The loss modules: criterion.forward(input, target) (or call) runs the torch.nn.functional loss, so values,
// gradients and node names are those of the functions (MseLossBackward0, NllLossBackward0, ...).

/// <summary>A loss: a module of (input, target) with a <see cref="reduction"/> (<c>mean</c>, <c>sum</c> or <c>none</c>).</summary>
public abstract class Loss : torch.nn.Module<Tensor, Tensor, Tensor>
{
    // As in PyTorch, a bad reduction is reported by the first forward, not here.
    private protected Loss(string name, string reduction) : base(name) => this.reduction = reduction;

    /// <summary>How the per-element losses are combined: <c>mean</c>, <c>sum</c> or <c>none</c>.</summary>
    public string reduction { get; }
}

/// <summary>Squared error (node MseLossBackward0).</summary>
public sealed class MSELoss : Loss
{
    internal MSELoss(string reduction) : base("MSELoss", reduction)
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.mse_loss(input, target, reduction);
}

/// <summary>Absolute error.</summary>
public sealed class L1Loss : Loss
{
    internal L1Loss(string reduction) : base("L1Loss", reduction)
    {
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.l1_loss(input, target, reduction);
}

/// <summary>Binary cross entropy of probabilities (node BinaryCrossEntropyBackward0).</summary>
public sealed class BCELoss : Loss
{
    internal BCELoss(Tensor? weight, string reduction) : base("BCELoss", reduction) => this.weight = weight;

    /// <summary>Each element's weight, or null.</summary>
    public Tensor? weight { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.binary_cross_entropy(input, target, weight, reduction);
}

/// <summary>Binary cross entropy of logits, the sigmoid folded in (node BinaryCrossEntropyWithLogitsBackward0).</summary>
public sealed class BCEWithLogitsLoss : Loss
{
    internal BCEWithLogitsLoss(Tensor? weight, string reduction) : base("BCEWithLogitsLoss", reduction) => this.weight = weight;

    /// <summary>Each element's weight, or null.</summary>
    public Tensor? weight { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction);
}

/// <summary>Cross entropy of logits and class indices (or class probabilities): log_softmax then NLL (node NllLossBackward0).</summary>
public sealed class CrossEntropyLoss : Loss
{
    internal CrossEntropyLoss(Tensor? weight, long ignoreIndex, string reduction) : base("CrossEntropyLoss", reduction)
    {
        this.weight = weight;
        ignore_index = ignoreIndex;
    }

    /// <summary>Each class's weight, or null.</summary>
    public Tensor? weight { get; }

    /// <summary>A target class that adds nothing to the loss.</summary>
    public long ignore_index { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.cross_entropy(input, target, weight, ignore_index, reduction);
}

/// <summary>Negative log-likelihood of log-probabilities and class indices (node NllLossBackward0).</summary>
public sealed class NLLLoss : Loss
{
    internal NLLLoss(Tensor? weight, long ignoreIndex, string reduction) : base("NLLLoss", reduction)
    {
        this.weight = weight;
        ignore_index = ignoreIndex;
    }

    /// <summary>Each class's weight, or null.</summary>
    public Tensor? weight { get; }

    /// <summary>A target class that adds nothing to the loss.</summary>
    public long ignore_index { get; }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.nll_loss(input, target, weight, ignore_index, reduction);
}
