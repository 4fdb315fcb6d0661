using System.Numerics;
using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// What every optimizer shares (PyTorch's <c>torch.optim.Optimizer</c>): parameter groups, per-parameter state,
        /// <c>zero_grad()</c>, <c>step()</c>, <c>add_param_group</c>, <c>state_dict()</c> and <c>load_state_dict</c>.
        /// A step runs without recording the graph and writes each parameter's new values into its own storage, one
        /// in-place write (one <c>_version</c> bump) per parameter, as PyTorch's <c>param.add_(...)</c>; a parameter
        /// whose <c>grad</c> is null is skipped.
        /// </summary>
        public abstract partial class Optimizer
        {
            /// <summary>PyTorch's <c>required</c>: a default every group must set itself (SGD's lr when none is given).</summary>
            private protected static readonly object Required = new();

            private List<ParamGroup> _groups = [];
            private readonly KeyValuePair<string, object?>[] _defaults;
            private ParameterStates _state = new();

            /// <summary>
            /// The given groups, each completed with <paramref name="defaults"/> for the options it does not set
            /// (PyTorch's <c>optim.SGD([{'params': ...}, {'params': ..., 'lr': 1e-3}], lr=1e-2)</c>).
            /// </summary>
            private protected Optimizer(IEnumerable<ParamGroup> groups, IEnumerable<KeyValuePair<string, object?>> defaults)
            {
                _defaults = defaults.ToArray();
                var list = (groups ?? throw new ValueError("optimizer got no parameter groups (null)")).ToList();
                if (list.Count == 0) throw new ValueError("optimizer got an empty parameter list");
                foreach (var group in list) add_param_group(group);
            }

            /// <summary>
            /// The parameter groups, each a dict: <c>optimizer.param_groups[1]["lr"]</c> reads and sets one group's
            /// learning rate (read again at every step, so a hand-written schedule works).
            /// </summary>
            public IReadOnlyList<ParamGroup> param_groups => _groups;

            /// <summary>
            /// What the optimizer keeps for each parameter between steps (PyTorch's <c>optimizer.state</c>):
            /// <c>optimizer.state[p]["momentum_buffer"]</c>, <c>["exp_avg"]</c>, <c>["exp_avg_sq"]</c>, <c>["step"]</c>.
            /// </summary>
            public ParameterStates state => _state;

            /// <summary>
            /// Adds a group of parameters with options of its own (PyTorch's <c>add_param_group</c>), for instance to
            /// train layers that were frozen: <c>optimizer.add_param_group(new SGD.ParamGroup(model.fc.parameters(), lr: 1e-3))</c>.
            /// Options the group does not set are filled in from the optimizer's arguments, in the group itself.
            /// </summary>
            public void add_param_group(ParamGroup param_group)
            {
                ArgumentNullException.ThrowIfNull(param_group);
                var parameters = param_group.TryGetValue("params", out var value) ? value switch
                {
                    Tensor single => [single],
                    IEnumerable<Tensor> many => many.ToList(),
                    _ => throw new ValueError($"a parameter group's 'params' must be tensors, got {PythonValueText.Repr(value)}"),
                } : throw new KeyError("'params'");
                param_group["params"] = parameters;
                foreach (var p in parameters)
                {
                    if (p is null) throw new ValueError("optimizer can only optimize Tensors, but one of the params is NoneType");
                    if (!(p.is_leaf || p.retains_grad)) throw new ValueError("can't optimize a non-leaf Tensor");
                }
                foreach (var (name, fallback) in _defaults)
                {
                    if (param_group.ContainsKey(name)) continue;
                    if (ReferenceEquals(fallback, Required))
                        throw new ValueError("parameter group didn't specify a value of required optimization parameter " + name);
                    param_group.Add(name, fallback);
                }
                var inGroup = new HashSet<Tensor>(parameters, ReferenceEqualityComparer.Instance);
                if (inGroup.Count != parameters.Count)
                    TorchWarnings.Warn("UserWarning: optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; "
                        + "see github.com/pytorch/pytorch/issues/40967 for more information");
                if (_groups.SelectMany(g => g.Parameters).Any(inGroup.Contains))
                    throw new ValueError("some parameters appear in more than one parameter group");
                _groups.Add(param_group);
            }

            /// <summary>The class name PyTorch prints (<c>RMSprop</c> for <see cref="Modules.RMSProp"/>).</summary>
            private protected abstract string PythonName { get; }

            /// <summary>
            /// Resets every parameter's gradient: zeroed in place (PyTorch 1.13's default), or with
            /// <paramref name="set_to_none"/> set to null so the next <c>step()</c> skips parameters that get no gradient.
            /// </summary>
            public void zero_grad(bool set_to_none = false)
            {
                foreach (var p in _groups.SelectMany(g => g.Parameters))
                {
                    if (p.grad is not { } grad) continue;
                    if (set_to_none) p.grad = null;
                    // a gradient that is itself in a graph (create_graph) is cut loose first, as PyTorch's detach_()
                    else if (grad.grad_fn is not null || grad.requires_grad) p.grad = torch.zeros_like(grad);
                    else using (torch.no_grad()) grad.zero_();
                }
            }

            /// <summary>
            /// Updates every parameter that has a gradient. <paramref name="closure"/>, if given, is run first with grad
            /// recording on (it should recompute the loss and call backward); its result is returned.
            /// </summary>
            public Tensor? step(Func<Tensor>? closure = null)
            {
                Tensor? loss = null;
                if (closure is not null)
                    using (torch.enable_grad()) loss = closure();
                Interruption.ThrowIfRequested();
                using (torch.no_grad())
                {
                    foreach (var group in _groups)
                    {
                        foreach (var param in group.Parameters)
                        {
                            if (param.grad is not { } grad) continue;
                            UpdateParameter(group, param, grad);
                        }
                    }
                }
                return loss;
            }

            private void UpdateParameter(ParamGroup group, Tensor param, Tensor grad)
            {
                if (!grad.Sizes.AsSpan().SequenceEqual(param.Sizes) || grad.dtype != param.dtype)
                    throw new RuntimeError($"a parameter of shape {param.shape} ({param.dtype.TorchName()}) has a gradient of shape {grad.shape} ({grad.dtype.TorchName()})");
                var state = new StateBuffers(_state[param], param);
                // For a plain tensor, Storage is the storage's own array, updated right there; a view's is a copy, written back.
                var values = param.Storage;
                switch (values)
                {
                    case float[] f: Update(group, state, f, (float[])grad.Storage); break;
                    case double[] d: Update(group, state, d, (double[])grad.Storage); break;
                    default: throw new RuntimeError($"{PythonName} updates float32 and float64 parameters, not {param.dtype.TorchName()}");
                }
                param.WriteElements(new Tensor(values, param.Sizes, param.dtype));
                param.VersionCounter.Value++;
            }

            /// <summary>
            /// Updates one parameter's elements (<paramref name="param"/>, in place) from its gradient, with the group's
            /// options and this parameter's state, in <typeparamref name="T"/> arithmetic as PyTorch's CPU kernels do.
            /// </summary>
            private protected abstract void Update<T>(ParamGroup group, StateBuffers state, T[] param, T[] grad)
                where T : unmanaged, IFloatingPointIeee754<T>;

            /// <summary>A Python float option rounded to the parameter's dtype, as a CPU kernel receives its scalar.</summary>
            private protected static T Scalar<T>(double value) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(value);

            /// <summary>
            /// PyTorch's repr: the class name, then each group's options sorted by name, every group after a line
            /// break of its own (so groups after the first are set off by a blank line, as PyTorch prints them).
            /// </summary>
            public override string ToString()
            {
                var text = new System.Text.StringBuilder(PythonName).Append(" (");
                for (var i = 0; i < _groups.Count; i++)
                {
                    text.Append('\n').Append($"Parameter Group {i}\n");
                    foreach (var (key, value) in _groups[i].Where(e => e.Key != "params").OrderBy(e => e.Key, StringComparer.Ordinal))
                        text.Append($"    {key}: {PythonValueText.Of(value)}\n");
                }
                return text.Append(')').ToString();
            }
        }
    }
}
