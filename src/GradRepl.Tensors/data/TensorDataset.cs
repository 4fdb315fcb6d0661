namespace GradRepl.Tensors.Modules;

/// <summary>
/// PyTorch's <c>TensorDataset</c>: tensors sharing their first dimension; sample <c>i</c> is the tuple of their rows
/// <c>i</c>, printed as Python prints it (<c>(tensor([1., 2.]), tensor(3.))</c>).
/// </summary>
public sealed class TensorDataset : torch.utils.data.Dataset<IReadOnlyList<Tensor>>
{
    private readonly Tensor[] _tensors;

    internal TensorDataset(Tensor[] tensors)
    {
        if (tensors is null || tensors.Length == 0) throw new ValueError("TensorDataset needs at least one tensor");
        foreach (var t in tensors)
        {
            if (t is null) throw new ValueError("TensorDataset got None instead of a tensor");
            if (t.dim() == 0) throw new IndexError("dimension specified as 0 but tensor has no dimensions");
        }
        if (tensors.Any(t => t.shape[0] != tensors[0].shape[0])) throw new ValueError("Size mismatch between tensors");
        _tensors = (Tensor[])tensors.Clone();
    }

    /// <summary>The tensors, in the order given.</summary>
    public IReadOnlyList<Tensor> tensors => _tensors;

    /// <summary>The size of the tensors' first dimension.</summary>
    public override long Count => _tensors[0].shape[0];

    /// <summary>Row <paramref name="index"/> of every tensor, as a tuple (negative indices count from the end).</summary>
    public override IReadOnlyList<Tensor> GetTensor(long index) => new PythonTuple<Tensor>(Array.ConvertAll(_tensors, t => t[index]));
}
