namespace GradRepl.Tensors;

/// <summary>What a custom function's forward hands to its backward: saved tensors and which inputs need gradients.</summary>
public sealed class AutogradContext
{
    private Tensor[] _saved = [];
    private bool _released;

    internal AutogradContext(bool[] needsInputGrad) => needs_input_grad = needsInputGrad;

    /// <summary>Keeps tensors for backward (freed after backward unless retain_graph is set).</summary>
    public void save_for_backward(params Tensor[] tensors) => _saved = (Tensor[])tensors.Clone();

    /// <summary>The tensors given to <see cref="save_for_backward"/>; fails as PyTorch does once they were freed.</summary>
    public Tensor[] saved_tensors
    {
        get
        {
            if (_released && _saved.Length > 0) throw new RuntimeError(Autograd.Messages.BackwardTwice);
            return _saved;
        }
    }

    /// <summary>For each input, whether it requires grad.</summary>
    public bool[] needs_input_grad { get; }

    internal void Release()
    {
        _released = true;
        if (_saved.Length > 0) _saved = [Tensor.Empty];
    }
}
