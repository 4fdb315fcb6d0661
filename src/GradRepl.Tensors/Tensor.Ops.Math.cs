using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Rounding and the base-2 and log1p functions, with PyTorch's node names.
public partial class Tensor
{
    /// <summary>Rounds down to a whole number; integer tensors are returned unchanged in value.</summary>
    public Tensor floor() => Rounding(MathF.Floor, Math.Floor, "FloorBackward0");

    /// <summary>Rounds up to a whole number.</summary>
    public Tensor ceil() => Rounding(MathF.Ceiling, Math.Ceiling, "CeilBackward0");

    /// <summary>Rounds to the nearest whole number, halves to even (as PyTorch's round).</summary>
    public Tensor round() => Rounding(v => MathF.Round(v, MidpointRounding.ToEven), v => Math.Round(v, MidpointRounding.ToEven), "RoundBackward0");

    /// <summary>
    /// Rounds to <paramref name="decimals"/> decimal places, halves to even (negative: to tens, hundreds, ...), as
    /// PyTorch's <c>round(decimals=...)</c>: it scales by 10^decimals in the tensor's own precision, rounds and scales back.
    /// </summary>
    public Tensor round(long decimals)
    {
        var negative = decimals < 0;
        var scale = Math.Pow(10, Math.Abs(decimals));
        var scale32 = (float)scale;
        return Rounding(
            v => negative ? MathF.Round(v / scale32, MidpointRounding.ToEven) * scale32 : MathF.Round(v * scale32, MidpointRounding.ToEven) / scale32,
            v => negative ? Math.Round(v / scale, MidpointRounding.ToEven) * scale : Math.Round(v * scale, MidpointRounding.ToEven) / scale,
            "RoundBackward1");
    }

    /// <summary>Drops the fractional part (rounds toward zero).</summary>
    public Tensor trunc() => Rounding(MathF.Truncate, Math.Truncate, "TruncBackward0");

    private Tensor Rounding(Func<float, float> f32, Func<double, double> f64, string nodeName)
    {
        if (!dtype.IsFloatingPoint()) return clone().detach();
        var result = Map.Float(this, f32, f64);
        if (!Recorder.ShouldRecord(this)) return result;
        // a step function: zero slope everywhere it is differentiable
        return Recorder.Record(result, nodeName, [this], false, (g, _) => [torch.zeros_like(g)]);
    }

    /// <summary>2^x element-wise.</summary>
    public Tensor exp2()
    {
        var result = Map.Float(this, v => MathF.Pow(2f, v), v => Math.Pow(2.0, v));
        if (!Recorder.ShouldRecord(this)) return result;
        // d(2^x)/dx = 2^x·ln 2
        return Recorder.Record(result, "Exp2Backward0", [this], true, (g, _) => [g * (result * Math.Log(2))]);
    }

    /// <summary>Base-2 logarithm.</summary>
    public Tensor log2()
    {
        var result = Map.Float(this, MathF.Log2, Math.Log2);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // d(log2 x)/dx = 1/(x·ln 2)
        return Recorder.Record(result, "Log2Backward0", [this], true, (g, _) => [g / (self * Math.Log(2))]);
    }

    /// <summary>Base-10 logarithm.</summary>
    public Tensor log10()
    {
        var result = Map.Float(this, MathF.Log10, Math.Log10);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // d(log10 x)/dx = 1/(x·ln 10)
        return Recorder.Record(result, "Log10Backward0", [this], true, (g, _) => [g / (self * Math.Log(10))]);
    }

    /// <summary>log(1 + x), accurate for small x.</summary>
    public Tensor log1p()
    {
        var result = Map.Float(this, v => (float)Log1PDouble(v), Log1PDouble);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // d log(1+x)/dx = 1/(1+x)
        return Recorder.Record(result, "Log1PBackward0", [this], true, (g, _) => [g / (self + 1)]);
    }

    /// <summary>e^x - 1, accurate for small x.</summary>
    public Tensor expm1()
    {
        var result = Map.Float(this, v => (float)Expm1Double(v), Expm1Double);
        if (!Recorder.ShouldRecord(this)) return result;
        // d(e^x - 1)/dx = e^x = result + 1
        return Recorder.Record(result, "Expm1Backward0", [this], true, (g, _) => [g * (result + 1)]);
    }

    /// <summary>log(1 + x) with the digits of a tiny x kept (the classic correction for 1 + x rounding).</summary>
    private static double Log1PDouble(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : double.IsPositiveInfinity(u) ? u : Math.Log(u) * x / (u - 1);
    }

    private static double Expm1Double(double x)
    {
        if (Math.Abs(x) >= 1e-5) return Math.Exp(x) - 1;
        return x + x * x / 2 + x * x * x / 6;
    }
}

