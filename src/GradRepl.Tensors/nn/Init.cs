namespace GradRepl.Tensors;

// torch.nn.init: each fills a tensor in place under no_grad and returns it, drawing what PyTorch 1.13 draws for
// the same seed (the bounds are computed as init.py computes them, then uniform_ or normal_ draws).
public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Initialisers for parameters, as in <c>torch.nn.init</c>.</summary>
        public static class init
        {
            /// <summary>The recommended gain for a nonlinearity: 1 for linear and sigmoid, 5/3 for tanh, √2 for relu, √(2/(1+slope²)) for leaky_relu, 3/4 for selu.</summary>
            public static double calculate_gain(string nonlinearity, double? param = null) => nonlinearity switch
            {
                "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d" or "conv_transpose3d" or "sigmoid" => 1,
                "tanh" => 5.0 / 3,
                "relu" => Math.Sqrt(2.0),
                "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
                "selu" => 3.0 / 4,
                _ => throw new ValueError($"Unsupported nonlinearity {nonlinearity}"),
            };

            /// <summary>Fills with uniform draws from [<paramref name="a"/>, <paramref name="b"/>).</summary>
            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1)
            {
                using (no_grad()) return tensor.uniform_(a, b);
            }

            /// <summary>Fills with normal draws of the given mean and standard deviation.</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1)
            {
                using (no_grad()) return tensor.normal_(mean, std);
            }

            /// <summary>Fills with <paramref name="val"/>.</summary>
            public static Tensor constant_(Tensor tensor, double val)
            {
                using (no_grad()) return tensor.fill_(val);
            }

            /// <summary>Fills with zeros.</summary>
            public static Tensor zeros_(Tensor tensor)
            {
                using (no_grad()) return tensor.zero_();
            }

            /// <summary>Fills with ones.</summary>
            public static Tensor ones_(Tensor tensor)
            {
                using (no_grad()) return tensor.fill_(1);
            }

            /// <summary>Glorot's uniform init: bound gain·√(6/(fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = Fans(tensor);
                var bound = Math.Sqrt(3.0) * (gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>Glorot's normal init: std gain·√(2/(fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1)
            {
                var (fanIn, fanOut) = Fans(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
            }

            /// <summary>
            /// He's uniform init, as nn.Linear uses it with <c>a = √5</c>: bound √3·gain/√fan, the gain from
            /// <paramref name="nonlinearity"/> and <paramref name="a"/>, the fan from <paramref name="mode"/> (fan_in or fan_out).
            /// </summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu")
            {
                if (tensor.Count == 0 && tensor.Sizes.Contains(0))
                {
                    TorchWarnings.Warn("UserWarning: Initializing zero-element tensors is a no-op");
                    return tensor;
                }
                var bound = Math.Sqrt(3.0) * (calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode)));
                return uniform_(tensor, -bound, bound);
            }

            /// <summary>He's normal init: std gain/√fan.</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu")
            {
                if (tensor.Count == 0 && tensor.Sizes.Contains(0))
                {
                    TorchWarnings.Warn("UserWarning: Initializing zero-element tensors is a no-op");
                    return tensor;
                }
                return normal_(tensor, 0, calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode)));
            }

            private static double Fan(Tensor tensor, string mode)
            {
                if (mode is not ("fan_in" or "fan_out")) throw new ValueError($"Mode {mode} not supported, please use one of ['fan_in', 'fan_out']");
                var (fanIn, fanOut) = Fans(tensor);
                return mode == "fan_in" ? fanIn : fanOut;
            }

            /// <summary>PyTorch's _calculate_fan_in_and_fan_out: size(1) and size(0), each times the product of the other sizes.</summary>
            internal static (long fanIn, long fanOut) Fans(Tensor tensor)
            {
                if (tensor.Sizes.Length < 2) throw new ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
                long receptive = 1;
                foreach (var size in tensor.Sizes.Skip(2)) receptive *= size;
                return (tensor.Sizes[1] * receptive, tensor.Sizes[0] * receptive);
            }
        }
    }
}
