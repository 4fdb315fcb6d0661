using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// torch.nn.functional: losses, linear, dropout, softmax, one_hot. Each loss has PyTorch's node name; the
// gradients are written with tensor ops so that create_graph differentiates them again.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>Mean (or summed, or per-element) squared error; node MseLossBackward0.</summary>
            public static Tensor mse_loss(Tensor input, Tensor target, string reduction = "mean")
            {
                var mode = Reduction(reduction);
                WarnOnBroadcast(input, target);
                Tensor value;
                using (no_grad()) value = Reduce((input - target).pow(2), mode).detach();
                if (!GradMode.IsEnabled || !(input.requires_grad || target.requires_grad)) return value;
                var (a, b) = (InputInfo.Of(input), InputInfo.Of(target));
                var n = (double)Kernels.Shapes.Numel(Kernels.Shapes.Broadcast(input.Sizes, target.Sizes));
                // d(x - t)²/dx = 2(x - t); the mean divides by the number of elements
                return Recorder.Record(value, "MseLossBackward0", [input, target], true, (g, needs) =>
                {
                    var grad = (input - target) * (mode == "mean" ? 2 / n : 2.0) * g;
                    return [needs[0] ? a.Reduce(grad) : null, needs[1] ? b.Reduce(-grad) : null];
                });
            }

            /// <summary>Mean (or summed, or per-element) absolute error, composed as PyTorch 1.13 does: |x - t| then mean or sum.</summary>
            public static Tensor l1_loss(Tensor input, Tensor target, string reduction = "mean")
            {
                var mode = Reduction(reduction);
                WarnOnBroadcast(input, target);
                return Reduce((input - target).abs(), mode);
            }

            /// <summary>Binary cross entropy of probabilities; the logs are clamped at -100 as in PyTorch. Node BinaryCrossEntropyBackward0.</summary>
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, string reduction = "mean")
            {
                var mode = Reduction(reduction);
                if (!input.Sizes.AsSpan().SequenceEqual(target.Sizes))
                    throw new ValueError($"Using a target size ({target.shape}) that is different to the input size ({input.shape}) is deprecated. Please ensure they have the same size.");
                var x = input.ToDoubleArray();
                var t = target.ToDoubleArray();
                var w = weight?.expand_as_copy(input.Sizes).ToDoubleArray();
                var losses = new double[x.Length];
                for (var i = 0; i < x.Length; i++)
                {
                    if (!(x[i] >= 0 && x[i] <= 1)) throw new RuntimeError("all elements of input should be between 0 and 1");
                    losses[i] = ((t[i] - 1) * Math.Max(Math.Log(1 - x[i]), -100) - t[i] * Math.Max(Math.Log(x[i]), -100)) * (w?[i] ?? 1);
                }
                var value = ReduceValues(losses, input, mode);
                if (!GradMode.IsEnabled || !(input.requires_grad || target.requires_grad)) return value;
                var n = (double)input.Count;
                // d/dx = w(x - t)/max(x(1 - x), 1e-12); d/dt = w(log(1 - x) - log x)
                return Recorder.Record(value, "BinaryCrossEntropyBackward0", [input, target], true, (g, needs) =>
                {
                    var scale = mode == "mean" ? g / n : g;
                    var weighted = weight is null ? scale : scale * weight;
                    var gradInput = needs[0] ? weighted * (input - target) / ((1 - input) * input).clamp(min: 1e-12) : null;
                    var gradTarget = needs[1] ? weighted * ((1 - input).log().clamp(min: -100) - input.log().clamp(min: -100)) : null;
                    return [gradInput, gradTarget];
                });
            }

            /// <summary>Binary cross entropy on logits (a sigmoid folded in, computed stably). Node BinaryCrossEntropyWithLogitsBackward0.</summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, string reduction = "mean")
            {
                var mode = Reduction(reduction);
                if (!input.Sizes.AsSpan().SequenceEqual(target.Sizes))
                    throw new ValueError($"Target size ({target.shape}) must be the same as input size ({input.shape})");
                var x = input.ToDoubleArray();
                var t = target.ToDoubleArray();
                var w = weight?.expand_as_copy(input.Sizes).ToDoubleArray();
                var losses = new double[x.Length];
                for (var i = 0; i < x.Length; i++)
                {
                    // (1 - t)x + log(1 + e^-x), with the largest exponent factored out
                    var maxVal = Math.Max(-x[i], 0);
                    losses[i] = ((1 - t[i]) * x[i] + maxVal + Math.Log(Math.Exp(-maxVal) + Math.Exp(-x[i] - maxVal))) * (w?[i] ?? 1);
                }
                var value = ReduceValues(losses, input, mode);
                if (!GradMode.IsEnabled || !(input.requires_grad || target.requires_grad)) return value;
                var n = (double)input.Count;
                // d/dx = w(σ(x) - t); d/dt = -w·x
                return Recorder.Record(value, "BinaryCrossEntropyWithLogitsBackward0", [input, target], true, (g, needs) =>
                {
                    var scale = mode == "mean" ? g / n : g;
                    var weighted = weight is null ? scale : scale * weight;
                    return [needs[0] ? weighted * (input.sigmoid() - target) : null, needs[1] ? -weighted * input : null];
                });
            }

            /// <summary>
            /// Negative log-likelihood of class indices: <paramref name="input"/> holds log-probabilities [N, C] (or [C]),
            /// <paramref name="target"/> int64 classes [N] (or 0-dim). Node NllLossBackward0.
            /// </summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, string reduction = "mean")
            {
                var mode = Reduction(reduction);
                if (input.Sizes.Length is < 1 or > 2) throw new ValueError($"Expected 1 or 2 dimensions (got {input.Sizes.Length})");
                var batched = input.Sizes.Length == 2;
                var n = batched ? input.Sizes[0] : 1;
                var classes = input.Sizes[^1];
                // PyTorch's order of checks: batch sizes, the target's rank, then its dtype
                if (batched && (target.Sizes.Length == 0 || target.Sizes[0] != n))
                    throw new ValueError($"Expected input batch_size ({n}) to match target batch_size ({(target.Sizes.Length == 0 ? 0 : target.Sizes[0])}).");
                if (target.Sizes.Length > 1) throw new RuntimeError("0D or 1D target tensor expected, multi-target not supported");
                if (!batched && target.Sizes.Length != 0)
                    throw new RuntimeError($"size mismatch (got input: {Kernels.Shapes.Format(input.Sizes)}, target: {Kernels.Shapes.Format(target.Sizes)})");
                if (target.dtype != ScalarType.Int64) throw new RuntimeError($"expected scalar type Long but found {target.dtype.CppName()}");
                var w = weight?.ToDoubleArray();
                if (w is not null && w.Length != classes)
                    throw new RuntimeError($"weight tensor should be defined either for all {classes} classes or no classes but got weight tensor of shape: {weight!.shape.ToString().Replace("torch.Size(", "").TrimEnd(')')}");
                var x = input.ToDoubleArray();
                var labels = (long[])target.Storage;
                var coefficients = new double[x.Length];
                var losses = new double[n];
                var totalWeight = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var c = labels[i];
                    if (c == ignore_index) continue;
                    if (c < 0 || c >= classes) throw new IndexError($"Target {c} is out of bounds.");
                    var wc = w?[c] ?? 1;
                    losses[i] = -wc * x[i * classes + c];
                    coefficients[i * classes + c] = -wc;
                    totalWeight += wc;
                }
                Tensor value;
                if (mode == "none")
                    value = new Tensor(Conversion.Convert(losses, input.dtype), batched ? [n] : [], input.dtype);
                else
                {
                    // PyTorch's order of additions, in the input's precision; the mean divides in it too
                    var (total, weightTotal) = input.dtype == ScalarType.Float32
                        ? NllLossSum.Sum<float>(x, labels, w, n, classes, ignore_index)
                        : NllLossSum.Sum<double>(x, labels, w, n, classes, ignore_index);
                    var mean = input.dtype == ScalarType.Float32 ? (float)total / (float)weightTotal : total / weightTotal;
                    value = new Tensor(Conversion.Filled(input.dtype, 1, mode == "mean" ? mean : total), [], input.dtype);
                }
                if (!Recorder.ShouldRecord(input)) return value;
                if (mode == "mean") for (var i = 0; i < coefficients.Length; i++) coefficients[i] /= totalWeight;
                var slope = new Tensor(Conversion.Convert(coefficients, input.dtype), input.Sizes, input.dtype);
                // each sample's loss is -w·x[i, target i]: its gradient sits at that one place
                return Recorder.Record(value, "NllLossBackward0", [input], true, (g, _) =>
                    [mode == "none" && batched ? slope * g.unsqueeze(1) : slope * g]);
            }

            /// <summary>
            /// Cross entropy: with int64 class indices, nll_loss of log_softmax over the class dimension; with a float
            /// target of the input's shape (class probabilities), -Σ target·log_softmax over the classes.
            /// </summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, string reduction = "mean")
            {
                var classDim = input.Sizes.Length == 1 ? 0 : 1;
                // as in PyTorch, only a float target of the input's own shape is read as probabilities
                if (!target.dtype.IsFloatingPoint() || !input.Sizes.AsSpan().SequenceEqual(target.Sizes))
                    return nll_loss(input.log_softmax(classDim), target, weight, ignore_index, reduction);
                var mode = Reduction(reduction);
                var terms = input.log_softmax(classDim) * target;
                if (weight is not null) terms *= classDim == 1 && input.Sizes.Length > 2 ? weight.reshape(-1, 1) : weight;
                return mode switch
                {
                    "none" => -terms.sum([classDim]),
                    "sum" => -terms.sum(),
                    // PyTorch divides by the batch size with a C++ scalar, hence DivBackward1
                    _ => DivideByScalar(-terms.sum(), input.Sizes.Length == 1 ? 1 : input.Sizes[0]),
                };
            }

            private static Tensor DivideByScalar(Tensor x, double divisor)
            {
                Tensor result;
                using (no_grad()) result = (x / divisor).detach();
                if (!Recorder.ShouldRecord(x)) return result;
                return Recorder.Record(result, "DivBackward1", [x], false, (g, _) => [g / divisor]);
            }

            /// <summary>x·Wᵀ + b, as PyTorch 1.13 runs it (addmm for a 2-D input with a bias: node AddmmBackward0).</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null)
            {
                if (input.Sizes.Length == 2 && bias is not null) return Tensor.Addmm(bias, input, weight.t());
                var output = input.matmul(weight.t());
                return bias is null ? output : output + bias;
            }

            /// <summary>
            /// In training, zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1 - p),
            /// drawing PyTorch's mask from the seeded generator; otherwise returns the input.
            /// </summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
            {
                if (p < 0 || p > 1) throw new ValueError($"dropout probability has to be between 0 and 1, but got {PythonFloat(p)}");
                if (p == 0 || !training || input.Count == 0) return input;
                if (p == 1) return input * zeros([], input.dtype);
                var mask = BernoulliMask(input.Count, 1 - p);
                // PyTorch divides the 0/1 noise by 1 - p in the tensor's own dtype
                Array noise = input.dtype == float64
                    ? mask.Select(m => m ? 1 / (1 - p) : 0).ToArray()
                    : mask.Select(m => m ? 1f / (float)(1 - p) : 0f).ToArray();
                return input * new Tensor(noise, input.Sizes, input.dtype == float64 ? float64 : float32);
            }

            /// <summary>e^x / Σ e^x along <paramref name="dim"/>.</summary>
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);

            /// <summary>log(softmax(x)) along <paramref name="dim"/>.</summary>
            public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);

            /// <summary>Class indices as one-hot rows (int64) with <paramref name="num_classes"/> columns (-1: the largest class + 1).</summary>
            public static Tensor one_hot(Tensor tensor, long num_classes = -1) => tensor.OneHot(num_classes);

            private static string PythonFloat(double value)
            {
                var text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return double.IsFinite(value) && !text.Contains('.') && !text.Contains('E') ? text + ".0" : text;
            }

            private static string Reduction(string reduction) => reduction is "mean" or "sum" or "none"
                ? reduction : throw new ValueError($"{reduction} is not a valid value for reduction");

            private static Tensor Reduce(Tensor losses, string mode) => mode switch
            {
                "mean" => losses.mean(),
                "sum" => losses.sum(),
                _ => losses,
            };

            private static Tensor ReduceValues(double[] losses, Tensor like, string mode) => mode switch
            {
                "none" => new Tensor(Conversion.Convert(losses, like.dtype), like.Sizes, like.dtype),
                _ => new Tensor(Conversion.Filled(like.dtype, 1, mode == "mean" ? losses.Sum() / losses.Length : losses.Sum()), [], like.dtype),
            };

            private static void WarnOnBroadcast(Tensor input, Tensor target)
            {
                if (!input.Sizes.AsSpan().SequenceEqual(target.Sizes))
                    TorchWarnings.Warn($"UserWarning: Using a target size ({target.shape}) that is different to the input size ({input.shape}). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.");
            }
        }
    }
}
