using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// C# operators. Scalars may sit on either side; a double behaves like a Python float (it lifts
// integer tensors to float32) and an int/long like a Python int (it keeps the tensor's dtype).
// == and != are deliberately not overloaded: `t == null` must keep meaning a reference check.
public sealed partial class Tensor
{
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
