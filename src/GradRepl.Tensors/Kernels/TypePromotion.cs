namespace GradRepl.Tensors.Kernels;

/// <summary>
/// PyTorch's result-type rules: the higher category (bool &lt; integer &lt; float) wins; within a category,
/// dimensioned tensors decide over 0-dim tensors, which decide over Python-style scalars.
/// </summary>
internal static class TypePromotion
{
    private static int Category(ScalarType t) => t switch
    {
        ScalarType.Bool => 0,
        ScalarType.Int64 => 1,
        _ => 2,
    };

    private static ScalarType Wider(ScalarType a, ScalarType b)
        => Category(a) != Category(b) ? (Category(a) > Category(b) ? a : b)
         : a == ScalarType.Float64 || b == ScalarType.Float64 ? ScalarType.Float64 : a;

    /// <summary>The wider of two dtypes of tensors with dimensions (cat's rule).</summary>
    public static ScalarType Promote(ScalarType a, ScalarType b) => Wider(a, b);

    public static ScalarType ResultType(Tensor a, Tensor b)
    {
        var aDim = a.Sizes.Length > 0;
        var bDim = b.Sizes.Length > 0;
        if (aDim == bDim) return Wider(a.dtype, b.dtype);
        var (dimensioned, zeroDim) = aDim ? (a.dtype, b.dtype) : (b.dtype, a.dtype);
        // A 0-dim tensor only changes the result when its category is higher.
        return Category(zeroDim) > Category(dimensioned) ? zeroDim : dimensioned;
    }

    /// <summary>Tensor with a C# double: a float scalar lifts bool/int tensors to the default float32.</summary>
    public static ScalarType WithFloatScalar(Tensor a) => a.dtype.IsFloatingPoint() ? a.dtype : ScalarType.Float32;

    /// <summary>Tensor with a C# integer: bool tensors become int64, others keep their dtype.</summary>
    public static ScalarType WithIntScalar(Tensor a) => a.dtype == ScalarType.Bool ? ScalarType.Int64 : a.dtype;

    /// <summary>Whether an in-place op may write a <paramref name="from"/> result into a <paramref name="to"/> tensor (PyTorch's canCast: never float into integer or bool, nor integer into bool).</summary>
    public static bool CanCast(ScalarType from, ScalarType to) => Category(from) <= Category(to);

    /// <summary>The float dtype an op like exp() computes in: float tensors keep theirs, others use float32.</summary>
    public static ScalarType FloatFor(ScalarType t) => t.IsFloatingPoint() ? t : ScalarType.Float32;
}
