using System.Numerics;
using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// Adagrad, with PyTorch 1.13's update (torch/optim/adagrad.py, single-tensor path): s = s + g²;
/// p = p - clr·g/(√s + eps) with clr = lr / (1 + (t - 1)·lr_decay).
/// </summary>
public sealed class Adagrad : torch.optim.Optimizer
{
    internal Adagrad(IEnumerable<Modules.ParamGroup> groups, double lr, double lr_decay, double weight_decay, double initial_accumulator_value, double eps)
        : base(groups, Options(lr, lr_decay, weight_decay, initial_accumulator_value, eps))
    {
        // PyTorch's Adagrad makes every parameter's state when it is built, so state[p] shows it before any step; the sum
        // starts at the optimizer's initial_accumulator_value even in a group that sets its own, as PyTorch 1.13's does
        foreach (var group in param_groups)
        {
            foreach (var p in group.Parameters)
            {
                state[p]["step"] = torch.tensor(0f);
                state[p]["sum"] = torch.full_like(p.detach(), initial_accumulator_value);
            }
        }
    }

    /// <summary>A group of parameters with Adagrad options of its own (TorchSharp's <c>Adagrad.ParamGroup</c>); the options left out take the optimizer's.</summary>
    /// <param name="parameters">The tensors of this group.</param>
    /// <param name="lr">This group's learning rate.</param>
    /// <param name="lr_decay">This group's learning-rate decay.</param>
    /// <param name="weight_decay">This group's L2 penalty.</param>
    /// <param name="initial_accumulator_value">This group's starting sum of squared gradients.</param>
    /// <param name="eps">This group's term added to the denominator.</param>
    public sealed class ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? lr_decay = null, double? weight_decay = null,
        double? initial_accumulator_value = null, double? eps = null)
        : Modules.ParamGroup(parameters, Given(("lr", lr), ("lr_decay", OptionValues.IntDefault(lr_decay)), ("eps", eps),
            ("weight_decay", OptionValues.IntDefault(weight_decay)), ("initial_accumulator_value", OptionValues.IntDefault(initial_accumulator_value))));

    private protected override string PythonName => "Adagrad";

    private static IEnumerable<KeyValuePair<string, object?>> Options(double lr, double lr_decay, double weight_decay, double initial_accumulator_value, double eps)
    {
        if (!(0.0 <= lr)) throw new ValueError($"Invalid learning rate: {PythonRepr.Float(lr)}");
        if (!(0.0 <= lr_decay)) throw new ValueError($"Invalid lr_decay value: {PythonRepr.Float(lr_decay)}");
        if (!(0.0 <= weight_decay)) throw new ValueError($"Invalid weight_decay value: {PythonRepr.Float(weight_decay)}");
        if (!(0.0 <= initial_accumulator_value)) throw new ValueError($"Invalid initial_accumulator_value value: {PythonRepr.Float(initial_accumulator_value)}");
        if (!(0.0 <= eps)) throw new ValueError($"Invalid epsilon value: {PythonRepr.Float(eps)}");
        return
        [
            new("lr", lr),
            new("lr_decay", OptionValues.IntDefault(lr_decay)),
            new("eps", eps),
            new("weight_decay", OptionValues.IntDefault(weight_decay)),
            new("initial_accumulator_value", OptionValues.IntDefault(initial_accumulator_value)),
            new("foreach", null),
            new("maximize", false),
        ];
    }

    private protected override void Update<T>(Modules.ParamGroup group, StateBuffers state, T[] param, T[] grad)
    {
        var weightDecay = group.Number("weight_decay");
        var maximize = group.Flag("maximize");
        var step = state.NextStepTensor();
        var sum = state.Buffer("sum", Scalar<T>(group.Number("initial_accumulator_value")));
        var clr = Scalar<T>(-(group.Number("lr") / (1 + (step - 1) * group.Number("lr_decay"))));
        var (decay, eps) = (Scalar<T>(weightDecay), Scalar<T>(group.Number("eps")));
        for (var i = 0; i < param.Length; i++)
        {
            var g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) g = T.FusedMultiplyAdd(decay, param[i], g);
            sum[i] = T.FusedMultiplyAdd(g, g, sum[i]);
            param[i] += clr * g / (T.Sqrt(sum[i]) + eps);
        }
    }
}
