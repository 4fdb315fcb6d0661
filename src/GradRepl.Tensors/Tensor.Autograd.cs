using GradRepl.Tensors.Autograd;

namespace GradRepl.Tensors;

public partial class Tensor
{
    private bool _leafRequiresGrad;
    private Node? _gradFn;
    private Tensor? _grad;
    private bool _retainsGrad;
    private bool _warnedNonLeafGrad;
    private AccumulateGrad? _accumulator;

    /// <summary>
    /// For a view made while grad was on: the storage version its grad_fn was made for, else -1. An in-place
    /// write through another view of the storage bumps the version, and the view's grad_fn is then remade
    /// from its base's (PyTorch's AsStridedBackward0), so gradients see the new values' history.
    /// </summary>
    private int _gradFnVersion = -1;

    /// <summary>Whether gradients flow to this tensor. Settable on leaves only, and only for floating-point dtypes.</summary>
    public bool requires_grad
    {
        get => CurrentGradFn() is not null || _leafRequiresGrad;
        set
        {
            if (CurrentGradFn() is not null)
            {
                if (!value) throw new RuntimeError(Messages.NonLeafRequiresGrad);
                return;
            }
            if (value && !dtype.IsFloatingPoint()) throw new RuntimeError(Messages.SetterOnlyFloatCanRequireGrad);
            _leafRequiresGrad = value;
        }
    }

    /// <summary>Sets <see cref="requires_grad"/> in place and returns this tensor.</summary>
    public Tensor requires_grad_(bool requires_grad = true)
    {
        if (requires_grad && !dtype.IsFloatingPoint()) throw new RuntimeError(Messages.OnlyFloatCanRequireGrad);
        this.requires_grad = requires_grad;
        return this;
    }

    /// <summary>The node that made this tensor; null for leaves (tensors created by the user).</summary>
    public Node? grad_fn => CurrentGradFn();

    /// <summary>True for tensors not made by a recorded operation (all tensors that do not require grad are leaves).</summary>
    public bool is_leaf => CurrentGradFn() is null;

    /// <summary>The grad_fn, remade first for a view whose storage an in-place write changed since it was made.</summary>
    private Node? CurrentGradFn()
    {
        if (_gradFnVersion >= 0 && _gradFnVersion != _storage.Version) RegenerateGradFn();
        return _gradFn;
    }

    /// <summary>Makes this view's grad_fn an AsStridedBackward0 over its base's current grad_fn (PyTorch's view replay).</summary>
    private void RegenerateGradFn()
    {
        _gradFnVersion = _storage.Version;
        var root = _base!;
        if (root.GradEdge() is not { } baseEdge || !root._isPlain) return;
        var (offset, sizes, strides, baseSizes) = (_offset, Sizes, _strides, root.Sizes);
        _gradFn = new Node("AsStridedBackward0", [baseEdge],
            (g, _) => [g.ScatteredIntoZeros(baseSizes, t => new Tensor(t, offset, sizes, strides), "AsStridedBackwardBackward0")], savesTensors: false);
    }

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
    public Tensor detach() => new(this, _offset, Sizes, _strides);

    /// <summary>
    /// Get: the elements as a leaf tensor outside the graph (shares storage, like <see cref="detach"/>).
    /// Set: makes this tensor show <paramref name="value"/>'s elements (its storage, shape and dtype), keeping
    /// this tensor's autograd identity and <c>.grad</c>: the course's <c>w.data = w.data - lr * w.grad.data</c>.
    /// </summary>
    public Tensor data
    {
        get => detach();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _storage = value._storage;
            _offset = value._offset;
            Sizes = value.Sizes;
            _strides = value._strides;
            _isPlain = value._isPlain;
            Count = value.Count;
            dtype = value.dtype;
            _base = null;
            _gradFnVersion = -1;
        }
    }

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
    internal Node? GradEdge() => CurrentGradFn() ?? (_leafRequiresGrad ? GradAccumulator() : null);

    internal void SetGradFn(Node node) => _gradFn = node;

    /// <summary>Adds a backward result into <c>.grad</c> (in place unless the graph of the grad is being built).</summary>
    /// <param name="owned">The backward walk alone holds the incoming storage, so .grad may take it without a copy.</param>
    internal void AccumulateGradient(Tensor incoming, bool createGraph, bool owned)
    {
        if (_grad is null)
        {
            // .grad keeps its own plain storage, so later sums can go into it in place.
            _grad = createGraph ? incoming : owned && incoming._isPlain ? incoming.detach() : incoming.detach().clone();
            // .grad gets its own array now, not a uniform value that the first in-place sum would expand anyway.
            if (_grad.IsUniform) _ = _grad.Storage;
            return;
        }
        if (createGraph || _grad.requires_grad || !_grad._isPlain)
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
