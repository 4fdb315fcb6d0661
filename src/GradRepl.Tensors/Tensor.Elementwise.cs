using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Arithmetic and element-wise math. Each op computes its result with a kernel, then records a
// backward closure written with tensor ops (so create_graph can differentiate it again).
public partial class Tensor
{
    /// <summary>Element-wise sum with broadcasting.</summary>
    public Tensor add(Tensor other)
    {
        var result = Elementwise.Binary(BinaryOp.Add, this, other, TypePromotion.ResultType(this, other));
        if (!Recorder.ShouldRecord(this, other)) return result;
        var (a, b) = (InputInfo.Of(this), InputInfo.Of(other));
        // d(a+b)/da = 1, d(a+b)/db = 1
        return Recorder.Record(result, "AddBackward0", [this, other], false,
            (g, needs) => [needs[0] ? a.Reduce(g) : null, needs[1] ? b.Reduce(g) : null]);
    }

    /// <summary>Adds a scalar to every element.</summary>
    public Tensor add(double other) => AddScalar(other, TypePromotion.WithFloatScalar(this));

    /// <summary>Adds an integer to every element (integer tensors stay integer).</summary>
    public Tensor add(long other) => AddScalar(other, TypePromotion.WithIntScalar(this));

    private Tensor AddScalar(double other, ScalarType dtype)
    {
        var result = Elementwise.BinaryScalar(BinaryOp.Add, this, other, false, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var a = InputInfo.Of(this);
        return Recorder.Record(result, "AddBackward0", [this, null], false, (g, _) => [a.Reduce(g), null]);
    }

    /// <summary>Element-wise difference with broadcasting.</summary>
    public Tensor sub(Tensor other)
    {
        var result = Elementwise.Binary(BinaryOp.Sub, this, other, TypePromotion.ResultType(this, other));
        if (!Recorder.ShouldRecord(this, other)) return result;
        var (a, b) = (InputInfo.Of(this), InputInfo.Of(other));
        // d(a-b)/da = 1, d(a-b)/db = -1
        return Recorder.Record(result, "SubBackward0", [this, other], false,
            (g, needs) => [needs[0] ? a.Reduce(g) : null, needs[1] ? b.Reduce(g.neg()) : null]);
    }

    /// <summary>Subtracts a scalar from every element.</summary>
    public Tensor sub(double other) => SubScalar(other, TypePromotion.WithFloatScalar(this));

    /// <summary>Subtracts an integer from every element.</summary>
    public Tensor sub(long other) => SubScalar(other, TypePromotion.WithIntScalar(this));

    private Tensor SubScalar(double other, ScalarType dtype)
    {
        var result = Elementwise.BinaryScalar(BinaryOp.Sub, this, other, false, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var a = InputInfo.Of(this);
        return Recorder.Record(result, "SubBackward0", [this, null], false, (g, _) => [a.Reduce(g), null]);
    }

    /// <summary>scalar - this (PyTorch's rsub).</summary>
    internal Tensor RSub(double other, ScalarType dtype)
    {
        var result = Elementwise.BinaryScalar(BinaryOp.Sub, this, other, true, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var a = InputInfo.Of(this);
        // d(s-x)/dx = -1
        return Recorder.Record(result, "RsubBackward1", [this], false, (g, _) => [a.Reduce(g.neg())]);
    }

    /// <summary>Element-wise product with broadcasting.</summary>
    public Tensor mul(Tensor other)
    {
        var result = Elementwise.Binary(BinaryOp.Mul, this, other, TypePromotion.ResultType(this, other));
        if (!Recorder.ShouldRecord(this, other)) return result;
        var (a, b, self) = (InputInfo.Of(this), InputInfo.Of(other), this);
        // d(ab)/da = b, d(ab)/db = a
        // each factor is kept only for the other's gradient, as PyTorch keeps them
        return Recorder.Record(result, "MulBackward0", [this, other], true,
            (g, needs) => [needs[0] ? a.Reduce(g * other) : null, needs[1] ? b.Reduce(g * self) : null],
            saved: [other.requires_grad ? this : null, requires_grad ? other : null]);
    }

    /// <summary>Multiplies every element by a scalar.</summary>
    public Tensor mul(double other) => MulScalar(other, TypePromotion.WithFloatScalar(this));

    /// <summary>Multiplies every element by an integer.</summary>
    public Tensor mul(long other) => MulScalar(other, TypePromotion.WithIntScalar(this));

    private Tensor MulScalar(double other, ScalarType dtype)
    {
        var result = Elementwise.BinaryScalar(BinaryOp.Mul, this, other, false, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var a = InputInfo.Of(this);
        // PyTorch wraps the scalar in a saved tensor, so a second backward fails here too.
        return Recorder.Record(result, "MulBackward0", [this, null], true, (g, _) => [a.Reduce(g * other), null], saved: []);
    }

    /// <summary>Element-wise true division with broadcasting (integers divide as floats).</summary>
    public Tensor div(Tensor other)
    {
        var dtype = TypePromotion.FloatFor(TypePromotion.ResultType(this, other));
        var result = Elementwise.Binary(BinaryOp.Div, this, other, dtype);
        if (!Recorder.ShouldRecord(this, other)) return result;
        var (a, b, self) = (InputInfo.Of(this), InputInfo.Of(other), this);
        // d(a/b)/da = 1/b, d(a/b)/db = -a/b²
        return Recorder.Record(result, "DivBackward0", [this, other], true,
            (g, needs) => [needs[0] ? a.Reduce(g / other) : null, needs[1] ? b.Reduce(-g * self / (other * other)) : null],
            saved: [other.requires_grad ? this : null, other]);
    }

    /// <summary>Divides every element by a scalar.</summary>
    public Tensor div(double other)
    {
        var result = Elementwise.BinaryScalar(BinaryOp.Div, this, other, false, TypePromotion.WithFloatScalar(this));
        if (!Recorder.ShouldRecord(this)) return result;
        var a = InputInfo.Of(this);
        return Recorder.Record(result, "DivBackward0", [this, null], true, (g, _) => [a.Reduce(g / other), null], saved: []);
    }

    /// <summary>1/x element-wise.</summary>
    public Tensor reciprocal()
    {
        var result = Elementwise.Unary(UnaryOp.Reciprocal, this);
        if (!Recorder.ShouldRecord(this)) return result;
        var a = InputInfo.Of(this);
        // d(1/x)/dx = -1/x²
        return Recorder.Record(result, "ReciprocalBackward0", [this], true, (g, _) => [a.Reduce(-g * result * result)], saved: [result]);
    }

    /// <summary>Raises every element to a scalar power.</summary>
    public Tensor pow(double exponent)
    {
        // An integer tensor to a whole, non-negative power stays integer, as in PyTorch.
        var resultType = dtype == ScalarType.Int64 && exponent == Math.Floor(exponent) && exponent >= 0 ? ScalarType.Int64 : TypePromotion.WithFloatScalar(this);
        var result = Elementwise.BinaryScalar(BinaryOp.Pow, this, exponent, false, resultType);
        if (!Recorder.ShouldRecord(this)) return result;
        var (a, self) = (InputInfo.Of(this), this);
        // d(x^e)/dx = e·x^(e-1)
        return Recorder.Record(result, "PowBackward0", [this], true,
            (g, _) => [a.Reduce(exponent == 0 ? g * 0.0 : PowGradient(g, self, exponent))]);
    }

    /// <summary>g·(e·x^(e-1)), in PyTorch's order of operations; one fused pass when the backward itself is not recorded.</summary>
    private static Tensor PowGradient(Tensor g, Tensor x, double exponent)
    {
        if (GradMode.IsEnabled || !x.dtype.IsFloatingPoint() || g.dtype != x.dtype || !g.Sizes.AsSpan().SequenceEqual(x.Sizes))
            return g * (exponent * x.pow(exponent - 1));
        // x^1 is x itself (PowScalar copies it), so for the common square the slope is read straight from x.
        return exponent == 2
            ? Elementwise.ScaleThenMultiply(x, exponent, g, overwriteSource: false)
            : Elementwise.ScaleThenMultiply(x.detach().pow(exponent - 1), exponent, g, overwriteSource: true);
    }

    /// <summary>Raises every element to the matching element of <paramref name="exponent"/> (broadcasting).</summary>
    public Tensor pow(Tensor exponent)
    {
        var dtype = TypePromotion.ResultType(this, exponent);
        var result = Elementwise.Binary(BinaryOp.Pow, this, exponent, dtype);
        if (!Recorder.ShouldRecord(this, exponent)) return result;
        var (a, b, self) = (InputInfo.Of(this), InputInfo.Of(exponent), this);
        // d(a^b)/da = b·a^(b-1), d(a^b)/db = a^b·ln a
        return Recorder.Record(result, "PowBackward1", [this, exponent], true, (g, needs) =>
        [
            needs[0] ? a.Reduce(g * exponent * self.pow(exponent - 1.0)) : null,
            needs[1] ? b.Reduce(g * result * self.log()) : null,
        ], saved: [this, exponent, result]);
    }

    /// <summary>scalar ^ this, element-wise (PyTorch's pow with a scalar base).</summary>
    internal Tensor RPow(double @base)
    {
        var result = Elementwise.BinaryScalar(BinaryOp.Pow, this, @base, true, TypePromotion.WithFloatScalar(this));
        if (!Recorder.ShouldRecord(this)) return result;
        var a = InputInfo.Of(this);
        // d(s^x)/dx = s^x·ln s
        return Recorder.Record(result, "PowBackward2", [this], true, (g, _) => [a.Reduce(g * result * Math.Log(@base))], saved: [this, result]);
    }

    /// <summary>-x element-wise.</summary>
    public Tensor neg()
    {
        var result = Elementwise.Unary(UnaryOp.Neg, this);
        if (!Recorder.ShouldRecord(this)) return result;
        // d(-x)/dx = -1
        return Recorder.Record(result, "NegBackward0", [this], false, (g, _) => [g.neg()]);
    }

    /// <summary>|x| element-wise.</summary>
    public Tensor abs()
    {
        var result = Elementwise.Unary(UnaryOp.Abs, this);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // d|x|/dx = sign(x) (0 at 0)
        return Recorder.Record(result, "AbsBackward0", [this], true, (g, _) => [g * self.sign()]);
    }

    /// <summary>-1, 0 or 1 by the sign of each element.</summary>
    public Tensor sign()
    {
        var result = Elementwise.Unary(UnaryOp.Sign, this);
        if (!Recorder.ShouldRecord(this)) return result;
        // sign is flat almost everywhere
        return Recorder.Record(result, "SignBackward0", [this], false, (g, _) => [g * 0.0]);
    }

    /// <summary>e^x element-wise.</summary>
    public Tensor exp()
    {
        var result = Elementwise.Unary(UnaryOp.Exp, this);
        if (!Recorder.ShouldRecord(this)) return result;
        // d(e^x)/dx = e^x
        return Recorder.Record(result, "ExpBackward0", [this], true, (g, _) => [g * result], saved: [result]);
    }

    /// <summary>Natural logarithm element-wise.</summary>
    public Tensor log()
    {
        var result = Elementwise.Unary(UnaryOp.Log, this);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // d(ln x)/dx = 1/x
        return Recorder.Record(result, "LogBackward0", [this], true, (g, _) => [g / self]);
    }

    /// <summary>Sine element-wise.</summary>
    public Tensor sin()
    {
        var result = Elementwise.Unary(UnaryOp.Sin, this);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // d(sin x)/dx = cos x
        return Recorder.Record(result, "SinBackward0", [this], true, (g, _) => [g * self.cos()]);
    }

    /// <summary>Cosine element-wise.</summary>
    public Tensor cos()
    {
        var result = Elementwise.Unary(UnaryOp.Cos, this);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // d(cos x)/dx = -sin x
        return Recorder.Record(result, "CosBackward0", [this], true, (g, _) => [g * self.sin().neg()]);
    }

    /// <summary>Tangent element-wise.</summary>
    public Tensor tan()
    {
        var result = Elementwise.Unary(UnaryOp.Tan, this);
        if (!Recorder.ShouldRecord(this)) return result;
        // d(tan x)/dx = 1 + tan² x
        return Recorder.Record(result, "TanBackward0", [this], true, (g, _) => [g * (result * result + 1.0)], saved: [result]);
    }

    /// <summary>Hyperbolic tangent element-wise.</summary>
    public Tensor tanh()
    {
        var result = Elementwise.Unary(UnaryOp.Tanh, this);
        if (!Recorder.ShouldRecord(this)) return result;
        // d(tanh x)/dx = 1 - tanh² x; PyTorch's kernel computes 1 - y² as one fused multiply-add, so the first
        // derivative does too (a second one needs the differentiable form)
        return Recorder.Record(result, "TanhBackward0", [this], true,
            (g, _) => [GradMode.IsEnabled || !result.dtype.IsFloatingPoint() ? g * (1.0 - result * result) : g * Elementwise.OneMinusSquare(result)],
            saved: [result]);
    }

    /// <summary>The logistic function 1/(1+e^-x) element-wise.</summary>
    public Tensor sigmoid()
    {
        var result = Elementwise.Unary(UnaryOp.Sigmoid, this);
        if (!Recorder.ShouldRecord(this)) return result;
        // dσ/dx = σ(1-σ)
        return Recorder.Record(result, "SigmoidBackward0", [this], true, (g, _) => [g * result * (1.0 - result)], saved: [result]);
    }

    /// <summary>Square root element-wise.</summary>
    public Tensor sqrt()
    {
        var result = Elementwise.Unary(UnaryOp.Sqrt, this);
        if (!Recorder.ShouldRecord(this)) return result;
        // d(√x)/dx = 1/(2√x)
        return Recorder.Record(result, "SqrtBackward0", [this], true, (g, _) => [g / (2.0 * result)], saved: [result]);
    }

    /// <summary>Element-wise maximum of two tensors (broadcasting).</summary>
    public Tensor maximum(Tensor other) => MinMax(other, BinaryOp.Maximum, "MaximumBackward0");

    /// <summary>Element-wise minimum of two tensors (broadcasting).</summary>
    public Tensor minimum(Tensor other) => MinMax(other, BinaryOp.Minimum, "MinimumBackward0");

    private Tensor MinMax(Tensor other, BinaryOp op, string name)
    {
        var result = Elementwise.Binary(op, this, other, TypePromotion.ResultType(this, other));
        if (!Recorder.ShouldRecord(this, other)) return result;
        var (a, b, self) = (InputInfo.Of(this), InputInfo.Of(other), this);
        // the gradient goes to the chosen element; ties split it evenly, as PyTorch does
        return Recorder.Record(result, name, [this, other], true, (g, needs) =>
        {
            var wins = op == BinaryOp.Maximum ? self.gt(other) : self.lt(other);
            var ties = self.eq(other);
            var half = g * 0.5;
            return
            [
                needs[0] ? a.Reduce(g.KeepWhere(wins) + half.KeepWhere(ties)) : null,
                needs[1] ? b.Reduce(g.KeepWhere(wins.logical_not().logical_and(ties.logical_not())) + half.KeepWhere(ties)) : null,
            ];
        });
    }

    /// <summary>Keeps elements where <paramref name="mask"/> is true and zeroes the rest (the gradient of relu, clamp, max).</summary>
    internal Tensor KeepWhere(Tensor mask)
    {
        var result = Elementwise.Masked(this, mask);
        if (!Recorder.ShouldRecord(this)) return result;
        var a = InputInfo.Of(this);
        // linear in the kept values: the gradient passes through the same mask
        return Recorder.Record(result, "WhereBackward0", [this], false, (g, _) => [a.Reduce(g.KeepWhere(mask))]);
    }
}
