using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// A fully connected layer, y = x·Wᵀ + b (PyTorch's <c>nn.Linear</c>). The weight [out, in] and bias [out] start as
/// PyTorch 1.13 starts them: kaiming_uniform_ with a = √5 on the weight, then uniform(-1/√in, 1/√in) on the bias,
/// so after the same <c>torch.manual_seed</c> the numbers are PyTorch's.
/// </summary>
public sealed class Linear : torch.nn.Module<Tensor, Tensor>
{
    internal Linear(long inputSize, long outputSize, bool hasBias, ScalarType? dtype) : base("Linear")
    {
        in_features = inputSize;
        out_features = outputSize;
        var type = dtype ?? torch.float32;
        weight = new Parameter(torch.empty([outputSize, inputSize], type));
        if (hasBias) bias = new Parameter(torch.empty([outputSize], type));
        reset_parameters();
    }

    // Kept beside the registration so forward reads them directly (the engine's own modules register explicitly).
    private Parameter _weight = null!;
    private Parameter? _bias;

    /// <summary>The number of input features.</summary>
    public long in_features { get; }

    /// <summary>The number of output features.</summary>
    public long out_features { get; }

    /// <summary>The weight, shape [out_features, in_features].</summary>
    public Parameter weight
    {
        get => _weight;
        set
        {
            register_parameter("weight", value);
            _weight = value;
        }
    }

    /// <summary>The bias, shape [out_features]; null for a layer made with <c>hasBias: false</c>.</summary>
    public Parameter? bias
    {
        get => _bias;
        set
        {
            if (value is null) throw new ArgumentNullException(nameof(value), "a Linear layer keeps its bias; make one with hasBias: false for none");
            register_parameter("bias", value);
            _bias = value;
        }
    }

    /// <summary>Draws the weight and bias again, as the constructor did.</summary>
    public void reset_parameters()
    {
        torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is null) return;
        var fanIn = torch.nn.init.Fans(weight).fanIn;
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        torch.nn.init.uniform_(bias, -bound, bound);
    }

    /// <summary>x·Wᵀ + b (node AddmmBackward0 for a 2-D input, as in PyTorch).</summary>
    public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);

    /// <inheritdoc/>
    public override string extra_repr() => $"in_features={in_features}, out_features={out_features}, bias={PythonRepr.Bool(bias is not null)}";
}
