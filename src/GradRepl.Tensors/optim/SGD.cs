using System.Numerics;
using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// Stochastic gradient descent, optionally with momentum, dampening, Nesterov momentum and weight decay, with
/// PyTorch 1.13's update (torch/optim/sgd.py, single-tensor path): d = g + wd·p; buf = momentum·buf + (1 - dampening)·d
/// (buf = d at the first step); d = d + momentum·buf with Nesterov, else buf; p = p - lr·d.
/// </summary>
public sealed class SGD : torch.optim.Optimizer
{
    internal SGD(IEnumerable<Modules.ParamGroup> groups, double? lr, double momentum, double dampening, double weight_decay, bool nesterov, bool maximize)
        : base(groups, Options(lr, momentum, dampening, weight_decay, nesterov, maximize))
    {
    }

    /// <summary>
    /// A group of parameters with SGD options of its own (TorchSharp's <c>SGD.ParamGroup</c>); the options left out
    /// take the optimizer's: <c>torch.optim.SGD([new SGD.ParamGroup(model.features.parameters()),
    /// new SGD.ParamGroup(model.classifier.parameters(), lr: 1e-3)], lr: 1e-2, momentum: 0.9)</c>.
    /// </summary>
    /// <param name="parameters">The tensors of this group.</param>
    /// <param name="lr">This group's learning rate.</param>
    /// <param name="momentum">This group's momentum factor.</param>
    /// <param name="dampening">This group's dampening of the momentum.</param>
    /// <param name="weight_decay">This group's L2 penalty.</param>
    /// <param name="nesterov">Nesterov momentum for this group.</param>
    /// <param name="maximize">Ascend instead of descend in this group.</param>
    public sealed class ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? momentum = null, double? dampening = null,
        double? weight_decay = null, bool? nesterov = null, bool? maximize = null)
        : Modules.ParamGroup(parameters, Given(("lr", lr), ("momentum", OptionValues.IntDefault(momentum)), ("dampening", OptionValues.IntDefault(dampening)),
            ("weight_decay", OptionValues.IntDefault(weight_decay)), ("nesterov", nesterov), ("maximize", maximize)));

    private protected override string PythonName => "SGD";

    private static IEnumerable<KeyValuePair<string, object?>> Options(double? lr, double momentum, double dampening, double weight_decay, bool nesterov, bool maximize)
    {
        // PyTorch's checks, in its order
        if (lr is < 0.0) throw new ValueError($"Invalid learning rate: {PythonRepr.Float(lr.Value)}");
        if (momentum < 0.0) throw new ValueError($"Invalid momentum value: {PythonRepr.Float(momentum)}");
        if (weight_decay < 0.0) throw new ValueError($"Invalid weight_decay value: {PythonRepr.Float(weight_decay)}");
        if (nesterov && (momentum <= 0 || dampening != 0)) throw new ValueError("Nesterov momentum requires a momentum and zero dampening");
        return
        [
            new("lr", lr ?? Required),
            new("momentum", OptionValues.IntDefault(momentum)),
            new("dampening", OptionValues.IntDefault(dampening)),
            new("weight_decay", OptionValues.IntDefault(weight_decay)),
            new("nesterov", nesterov),
            new("maximize", maximize),
            new("foreach", null),
            new("differentiable", false),
        ];
    }

    private protected override void Update<T>(Modules.ParamGroup group, StateBuffers state, T[] param, T[] grad)
    {
        var lr = Scalar<T>(-group.Number("lr"));
        var momentum = group.Number("momentum");
        var weightDecay = group.Number("weight_decay");
        var nesterov = group.Flag("nesterov");
        var maximize = group.Flag("maximize");
        var decay = Scalar<T>(weightDecay);
        var mom = Scalar<T>(momentum);
        var keep = Scalar<T>(1 - group.Number("dampening"));
        T[]? buffer = null;
        var firstStep = false;
        if (momentum != 0)
        {
            // a buffer that is None (or missing) starts as the first step's d
            firstStep = !state.Has("momentum_buffer");
            buffer = state.Buffer("momentum_buffer", T.Zero);
        }
        else
        {
            state.SetNone("momentum_buffer");
        }
        for (var i = 0; i < param.Length; i++)
        {
            var d = maximize ? -grad[i] : grad[i];
            // add(other, alpha) is one fused multiply-add in PyTorch's CPU kernel
            if (weightDecay != 0) d = T.FusedMultiplyAdd(decay, param[i], d);
            if (buffer is not null)
            {
                buffer[i] = firstStep ? d : T.FusedMultiplyAdd(keep, d, buffer[i] * mom);
                d = nesterov ? T.FusedMultiplyAdd(mom, buffer[i], d) : buffer[i];
            }
            param[i] = T.FusedMultiplyAdd(lr, d, param[i]);
        }
    }
}
