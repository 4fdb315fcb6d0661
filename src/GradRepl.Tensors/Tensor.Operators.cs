using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// C# operators. Scalars may sit on either side; a double behaves like a Python float (it lifts
// integer tensors to float32) and an int/long like a Python int (it keeps the tensor's dtype).
// == and != compare element-wise as in PyTorch (d2l's `x.grad == 4 * x`); a comparison with null is still a
// reference test (its answer a one-element bool tensor), and a one-element tensor converts to bool as Python's
// bool(t) does, so `if (x.grad == null)` and `x != null && ...` keep working. Equals and GetHashCode stay
// reference identity, for collections.
public partial class Tensor
{
    /// <summary>Element-wise equality (a bool tensor); with null on either side, whether both are null.</summary>
    public static Tensor operator ==(Tensor? a, Tensor? b) => a is null || b is null ? torch.tensor(ReferenceEquals(a, b)) : a.eq(b);
    /// <summary>Element-wise inequality (a bool tensor); with null on either side, whether exactly one is null.</summary>
    public static Tensor operator !=(Tensor? a, Tensor? b) => a is null || b is null ? torch.tensor(!ReferenceEquals(a, b)) : a.ne(b);
    /// <summary>Element-wise equality with a scalar.</summary>
    public static Tensor operator ==(Tensor a, double b) => a.eq(b);
    /// <summary>Element-wise inequality with a scalar.</summary>
    public static Tensor operator !=(Tensor a, double b) => a.ne(b);
    /// <summary>Element-wise equality with a scalar.</summary>
    public static Tensor operator ==(double a, Tensor b) => b.eq(a);
    /// <summary>Element-wise inequality with a scalar.</summary>
    public static Tensor operator !=(double a, Tensor b) => b.ne(a);

    /// <summary>Python's <c>bool(t)</c>: the truth of a one-element tensor; more elements are ambiguous (PyTorch's error).</summary>
    public static implicit operator bool(Tensor t)
    {
        if (t.Count != 1) throw new RuntimeError("Boolean value of Tensor with more than one value is ambiguous");
        return t.item() != 0;
    }

    /// <summary>A scalar as a 0-dim float64 tensor, so <c>x[3] = 4.5</c> and <c>x[mask] = 0</c> read as in Python.</summary>
    public static implicit operator Tensor(double value) => WrappedNumber(torch.tensor(value, dtype: ScalarType.Float64));

    /// <summary>An integer as a 0-dim int64 tensor.</summary>
    public static implicit operator Tensor(long value) => WrappedNumber(torch.tensor(value));

    /// <summary>
    /// Made from a C# number by an implicit conversion, so it stands for a Python scalar: a write through tensor indices
    /// converts it to the written tensor's dtype, where a tensor of another dtype is refused (PyTorch's index_put_).
    /// </summary>
    internal bool IsWrappedNumber { get; private set; }

    private static Tensor WrappedNumber(Tensor number)
    {
        number.IsWrappedNumber = true;
        return number;
    }

    /// <summary>Reference identity (== compares elements).</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>Reference identity's hash.</summary>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>Element-wise sum.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor a, double b) => a.add(b);
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(double a, Tensor b) => b.add(a);
    /// <summary>Adds an integer.</summary>
    public static Tensor operator +(Tensor a, long b) => a.add(b);
    /// <summary>Adds an integer.</summary>
    public static Tensor operator +(long a, Tensor b) => b.add(a);

    /// <summary>Element-wise difference.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor a, double b) => a.sub(b);
    /// <summary>A scalar minus each element (node RsubBackward1).</summary>
    public static Tensor operator -(double a, Tensor b) => b.RSub(a, TypePromotion.WithFloatScalar(b));
    /// <summary>Subtracts an integer.</summary>
    public static Tensor operator -(Tensor a, long b) => a.sub(b);
    /// <summary>An integer minus each element (node RsubBackward1).</summary>
    public static Tensor operator -(long a, Tensor b) => b.RSub(a, TypePromotion.WithIntScalar(b));

    /// <summary>Element-wise product.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor a, double b) => a.mul(b);
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(double a, Tensor b) => b.mul(a);
    /// <summary>Multiplies by an integer.</summary>
    public static Tensor operator *(Tensor a, long b) => a.mul(b);
    /// <summary>Multiplies by an integer.</summary>
    public static Tensor operator *(long a, Tensor b) => b.mul(a);

    /// <summary>Element-wise true division.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor a, double b) => a.div(b);
    /// <summary>A scalar divided by each element; as in PyTorch this is reciprocal() * scalar (node MulBackward0).</summary>
    public static Tensor operator /(double a, Tensor b) => b.reciprocal().mul(a);
    /// <summary>Divides by an integer (true division).</summary>
    public static Tensor operator /(Tensor a, long b) => a.div((double)b);
    /// <summary>An integer divided by each element.</summary>
    public static Tensor operator /(long a, Tensor b) => b.reciprocal().mul((double)a);

    /// <summary>Element-wise negation.</summary>
    public static Tensor operator -(Tensor a) => a.neg();

    /// <summary>Element-wise a &lt; b.</summary>
    public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
    /// <summary>Element-wise a &gt; b.</summary>
    public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
    /// <summary>Element-wise a &lt;= b.</summary>
    public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
    /// <summary>Element-wise a &gt;= b.</summary>
    public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
    /// <summary>Element-wise a &lt; b.</summary>
    public static Tensor operator <(Tensor a, double b) => a.lt(b);
    /// <summary>Element-wise a &gt; b.</summary>
    public static Tensor operator >(Tensor a, double b) => a.gt(b);
    /// <summary>Element-wise a &lt;= b.</summary>
    public static Tensor operator <=(Tensor a, double b) => a.le(b);
    /// <summary>Element-wise a &gt;= b.</summary>
    public static Tensor operator >=(Tensor a, double b) => a.ge(b);

    /// <summary>F#'s <c>x ** 2.0</c>: raises each element to a power.</summary>
    public static Tensor Pow(Tensor x, double exponent) => x.pow(exponent);
    /// <summary>F#'s <c>x ** y</c> for two tensors.</summary>
    public static Tensor Pow(Tensor x, Tensor exponent) => x.pow(exponent);
}
