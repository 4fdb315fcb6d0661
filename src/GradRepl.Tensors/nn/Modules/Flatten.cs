namespace GradRepl.Tensors.Modules;

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
