using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors;

// torch.nn's factories, spelled as TorchSharp spells them (torch.nn.Linear(1, 1), torch.nn.MSELoss()), so a lesson
// moves to TorchSharp with few edits; defaults are PyTorch's.
public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Makes <paramref name="data"/>'s elements (shared) a module parameter, a leaf requiring grad: <c>torch.nn.Parameter(torch.zeros(3))</c>.</summary>
        public static Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);

        /// <summary>A fully connected layer x·Wᵀ + b, drawn as PyTorch draws it: <c>torch.nn.Linear(1, 1)</c>.</summary>
        public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, ScalarType? dtype = null) => new(inputSize, outputSize, hasBias, dtype);

        /// <summary>Layers run in order, named 0, 1, 2, ...: <c>torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Sigmoid())</c>.</summary>
        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules)
            => new(modules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)));

        /// <summary>Layers run in order, with the names given: <c>torch.nn.Sequential(("hidden", torch.nn.Linear(2, 3)), ("act", torch.nn.ReLU()))</c>.</summary>
        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);

        /// <summary>Modules in a list, registered as children 0, 1, 2, ...: <c>hidden = torch.nn.ModuleList&lt;Linear&gt;(); hidden.append(torch.nn.Linear(2, 3));</c>.</summary>
        public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);

        /// <summary>max(x, 0).</summary>
        public static ReLU ReLU() => new();

        /// <summary>x for x &gt; 0, else negative_slope·x.</summary>
        public static LeakyReLU LeakyReLU(double negative_slope = 0.01) => new(negative_slope);

        /// <summary>The logistic sigmoid.</summary>
        public static Sigmoid Sigmoid() => new();

        /// <summary>The hyperbolic tangent.</summary>
        public static Tanh Tanh() => new();

        /// <summary>Softmax along <paramref name="dim"/>.</summary>
        public static Softmax Softmax(long dim) => new(dim);

        /// <summary>Log-softmax along <paramref name="dim"/>.</summary>
        public static LogSoftmax LogSoftmax(long dim) => new(dim);

        /// <summary>Passes its input through.</summary>
        public static Identity Identity() => new();

        /// <summary>Dropout with probability <paramref name="p"/>, obeying train() and eval().</summary>
        public static Dropout Dropout(double p = 0.5) => new(p);

        /// <summary>Flattens dimensions <paramref name="startDim"/> to <paramref name="endDim"/> into one.</summary>
        public static Flatten Flatten(long startDim = 1, long endDim = -1) => new(startDim, endDim);

        /// <summary>Squared error; <paramref name="reduction"/> <c>mean</c>, <c>sum</c> or <c>none</c>.</summary>
        public static MSELoss MSELoss(string reduction = "mean") => new(reduction);

        /// <summary>Absolute error.</summary>
        public static L1Loss L1Loss(string reduction = "mean") => new(reduction);

        /// <summary>Binary cross entropy of probabilities.</summary>
        public static BCELoss BCELoss(Tensor? weight = null, string reduction = "mean") => new(weight, reduction);

        /// <summary>Binary cross entropy of logits.</summary>
        public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, string reduction = "mean") => new(weight, reduction);

        /// <summary>Cross entropy of logits and class indices.</summary>
        public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long ignore_index = -100, string reduction = "mean") => new(weight, ignore_index, reduction);

        /// <summary>Negative log-likelihood of log-probabilities and class indices.</summary>
        public static NLLLoss NLLLoss(Tensor? weight = null, long ignore_index = -100, string reduction = "mean") => new(weight, ignore_index, reduction);
    }
}
