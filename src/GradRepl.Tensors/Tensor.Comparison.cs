using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Comparisons give bool tensors and are never differentiated.
public partial class Tensor
{
    /// <summary>Element-wise equality (a bool tensor).</summary>
    public Tensor eq(Tensor other) => Elementwise.Compare(CompareOp.Eq, this, other);
    /// <summary>Element-wise inequality (a bool tensor).</summary>
    public Tensor ne(Tensor other) => Elementwise.Compare(CompareOp.Ne, this, other);
    /// <summary>Element-wise this &lt; other.</summary>
    public Tensor lt(Tensor other) => Elementwise.Compare(CompareOp.Lt, this, other);
    /// <summary>Element-wise this &lt;= other.</summary>
    public Tensor le(Tensor other) => Elementwise.Compare(CompareOp.Le, this, other);
    /// <summary>Element-wise this &gt; other.</summary>
    public Tensor gt(Tensor other) => Elementwise.Compare(CompareOp.Gt, this, other);
    /// <summary>Element-wise this &gt;= other.</summary>
    public Tensor ge(Tensor other) => Elementwise.Compare(CompareOp.Ge, this, other);

    /// <summary>Element-wise equality with a scalar.</summary>
    public Tensor eq(double other) => eq(ScalarLike(other));
    /// <summary>Element-wise inequality with a scalar.</summary>
    public Tensor ne(double other) => ne(ScalarLike(other));
    /// <summary>Element-wise this &lt; scalar.</summary>
    public Tensor lt(double other) => lt(ScalarLike(other));
    /// <summary>Element-wise this &lt;= scalar.</summary>
    public Tensor le(double other) => le(ScalarLike(other));
    /// <summary>Element-wise this &gt; scalar.</summary>
    public Tensor gt(double other) => gt(ScalarLike(other));
    /// <summary>Element-wise this &gt;= scalar.</summary>
    public Tensor ge(double other) => ge(ScalarLike(other));

    /// <summary>Element-wise logical not.</summary>
    public Tensor logical_not()
    {
        var src = (bool[])Conversion.Convert(Storage, ScalarType.Bool);
        var dst = new bool[src.Length];
        for (var i = 0; i < dst.Length; i++) dst[i] = !src[i];
        return Of(dst, Sizes);
    }

    /// <summary>Element-wise logical and.</summary>
    public Tensor logical_and(Tensor other) => Elementwise.Binary(BinaryOp.Minimum, to(ScalarType.Bool), other.to(ScalarType.Bool), ScalarType.Bool);

    /// <summary>Element-wise logical or.</summary>
    public Tensor logical_or(Tensor other) => Elementwise.Binary(BinaryOp.Maximum, to(ScalarType.Bool), other.to(ScalarType.Bool), ScalarType.Bool);

    /// <summary>True when every element is nonzero (a bool scalar tensor).</summary>
    public Tensor all()
    {
        var b = (bool[])Conversion.Convert(Storage, ScalarType.Bool);
        return Of([Array.TrueForAll(b, v => v)], []);
    }

    /// <summary>True when some element is nonzero (a bool scalar tensor).</summary>
    public Tensor any()
    {
        var b = (bool[])Conversion.Convert(Storage, ScalarType.Bool);
        return Of([Array.Exists(b, v => v)], []);
    }

    /// <summary>Whether two tensors have the same shape and elements (PyTorch's torch.equal).</summary>
    public bool equal(Tensor other) => Sizes.AsSpan().SequenceEqual(other.Sizes) && (Count == 0 || eq(other).all().item() != 0);

    /// <summary>Whether all elements are close: |a - b| &lt;= atol + rtol·|b|.</summary>
    public bool allclose(Tensor other, double rtol = 1e-05, double atol = 1e-08)
    {
        var shape = Shapes.Broadcast(Sizes, other.Sizes);
        var a = expand_as_copy(shape).ToDoubleArray();
        var b = other.expand_as_copy(shape).ToDoubleArray();
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) continue;
            if (!(Math.Abs(a[i] - b[i]) <= atol + rtol * Math.Abs(b[i]))) return false;
        }
        return true;
    }

    /// <summary>A 0-dim tensor holding a C# scalar, typed as PyTorch types a Python number next to this tensor.</summary>
    private Tensor ScalarLike(double value)
    {
        var t = value == Math.Floor(value) && !dtype.IsFloatingPoint() && Math.Abs(value) < 9.2e18
            ? TypePromotion.WithIntScalar(this) : TypePromotion.WithFloatScalar(this);
        return new Tensor(Conversion.Filled(t, 1, value), [], t);
    }
}
