using GradRepl.Tensors.Modules;

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
            return new Modules.SGD(OneGroup(parameters), rate, momentum, dampening, weight_decay, nesterov, maximize);
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
            => new(OneGroup(parameters), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>RMSprop (TorchSharp's spelling; <c>RMSprop</c> is PyTorch's).</summary>
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
            => new(OneGroup(parameters), lr, alpha, eps, weight_decay, momentum, centered, maximize);

        /// <summary>RMSprop under PyTorch's spelling: the same as <c>RMSProp</c>.</summary>
        public static Modules.RMSProp RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
            double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
            => new(OneGroup(parameters), lr, alpha, eps, weight_decay, momentum, centered, maximize);

        /// <summary>Adagrad: <c>torch.optim.Adagrad(model.parameters(), lr: 0.1)</c>.</summary>
        /// <param name="parameters">The tensors to optimize.</param>
        /// <param name="lr">The learning rate.</param>
        /// <param name="lr_decay">Learning-rate decay per step.</param>
        /// <param name="weight_decay">L2 penalty added to the gradient.</param>
        /// <param name="initial_accumulator_value">Starting value of the sum of squared gradients.</param>
        /// <param name="eps">Added to the denominator.</param>
        public static Modules.Adagrad Adagrad(IEnumerable<Tensor> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0,
            double initial_accumulator_value = 0, double eps = 1e-10)
            => new(OneGroup(parameters), lr, lr_decay, weight_decay, initial_accumulator_value, eps);

        /// <summary>
        /// SGD over parameter groups with options of their own (PyTorch's list of dicts):
        /// <c>torch.optim.SGD([new SGD.ParamGroup(model.features.parameters()), new SGD.ParamGroup(model.classifier.parameters(), lr: 1e-3)], lr: 1e-2, momentum: 0.9)</c>.
        /// The options here are the defaults of every group that does not set its own.
        /// </summary>
        /// <param name="parameters">The groups (<see cref="Modules.SGD.ParamGroup"/>, or <see cref="ParamGroup"/> with options set by name).</param>
        /// <param name="learningRate">The default learning rate (may be left out when every group sets <c>lr</c>).</param>
        /// <param name="momentum">Default momentum factor.</param>
        /// <param name="dampening">Default dampening of the momentum.</param>
        /// <param name="weight_decay">Default L2 penalty added to the gradient.</param>
        /// <param name="nesterov">Default Nesterov momentum (needs momentum and zero dampening).</param>
        /// <param name="maximize">Ascend instead of descend.</param>
        /// <param name="lr">The default learning rate under PyTorch's name.</param>
        public static Modules.SGD SGD(IEnumerable<ParamGroup> parameters, double? learningRate = null, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false, double? lr = null)
        {
            if (learningRate is not null && lr is not null) throw new ValueError("SGD got the learning rate twice: give learningRate or lr, not both");
            return new Modules.SGD(parameters, learningRate ?? lr, momentum, dampening, weight_decay, nesterov, maximize);
        }

        /// <summary>Adam over parameter groups with options of their own (<see cref="Modules.Adam.ParamGroup"/>); the options here are the groups' defaults.</summary>
        /// <param name="parameters">The groups.</param>
        /// <param name="lr">Default learning rate.</param>
        /// <param name="beta1">Default <c>betas[0]</c>.</param>
        /// <param name="beta2">Default <c>betas[1]</c>.</param>
        /// <param name="eps">Default term added to the denominator.</param>
        /// <param name="weight_decay">Default L2 penalty added to the gradient.</param>
        /// <param name="amsgrad">Default AMSGrad.</param>
        /// <param name="maximize">Ascend instead of descend.</param>
        public static Modules.Adam Adam(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            => new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>RMSprop over parameter groups with options of their own (<see cref="Modules.RMSProp.ParamGroup"/>); the options here are the groups' defaults.</summary>
        /// <param name="parameters">The groups.</param>
        /// <param name="lr">Default learning rate.</param>
        /// <param name="alpha">Default smoothing constant.</param>
        /// <param name="eps">Default term added to the denominator.</param>
        /// <param name="weight_decay">Default L2 penalty added to the gradient.</param>
        /// <param name="momentum">Default momentum factor.</param>
        /// <param name="centered">Default centering.</param>
        /// <param name="maximize">Ascend instead of descend.</param>
        public static Modules.RMSProp RMSProp(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
            double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
            => new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

        /// <summary>RMSprop over parameter groups under PyTorch's spelling: the same as <see cref="RMSProp(IEnumerable{ParamGroup}, double, double, double, double, double, bool, bool)"/>.</summary>
        /// <param name="parameters">The groups.</param>
        /// <param name="lr">Default learning rate.</param>
        /// <param name="alpha">Default smoothing constant.</param>
        /// <param name="eps">Default term added to the denominator.</param>
        /// <param name="weight_decay">Default L2 penalty added to the gradient.</param>
        /// <param name="momentum">Default momentum factor.</param>
        /// <param name="centered">Default centering.</param>
        /// <param name="maximize">Ascend instead of descend.</param>
        public static Modules.RMSProp RMSprop(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
            double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false)
            => new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

        /// <summary>Adagrad over parameter groups with options of their own (<see cref="Modules.Adagrad.ParamGroup"/>); the options here are the groups' defaults.</summary>
        /// <param name="parameters">The groups.</param>
        /// <param name="lr">Default learning rate.</param>
        /// <param name="lr_decay">Default learning-rate decay per step.</param>
        /// <param name="weight_decay">Default L2 penalty added to the gradient.</param>
        /// <param name="initial_accumulator_value">Default starting value of the sum of squared gradients.</param>
        /// <param name="eps">Default term added to the denominator.</param>
        public static Modules.Adagrad Adagrad(IEnumerable<ParamGroup> parameters, double lr = 1e-2, double lr_decay = 0, double weight_decay = 0,
            double initial_accumulator_value = 0, double eps = 1e-10)
            => new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps);

        /// <summary>Python's <c>[{'params': parameters}]</c>: the one group an optimizer given plain tensors has.</summary>
        private static ParamGroup[] OneGroup(IEnumerable<Tensor> parameters)
        {
            var list = (parameters ?? throw new ValueError("optimizer got no parameters (null)")).ToList();
            if (list.Count == 0) throw new ValueError("optimizer got an empty parameter list");
            return [new ParamGroup(list)];
        }
    }
}
