namespace GradRepl.Tensors;

public static partial class torch
{
    /// <summary>Optimizers with TorchSharp's names and parameter names, PyTorch 1.13's defaults and update formulas.</summary>
    public static partial class optim
    {
        /// <summary>
        /// Stochastic gradient descent: <c>torch.optim.SGD(model.parameters(), learningRate: 0.01, momentum: 0.9)</c>
        /// (<c>lr:</c> works too, as in PyTorch).
        /// </summary>
        /// <param name="parameters">The tensors to optimize (leaves, such as <c>model.parameters()</c>).</param>
        /// <param name="learningRate">The learning rate (TorchSharp's name; required, here or as <paramref name="lr"/>).</param>
        /// <param name="momentum">Momentum factor.</param>
        /// <param name="dampening">Dampening of the momentum.</param>
        /// <param name="weight_decay">L2 penalty added to the gradient.</param>
        /// <param name="nesterov">Nesterov momentum (needs momentum and zero dampening).</param>
        /// <param name="maximize">Ascend instead of descend.</param>
        /// <param name="lr">The learning rate under PyTorch's name.</param>
        public static Modules.SGD SGD(IEnumerable<Tensor> parameters, double? learningRate = null, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false, double? lr = null)
        {
            if (learningRate is not null && lr is not null) throw new ValueError("SGD got the learning rate twice: give learningRate or lr, not both");
            var rate = learningRate ?? lr ?? throw new ValueError("parameter group didn't specify a value of required optimization parameter lr");
            return new Modules.SGD(parameters, rate, momentum, dampening, weight_decay, nesterov, maximize);
        }

        /// <summary>Adam: <c>torch.optim.Adam(model.parameters(), lr: 0.001)</c>; PyTorch's defaults (β2 = 0.999).</summary>
        /// <param name="parameters">The tensors to optimize.</param>
        /// <param name="lr">The learning rate.</param>
        /// <param name="beta1">Decay of the running mean of gradients (PyTorch's <c>betas[0]</c>).</param>
        /// <param name="beta2">Decay of the running mean of squared gradients (PyTorch's <c>betas[1]</c>).</param>
        /// <param name="eps">Added to the denominator.</param>
        /// <param name="weight_decay">L2 penalty added to the gradient.</param>
        /// <param name="amsgrad">Use the running maximum of the squared-gradient mean (AMSGrad).</param>
        /// <param name="maximize">Ascend instead of descend.</param>
        public static Modules.Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            => new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>RMSprop (TorchSharp's spelling; <see cref="RMSprop"/> is PyTorch's).</summary>
        /// <param name="parameters">The tensors to optimize.</param>
        /// <param name="lr">The learning rate.</param>
        /// <param name="alpha">Smoothing constant of the squared-gradient mean.</param>
        /// <param name="eps">Added to the denominator.</param>
        /// <param name="weight_decay">L2 penalty added to the gradient.</param>
        /// <param name="momentum">Momentum factor.</param>
        /// <param name="centered">Normalise by the gradient's estimated variance.</param>
        /// <param name="maximize">Ascend instead of descend.</param>
        public static Modules.RMSProp RMSProp(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
            double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
            => new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

        /// <summary>RMSprop under PyTorch's spelling: the same as <see cref="RMSProp"/>.</summary>
        public static Modules.RMSProp RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
            double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
            => new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

        /// <summary>Adagrad: <c>torch.optim.Adagrad(model.parameters(), lr: 0.1)</c>.</summary>
        /// <param name="parameters">The tensors to optimize.</param>
        /// <param name="lr">The learning rate.</param>
        /// <param name="lr_decay">Learning-rate decay per step.</param>
        /// <param name="weight_decay">L2 penalty added to the gradient.</param>
        /// <param name="initial_accumulator_value">Starting value of the sum of squared gradients.</param>
        /// <param name="eps">Added to the denominator.</param>
        public static Modules.Adagrad Adagrad(IEnumerable<Tensor> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0,
            double initial_accumulator_value = 0, double eps = 1e-10)
            => new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps);
    }
}
