using GradRepl.Tensors.Autograd;

namespace GradRepl.Tensors;

/// <summary>
/// The <c>torch</c> facade: dtypes, grad mode, autograd entry points and math as free functions,
/// spelled as in PyTorch so lessons read like the Python they port.
/// </summary>
public static partial class torch
{
    /// <summary>32-bit float, the default dtype.</summary>
    public const ScalarType float32 = ScalarType.Float32;
    /// <summary>Alias of <see cref="float32"/>.</summary>
    public const ScalarType @float = ScalarType.Float32;
    /// <summary>64-bit float.</summary>
    public const ScalarType float64 = ScalarType.Float64;
    /// <summary>Alias of <see cref="float64"/>.</summary>
    public const ScalarType @double = ScalarType.Float64;
    /// <summary>64-bit integer.</summary>
    public const ScalarType int64 = ScalarType.Int64;
    /// <summary>Alias of <see cref="int64"/>.</summary>
    public const ScalarType @long = ScalarType.Int64;
    /// <summary>Boolean.</summary>
    public const ScalarType @bool = ScalarType.Bool;

    /// <summary>Turns gradient recording off on this thread until disposed: <c>using (torch.no_grad()) { ... }</c>.</summary>
    public static IDisposable no_grad() => GradMode.Disable();

    /// <summary>Turns gradient recording on until disposed (inside a no_grad block).</summary>
    public static IDisposable enable_grad() => GradMode.Enable();

    /// <summary>Whether operations on this thread currently record the graph.</summary>
    public static bool is_grad_enabled() => GradMode.IsEnabled;

    /// <summary>Autograd entry points and custom functions.</summary>
    public static partial class autograd
    {
        /// <summary>
        /// The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, without touching any <c>.grad</c>:
        /// a tuple with one gradient per input, printed as PyTorch prints it, e.g. <c>(tensor(4.),)</c>.
        /// </summary>
        public static PythonTuple<Tensor?> grad(Tensor[] outputs, Tensor[] inputs, Tensor?[]? grad_outputs = null, bool? retain_graph = null,
            bool create_graph = false, bool allow_unused = false)
            => new(GraphExecutor.Grad(outputs, inputs, grad_outputs, retain_graph ?? create_graph, create_graph, allow_unused));

        /// <summary>The gradient of one output with respect to one input, as a one-element tuple: <c>(tensor(4.),)</c>.</summary>
        public static PythonTuple<Tensor?> grad(Tensor outputs, Tensor inputs, Tensor? grad_outputs = null, bool? retain_graph = null,
            bool create_graph = false, bool allow_unused = false)
            => grad([outputs], [inputs], grad_outputs is null ? null : [grad_outputs], retain_graph, create_graph, allow_unused);

        /// <summary>Backward from several outputs at once, accumulating into the leaves' <c>.grad</c>.</summary>
        public static void backward(Tensor[] tensors, Tensor?[]? grad_tensors = null, bool? retain_graph = null, bool create_graph = false)
            => GraphExecutor.Backward(tensors, grad_tensors, retain_graph ?? create_graph, create_graph);
    }

    // Math as free functions: torch.f(x) is x.f().

