using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Activation functions and clamping.
public partial class Tensor
{
    /// <summary>max(x, 0) element-wise; its derivative at exactly 0 is 0, as in PyTorch.</summary>
    public Tensor relu()
    {
        if (!Recorder.ShouldRecord(this) || !dtype.IsFloatingPoint()) return Elementwise.Unary(UnaryOp.Relu, this);
        // The graph keeps a bit per element of where the output is positive (or NaN), not the output itself.
        var (result, mask) = Elementwise.ReluWithMask(this);
        var (sizes, type) = (Sizes, dtype);
        // d relu/dx = 1 where the output is positive, else 0
        return Recorder.Record(result, "ReluBackward0", [this], true, (g, _) => [g.ReluBackward(mask, type, sizes)], saved: [result]);
    }

    /// <summary>This gradient where <paramref name="mask"/> passes, else 0; linear in the gradient, so it differentiates again.</summary>
    internal Tensor ReluBackward(ReluMask mask, ScalarType type, int[] sizes)
    {
        var output = Elementwise.ReluBackward(this, mask, type, sizes);
        if (!Recorder.ShouldRecord(this)) return output;
        return Recorder.Record(output, "ThresholdBackwardBackward0", [this], false, (g, _) => [g.ReluBackward(mask, type, sizes)]);
    }

    /// <summary>Limits every element to [<paramref name="min"/>, <paramref name="max"/>]; either bound may be null.</summary>
    public Tensor clamp(double? min = null, double? max = null)
    {
        if (min is null && max is null) throw new RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
        var resultType = dtype.IsFloatingPoint() || ((min ?? 0) == Math.Floor(min ?? 0) && (max ?? 0) == Math.Floor(max ?? 0)) ? dtype : ScalarType.Float32;
        var result = to(resultType).detach();
        if (min is { } lo) result = Elementwise.BinaryScalar(BinaryOp.Maximum, result, lo, false, resultType);
        if (max is { } hi) result = Elementwise.BinaryScalar(BinaryOp.Minimum, result, hi, false, resultType);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // the gradient passes where the input lies inside the bounds (bounds included)
        return Recorder.Record(result, "ClampBackward1", [this], true, (g, _) =>
        {
            var inside = min is { } a ? self.ge(a) : null;
            if (max is { } b) inside = inside is null ? self.le(b) : inside.logical_and(self.le(b));
            return [g.KeepWhere(inside!)];
        });
    }

    /// <summary>Alias of <see cref="clamp"/>.</summary>
    public Tensor clip(double? min = null, double? max = null) => clamp(min, max);

    /// <summary>log(1 + e^(βx))/β, or x where βx exceeds <paramref name="threshold"/> (PyTorch's numerically safe form).</summary>
    public Tensor softplus(double beta = 1, double threshold = 20)
    {
        var dt = TypePromotion.FloatFor(dtype);
        var x = to(dt).ToDoubleArray();
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
            y[i] = x[i] * beta > threshold ? x[i] : Log1P(Math.Exp(x[i] * beta)) / beta;
        var result = new Tensor(Conversion.Convert(y, dt), Sizes, dt);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // d softplus/dx = σ(βx), and 1 past the threshold
        return Recorder.Record(result, "SoftplusBackward0", [this], true, (g, _) =>
        {
            var linear = (self * beta).gt(threshold);
            return [g.KeepWhere(linear) + (g * (self * beta).sigmoid()).KeepWhere(linear.logical_not())];
        });
    }

    /// <summary>log(1 + x), accurate for tiny x where 1 + x would round away x's digits.</summary>
    private static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>x for x &gt; 0, else <paramref name="negative_slope"/>·x.</summary>
    public Tensor leaky_relu(double negative_slope = 0.01)
    {
        var positive = gt(0.0);
        Tensor result;
        using (GradMode.Disable()) result = KeepWhere(positive) + (this * negative_slope).KeepWhere(positive.logical_not());
        result = result.detach();
        if (!Recorder.ShouldRecord(this)) return result;
        // d/dx = 1 for x > 0, else the slope
        return Recorder.Record(result, "LeakyReluBackward0", [this], true,
            (g, _) => [g.KeepWhere(positive) + (g * negative_slope).KeepWhere(positive.logical_not())]);
    }
}
