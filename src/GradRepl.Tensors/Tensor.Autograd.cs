using GradRepl.Tensors.Autograd;

namespace GradRepl.Tensors;

public sealed partial class Tensor
{
    private bool _leafRequiresGrad;
    private Node? _gradFn;
    private Tensor? _grad;
    private bool _retainsGrad;
    private bool _warnedNonLeafGrad;
    private AccumulateGrad? _accumulator;

    /// <summary>Whether gradients flow to this tensor. Settable on leaves only, and only for floating-point dtypes.</summary>
    public bool requires_grad
    {
        get => _gradFn is not null || _leafRequiresGrad;
        set
        {
            if (_gradFn is not null)
            {
                if (!value) throw new RuntimeError(Messages.NonLeafRequiresGrad);
                return;
            }
            if (value && !dtype.IsFloatingPoint()) throw new RuntimeError(Messages.OnlyFloatCanRequireGrad);
            _leafRequiresGrad = value;
        }
    }

    /// <summary>Sets <see cref="requires_grad"/> in place and returns this tensor.</summary>
    public Tensor requires_grad_(bool requires_grad = true)
    {
        this.requires_grad = requires_grad;
        return this;
    }

    /// <summary>The node that made this tensor; null for leaves (tensors created by the user).</summary>
    public Node? grad_fn => _gradFn;

    /// <summary>True for tensors not made by a recorded operation (all tensors that do not require grad are leaves).</summary>
    public bool is_leaf => _gradFn is null;

    /// <summary>Whether <see cref="retain_grad"/> was called on this non-leaf tensor.</summary>
    public bool retains_grad => _retainsGrad;

    /// <summary>
    /// The gradient accumulated by backward. Null until a backward reaches this tensor; for a non-leaf
    /// without <see cref="retain_grad"/> it stays null and reading it warns, as in PyTorch.
    /// </summary>
    public Tensor? grad
    {
        get
        {
            if (_gradFn is not null && !_retainsGrad && _grad is null && !_warnedNonLeafGrad)
            {
                _warnedNonLeafGrad = true;
                TorchWarnings.Warn(Messages.NonLeafGradWarning);
            }
            return _grad;
        }
        set
        {
            if (value is not null && !value.Sizes.AsSpan().SequenceEqual(Sizes))
                throw new RuntimeError("assigned grad has data of a different size");
            if (value is not null && value.dtype != dtype)
                throw new RuntimeError("assigned grad has data of a different type");
            _grad = value;
        }
    }

    /// <summary>Asks backward to fill <see cref="grad"/> for this non-leaf tensor too.</summary>
    public void retain_grad()
    {
        if (!requires_grad) throw new RuntimeError("can't retain_grad on Tensor that has requires_grad=False");
        if (_gradFn is null) return;
        _retainsGrad = true;
        _gradFn.RetainedOutput = new WeakReference<Tensor>(this);
    }

    /// <summary>A tensor sharing this one's elements, cut from the graph (no grad_fn, requires_grad false).</summary>
    public Tensor detach() => new(Storage, Sizes, dtype);

    /// <summary>The elements as a leaf tensor outside the graph (shares storage, like <see cref="detach"/>).</summary>
    public Tensor data => detach();

    /// <summary>
    /// Computes the gradient of this tensor with respect to the graph's leaves and accumulates it into their <c>.grad</c>.
    /// </summary>
    /// <param name="gradient">The gradient of some scalar with respect to this tensor; may be omitted for one-element tensors.</param>
    /// <param name="retain_graph">Keep saved tensors so backward can run through the graph again.</param>
    /// <param name="create_graph">Record the backward pass itself, for higher-order derivatives.</param>
    public void backward(Tensor? gradient = null, bool retain_graph = false, bool create_graph = false)
        => GraphExecutor.Backward([this], gradient is null ? null : [gradient], retain_graph || create_graph, create_graph);

    /// <summary>The leaf's accumulator node (made once and kept, so next_functions show the same object).</summary>
    internal AccumulateGrad GradAccumulator() => _accumulator ??= new AccumulateGrad(this);

    /// <summary>The node a gradient for this tensor flows into, or null if it does not require grad.</summary>
    internal Node? GradEdge() => _gradFn ?? (_leafRequiresGrad ? GradAccumulator() : null);

    internal void SetGradFn(Node node) => _gradFn = node;

    /// <summary>Adds a backward result into <c>.grad</c> (in place unless the graph of the grad is being built).</summary>
    /// <param name="owned">The backward walk alone holds the incoming storage, so .grad may take it without a copy.</param>
    internal void AccumulateGradient(Tensor incoming, bool createGraph, bool owned)
    {
        if (_grad is null)
        {
            _grad = createGraph ? incoming : owned ? incoming.detach() : incoming.detach().clone();
            return;
        }
        if (createGraph || _grad.requires_grad)
        {
            _grad = _grad + incoming;
            return;
        }
        Kernels.Elementwise.AddInPlace(_grad, incoming);
    }

    internal void SetRetainedGrad(Tensor incoming, bool createGraph)
    {
        _grad = _grad is null ? (createGraph ? incoming : incoming.detach().clone()) : _grad + incoming;
    }
}
