namespace GradRepl.Tensors.Autograd;

/// <summary>
/// What backward needs to know about an input without keeping the input alive: its shape and dtype,
/// so a gradient computed at the broadcast shape can be summed back and cast to match.
/// </summary>
internal readonly record struct InputInfo(int[] Sizes, ScalarType Dtype)
{
    public static InputInfo Of(Tensor t) => new(t.Sizes, t.dtype);

    /// <summary>Sums <paramref name="grad"/> over the dimensions broadcasting added, then casts to the input's dtype.</summary>
    public Tensor Reduce(Tensor grad)
    {
        var g = grad.sum_to_size(Sizes);
        return g.dtype == Dtype ? g : g.to(Dtype);
    }
}