    /// <summary>x^exponent element-wise.</summary>
    public static Tensor pow(Tensor input, double exponent) => input.pow(exponent);
    /// <summary>x^y element-wise.</summary>
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);
    /// <summary>base^x element-wise (node PowBackward2).</summary>
    public static Tensor pow(double self, Tensor exponent) => exponent.RPow(self);
    /// <summary>e^x.</summary>
    public static Tensor exp(Tensor input) => input.exp();
    /// <summary>Natural logarithm.</summary>
    public static Tensor log(Tensor input) => input.log();
    /// <summary>Sine.</summary>
    public static Tensor sin(Tensor input) => input.sin();
    /// <summary>Cosine.</summary>
    public static Tensor cos(Tensor input) => input.cos();
    /// <summary>Tangent.</summary>
    public static Tensor tan(Tensor input) => input.tan();
    /// <summary>Hyperbolic tangent.</summary>
    public static Tensor tanh(Tensor input) => input.tanh();
    /// <summary>Logistic sigmoid.</summary>
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    /// <summary>max(x, 0).</summary>
    public static Tensor relu(Tensor input) => input.relu();
    /// <summary>|x|.</summary>
    public static Tensor abs(Tensor input) => input.abs();
    /// <summary>Square root.</summary>
    public static Tensor sqrt(Tensor input) => input.sqrt();
    /// <summary>-x.</summary>
    public static Tensor neg(Tensor input) => input.neg();
    /// <summary>Sign of each element.</summary>
    public static Tensor sign(Tensor input) => input.sign();
    /// <summary>Sum of all elements.</summary>
    public static Tensor sum(Tensor input) => input.sum();
    /// <summary>Sum along a dimension.</summary>
    public static Tensor sum(Tensor input, long dim, bool keepdim = false) => input.sum(dim, keepdim);
    /// <summary>Mean of all elements.</summary>
    public static Tensor mean(Tensor input) => input.mean();
    /// <summary>Mean along a dimension.</summary>
    public static Tensor mean(Tensor input, long dim, bool keepdim = false) => input.mean(dim, keepdim);
    /// <summary>Largest element.</summary>
    public static Tensor max(Tensor input) => input.max();
    /// <summary>Element-wise maximum of two tensors.</summary>
    public static Tensor max(Tensor input, Tensor other) => input.maximum(other);
    /// <summary>Smallest element.</summary>
    public static Tensor min(Tensor input) => input.min();
    /// <summary>Element-wise minimum of two tensors.</summary>
    public static Tensor min(Tensor input, Tensor other) => input.minimum(other);
    /// <summary>Element-wise maximum of two tensors.</summary>
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    /// <summary>Element-wise minimum of two tensors.</summary>
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
    /// <summary>Limits elements to [min, max].</summary>
    public static Tensor clamp(Tensor input, double? min = null, double? max = null) => input.clamp(min, max);
    /// <summary>Matrix/vector product.</summary>
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);
    /// <summary>Matrix product.</summary>
    public static Tensor mm(Tensor input, Tensor mat2) => input.mm(mat2);
    /// <summary>Matrix-vector product.</summary>
    public static Tensor mv(Tensor input, Tensor vec) => input.mv(vec);
    /// <summary>Dot product.</summary>
    public static Tensor dot(Tensor input, Tensor other) => input.dot(other);
    /// <summary>Element-wise sum.</summary>
    public static Tensor add(Tensor input, Tensor other) => input.add(other);
    /// <summary>Element-wise product.</summary>
    public static Tensor mul(Tensor input, Tensor other) => input.mul(other);
    /// <summary>Element-wise quotient.</summary>
    public static Tensor div(Tensor input, Tensor other) => input.div(other);
    /// <summary>Element-wise difference.</summary>
    public static Tensor sub(Tensor input, Tensor other) => input.sub(other);
    /// <summary>Reshape.</summary>
    public static Tensor reshape(Tensor input, params long[] shape) => input.reshape(shape);
    /// <summary>Transpose of two dimensions.</summary>
    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);
    /// <summary>Transpose of a matrix.</summary>
    public static Tensor t(Tensor input) => input.t();
    /// <summary>Whether shapes and elements are equal.</summary>
    public static bool equal(Tensor input, Tensor other) => input.equal(other);
    /// <summary>Whether all elements are close.</summary>
    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-05, double atol = 1e-08) => input.allclose(other, rtol, atol);
    /// <summary>A copy of the tensor's elements in its own storage.</summary>
    public static Tensor clone(Tensor input) => input.clone();

    /// <summary>Neural-network helpers.</summary>
    public static partial class nn
    {
        /// <summary>Activation functions, as in <c>torch.nn.functional</c>.</summary>
        public static partial class functional
        {
            /// <summary>max(x, 0); derivative 0 at 0.</summary>
            public static Tensor relu(Tensor input) => input.relu();
            /// <summary>Logistic sigmoid.</summary>
            public static Tensor sigmoid(Tensor input) => input.sigmoid();
            /// <summary>Hyperbolic tangent.</summary>
            public static Tensor tanh(Tensor input) => input.tanh();
            /// <summary>log(1 + e^(βx))/β.</summary>
            public static Tensor softplus(Tensor input, double beta = 1, double threshold = 20) => input.softplus(beta, threshold);
            /// <summary>x for x &gt; 0, else slope·x.</summary>
            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01) => input.leaky_relu(negative_slope);
        }
    }
}
