namespace GradRepl.Tensors;

/// <summary>
/// The (values, indices) pair that <c>max</c>, <c>min</c>, <c>sort</c> and <c>topk</c> return along a dimension,
/// printed as PyTorch prints its <c>torch.return_types.max(values=..., indices=...)</c>; deconstruct it with
/// <c>var (values, indices) = x.max(1);</c> or index it as in Python (<c>x.max(1)[0]</c>).
/// </summary>
public sealed class ValuesIndices
{
    private readonly string _name;

    internal ValuesIndices(string name, Tensor values, Tensor indices)
    {
        _name = name;
        this.values = values;
        this.indices = indices;
    }

    /// <summary>The selected values (differentiable).</summary>
    public Tensor values { get; }

    /// <summary>Where the values came from along the dimension (int64).</summary>
    public Tensor indices { get; }

    /// <summary>Element 0 is <see cref="values"/>, element 1 <see cref="indices"/>, as with PyTorch's named tuple.</summary>
    public Tensor this[int index] => index switch
    {
        0 or -2 => values,
        1 or -1 => indices,
        _ => throw new IndexError("tuple index out of range"),
    };

    /// <summary>Lets C# write <c>var (values, indices) = x.max(1);</c>.</summary>
    public void Deconstruct(out Tensor values, out Tensor indices)
    {
        values = this.values;
        indices = this.indices;
    }

    /// <summary>PyTorch's repr, e.g. <c>torch.return_types.max(\nvalues=tensor([5., 4.]),\nindices=tensor([1, 0]))</c>.</summary>
    public override string ToString() => $"torch.return_types.{_name}(\nvalues={values},\nindices={indices})";
}
