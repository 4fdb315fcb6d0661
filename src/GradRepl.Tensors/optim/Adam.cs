using System.Numerics;
using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// Adam (optionally AMSGrad), with PyTorch 1.13's update (torch/optim/adam.py, single-tensor path): m = β1·m + (1 - β1)·g;
/// v = β2·v + (1 - β2)·g²; p = p - lr/(1 - β1^t) · m / (√v / √(1 - β2^t) + eps), with √max(v) under AMSGrad.
/// </summary>
public sealed class Adam : torch.optim.Optimizer
{
    internal Adam(IEnumerable<Modules.ParamGroup> groups, double lr, double beta1, double beta2, double eps, double weight_decay, bool amsgrad, bool maximize)
        : base(groups, Options(lr, beta1, beta2, eps, weight_decay, amsgrad, maximize))
    {
    }

    /// <summary>
    /// A group of parameters with Adam options of its own (TorchSharp's <c>Adam.ParamGroup</c>); the options left out
    /// take the optimizer's. Giving only one of <paramref name="beta1"/> and <paramref name="beta2"/> sets the pair
    /// <c>betas</c> with PyTorch's default (0.9 or 0.999) for the other.
    /// </summary>
    /// <param name="parameters">The tensors of this group.</param>
    /// <param name="lr">This group's learning rate.</param>
    /// <param name="beta1">This group's <c>betas[0]</c>.</param>
    /// <param name="beta2">This group's <c>betas[1]</c>.</param>
    /// <param name="eps">This group's term added to the denominator.</param>
    /// <param name="weight_decay">This group's L2 penalty.</param>
    /// <param name="amsgrad">AMSGrad for this group.</param>
    /// <param name="maximize">Ascend instead of descend in this group.</param>
    public sealed class ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? beta1 = null, double? beta2 = null, double? eps = null,
        double? weight_decay = null, bool? amsgrad = null, bool? maximize = null)
        : Modules.ParamGroup(parameters, Given(("lr", lr), ("betas", beta1 is null && beta2 is null ? null : (object)(beta1 ?? 0.9, beta2 ?? 0.999)), ("eps", eps),
            ("weight_decay", OptionValues.IntDefault(weight_decay)), ("amsgrad", amsgrad), ("maximize", maximize)));

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

    private protected override void Update<T>(Modules.ParamGroup group, StateBuffers state, T[] param, T[] grad)
    {
        var (beta1, beta2) = group.Pair("betas");
        var weightDecay = group.Number("weight_decay");
        var amsgrad = group.Flag("amsgrad");
        var maximize = group.Flag("maximize");
        var step = state.NextStepTensor();
        var expAvg = state.Buffer("exp_avg", T.Zero);
        var expAvgSq = state.Buffer("exp_avg_sq", T.Zero);
        var maxExpAvgSq = amsgrad ? state.Buffer("max_exp_avg_sq", T.Zero) : null;
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
