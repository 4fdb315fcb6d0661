using System.Numerics;
using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// RMSprop (optionally centered, with momentum), with PyTorch 1.13's update (torch/optim/rmsprop.py, single-tensor path):
/// s = α·s + (1 - α)·g²; avg = √s + eps (centered: √(s - ḡ²) + eps); p = p - lr·g/avg, or through the momentum buffer.
/// </summary>
public sealed class RMSProp : torch.optim.Optimizer
{
    internal RMSProp(IEnumerable<Modules.ParamGroup> groups, double lr, double alpha, double eps, double weight_decay, double momentum, bool centered, bool maximize)
        : base(groups, Options(lr, alpha, eps, weight_decay, momentum, centered, maximize))
    {
    }

    /// <summary>A group of parameters with RMSprop options of its own (TorchSharp's <c>RMSProp.ParamGroup</c>); the options left out take the optimizer's.</summary>
    /// <param name="parameters">The tensors of this group.</param>
    /// <param name="lr">This group's learning rate.</param>
    /// <param name="alpha">This group's smoothing constant.</param>
    /// <param name="eps">This group's term added to the denominator.</param>
    /// <param name="weight_decay">This group's L2 penalty.</param>
    /// <param name="momentum">This group's momentum factor.</param>
    /// <param name="centered">Centered RMSprop for this group.</param>
    /// <param name="maximize">Ascend instead of descend in this group.</param>
    public sealed class ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? alpha = null, double? eps = null,
        double? weight_decay = null, double? momentum = null, bool? centered = null, bool? maximize = null)
        : Modules.ParamGroup(parameters, Given(("lr", lr), ("momentum", OptionValues.IntDefault(momentum)), ("alpha", alpha), ("eps", eps),
            ("centered", centered), ("weight_decay", OptionValues.IntDefault(weight_decay)), ("maximize", maximize)));

    private protected override string PythonName => "RMSprop";

    private static IEnumerable<KeyValuePair<string, object?>> Options(double lr, double alpha, double eps, double weight_decay, double momentum, bool centered, bool maximize)
    {
        if (!(0.0 <= lr)) throw new ValueError($"Invalid learning rate: {PythonRepr.Float(lr)}");
        if (!(0.0 <= eps)) throw new ValueError($"Invalid epsilon value: {PythonRepr.Float(eps)}");
        if (!(0.0 <= momentum)) throw new ValueError($"Invalid momentum value: {PythonRepr.Float(momentum)}");
        if (!(0.0 <= weight_decay)) throw new ValueError($"Invalid weight_decay value: {PythonRepr.Float(weight_decay)}");
        if (!(0.0 <= alpha)) throw new ValueError($"Invalid alpha value: {PythonRepr.Float(alpha)}");
        return
        [
            new("lr", lr),
            new("momentum", OptionValues.IntDefault(momentum)),
            new("alpha", alpha),
            new("eps", eps),
            new("centered", centered),
            new("weight_decay", OptionValues.IntDefault(weight_decay)),
            new("foreach", null),
            new("maximize", maximize),
            new("differentiable", false),
        ];
    }

    private protected override void Update<T>(Modules.ParamGroup group, StateBuffers state, T[] param, T[] grad)
    {
        var alpha = group.Number("alpha");
        var weightDecay = group.Number("weight_decay");
        var momentum = group.Number("momentum");
        var centered = group.Flag("centered");
        var maximize = group.Flag("maximize");
        state.NextStepCount();
        var squareAvg = state.Buffer("square_avg", T.Zero);
        var buffer = momentum > 0 ? state.Buffer("momentum_buffer", T.Zero) : null;
        var gradAvg = centered ? state.Buffer("grad_avg", T.Zero) : null;
        var (a, oneMinusA) = (Scalar<T>(alpha), Scalar<T>(1 - alpha));
        var (decay, eps, mom, lr) = (Scalar<T>(weightDecay), Scalar<T>(group.Number("eps")), Scalar<T>(momentum), Scalar<T>(-group.Number("lr")));
        for (var i = 0; i < param.Length; i++)
        {
            var g = maximize ? -grad[i] : grad[i];
            if (weightDecay != 0) g = T.FusedMultiplyAdd(decay, param[i], g);
            squareAvg[i] = T.FusedMultiplyAdd(oneMinusA * g, g, squareAvg[i] * a);
            T avg;
            if (gradAvg is not null)
            {
                gradAvg[i] = T.FusedMultiplyAdd(oneMinusA, g, gradAvg[i] * a);
                avg = T.Sqrt(T.FusedMultiplyAdd(-gradAvg[i], gradAvg[i], squareAvg[i]));
            }
            else
            {
                avg = T.Sqrt(squareAvg[i]);
            }
            avg += eps;
            if (buffer is not null)
            {
                buffer[i] = buffer[i] * mom + g / avg;
                param[i] = T.FusedMultiplyAdd(lr, buffer[i], param[i]);
            }
            else
            {
                param[i] += lr * g / avg;
            }
        }
    }
}
