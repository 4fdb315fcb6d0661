using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors.Autograd;

/// <summary>
/// The gradients waiting at each node during one backward walk, each marked with whether the walk owns its
/// storage (made it and handed it to nobody else). Owned gradients are summed in place and given to a
/// leaf's <c>.grad</c> without a copy; any other gradient is copied first, so user tensors are never changed.
/// </summary>
internal sealed class GradientBuffers
{
    // Values are a class, not a tuple: a dictionary of two reference types runs on the runtime's precompiled code,
    // one with a struct value is JIT-compiled in every process (tens of milliseconds of a short lesson).
    private readonly Dictionary<Node, Pending> _pending = new(NodeIdentity.Instance);
    private readonly bool _createGraph;

    public GradientBuffers(bool createGraph) => _createGraph = createGraph;

    /// <summary>Adds <paramref name="grad"/> to what is waiting at <paramref name="node"/>.</summary>
    public void Add(Node node, Tensor grad, bool owned)
    {
        owned &= !_createGraph; // with create_graph every sum is a recorded op, never in place
        if (!_pending.TryGetValue(node, out var existing))
        {
            _pending[node] = new Pending(grad, owned);
            return;
        }
        // Sum into whichever of the two the walk owns; IEEE addition commutes, so either way gives the same bits.
        if (existing.Owned && CanSumInto(existing.Grad, grad))
        {
            Elementwise.AddInPlace(existing.Grad, grad);
            return;
        }
        if (owned && CanSumInto(grad, existing.Grad))
        {
            Elementwise.AddInPlace(grad, existing.Grad);
            _pending[node] = new Pending(grad, true);
            return;
        }
        _pending[node] = new Pending(existing.Grad + grad, !_createGraph);
    }

    /// <summary>
    /// Whether <paramref name="addend"/> can be added into <paramref name="target"/>'s own array: same dtype and
    /// shape, not the same array, and target not uniform (it has no array yet; adding its value to the other is cheaper).
    /// </summary>
    private static bool CanSumInto(Tensor target, Tensor addend)
        => target.IsPlain && !target.IsUniform && !target.SharesStorageWith(addend)
           && target.dtype == addend.dtype && target.Sizes.AsSpan().SequenceEqual(addend.Sizes);

    /// <summary>Removes and returns the gradient waiting at <paramref name="node"/>, if any reached it.</summary>
    public bool TryTake(Node node, out Tensor grad, out bool owned)
    {
        if (_pending.Remove(node, out var entry))
        {
            (grad, owned) = (entry.Grad, entry.Owned);
            return true;
        }
        (grad, owned) = (null!, false);
        return false;
    }

    private sealed record Pending(Tensor Grad, bool Owned);
}
