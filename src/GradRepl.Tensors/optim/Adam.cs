using System.Numerics;
using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// Adam (optionally AMSGrad), with PyTorch 1.13's update (torch/optim/adam.py, single-tensor path): m = β1·m + (1 - β1)·g;
/// v = β2·v + (1 - β2)·g²; p = p - lr/(1 - β1^t) · m / (√v / √(1 - β2^t) + eps), with √max(v) under AMSGrad.
/// </summary>
public sealed class Adam : torch.optim.Optimizer
{
    internal Adam(IEnumerable<Tensor> parameters, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize)
        : base(parameters, Options(lr, beta1, beta2, eps, weight_decay, amsgrad, maximize))
    {
    }

    private protected override string PythonName => "Adam";

    private static IEnumerable<KeyValuePair<string, object?>> Options(double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize)
    {
        if (!(0.0 <= lr)) throw new ValueError($"Invalid learning rate: {PythonRepr.Float(lr)}");
        if (!(0.0 <= eps)) throw new ValueError($"Invalid epsilon value: {PythonRepr.Float(eps)}");
        if (!(0.0 <= beta1 && beta1 < 1.0)) throw new ValueError($"Invalid beta parameter at index 0: {PythonRepr.Float(beta1)}");
        if (!(0.0 <= beta2 && beta2 < 1.0)) throw new ValueError($"Invalid beta parameter at index 1: {PythonRepr.Float(beta2)}");
        if (!(0.0 <= weight_decay)) throw new ValueError($"Invalid weight_decay value: {PythonRepr.Float(weight_decay)}");
        return
        [
            new("lr", lr),
            new("betas", (beta1, beta2)),
            new("eps", eps),
            new("weight_decay", OptionValues.IntDefault(weight_decay)),
            new("amsgrad", amsgrad),
            new("maximize", maximize),
            new("foreach", null),
            new("capturable", false),
            new("differentiable", false),
            new("fused", false),
        ];
    }

    private protected override void Update<T>(ParamGroup group, Dictionary<string, object> state, T[] param, T[] grad)
    {
        var (beta1, beta2) = group.Pair("betas");
        var weightDecay = group.Number("weight_decay");
        var amsgrad = group.Flag("amsgrad");
        var maximize = group.Flag("maximize");
        var step = NextStep(state);
        var expAvg = Buffer(state, "exp_avg", param.Length, T.Zero);
        var expAvgSq = Buffer(state, "exp_avg_sq", param.Length, T.Zero);
        var maxExpAvgSq = amsgrad ? Buffer(state, "max_exp_avg_sq", param.Length, T.Zero) : null;
        // the bias corrections are Python floats; each scalar reaches the kernels rounded to T
        var biasCorrection1 = 1 - Math.Pow(beta1, step);
        var biasCorrection2Sqrt = Scalar<T>(Math.Sqrt(1 - Math.Pow(beta2, step)));
        var stepSize = Scalar<T>(-(group.Number("lr") / biasCorrection1));
        var (b1, b2) = (Scalar<T>(beta1), Scalar<T>(beta2));
        var (oneMinusB1, oneMinusB2) = (Scalar<T>(1 - beta1), Scalar<T>(1 - beta2));
        var (decay, eps) = (Scalar<T>(weightDecay), Scalar<T>(group.Number("eps")));
        for (var i = 0; i < param.Length; i++)
        {
            var g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) g = T.FusedMultiplyAdd(decay, param[i], g);
            expAvg[i] = T.FusedMultiplyAdd(oneMinusB1, g, expAvg[i] * b1);
            // addcmul_(g, g, value): (value·g)·g + self in one fused step
            expAvgSq[i] = T.FusedMultiplyAdd(oneMinusB2 * g, g, expAvgSq[i] * b2);
            var second = expAvgSq[i];
            if (maxExpAvgSq is not null) second = maxExpAvgSq[i] = T.Max(maxExpAvgSq[i], expAvgSq[i]);
            var denom = T.Sqrt(second) / biasCorrection2Sqrt + eps;
            // addcdiv_(m, denom, value): self + (value·m)/denom
            param[i] += stepSize * expAvg[i] / denom;
        }
    }
}
