using System.Numerics;
using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// Adagrad, with PyTorch 1.13's update (torch/optim/adagrad.py, single-tensor path): s = s + g²;
/// p = p - clr·g/(√s + eps) with clr = lr / (1 + (t - 1)·lr_decay).
/// </summary>
public sealed class Adagrad : torch.optim.Optimizer
{
    internal Adagrad(IEnumerable<Tensor> parameters, double lr, double lr_decay, double weight_decay, double initial_accumulator_value, double eps)
        : base(parameters, Options(lr, lr_decay, weight_decay, initial_accumulator_value, eps))
    {
    }

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

    private protected override void Update<T>(ParamGroup group, Dictionary<string, object> state, T[] param, T[] grad)
    {
        var weightDecay = group.Number("weight_decay");
        var maximize = group.Flag("maximize");
        var step = NextStep(state);
        var sum = Buffer(state, "sum", param.Length, Scalar<T>(group.Number("initial_accumulator_value")));
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
