using System.Numerics;
using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// What every optimizer shares (PyTorch's <c>torch.optim.Optimizer</c>): parameter groups, per-parameter state,
        /// <c>zero_grad()</c> and <c>step()</c>. A step runs without recording the graph and writes each parameter's new
        /// values into its own storage, one in-place write (one <c>_version</c> bump) per parameter, as PyTorch's
        /// <c>param.add_(...)</c>; a parameter whose <c>grad</c> is null is skipped.
        /// </summary>
        public abstract class Optimizer
        {
            private readonly List<ParamGroup> _groups;
            private readonly Dictionary<Tensor, Dictionary<string, object>> _state = new(ReferenceEqualityComparer.Instance);

            private protected Optimizer(IEnumerable<Tensor> parameters, IEnumerable<KeyValuePair<string, object?>> defaults)
            {
                var list = (parameters ?? throw new ValueError("optimizer got no parameters (null)")).ToList();
                if (list.Count == 0) throw new ValueError("optimizer got an empty parameter list");
                foreach (var p in list)
                {
                    if (p is null) throw new ValueError("optimizer can only optimize Tensors, but one of the params is NoneType");
                    if (!(p.is_leaf || p.retains_grad)) throw new ValueError("can't optimize a non-leaf Tensor");
                }
                _groups = [new ParamGroup(list, defaults)];
            }

            /// <summary>The parameter groups (one here): <c>optimizer.param_groups[0]["lr"]</c> reads and sets the learning rate.</summary>
            public IReadOnlyList<ParamGroup> param_groups => _groups;

            /// <summary>The class name PyTorch prints (<c>RMSprop</c> for <see cref="RMSProp"/>).</summary>
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
                var state = State(param);
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
            private protected abstract void Update<T>(ParamGroup group, Dictionary<string, object> state, T[] param, T[] grad)
                where T : unmanaged, IFloatingPointIeee754<T>;

            /// <summary>PyTorch's <c>optimizer.state[p]</c>: what the optimizer keeps for one parameter between steps.</summary>
            private Dictionary<string, object> State(Tensor param)
            {
                if (!_state.TryGetValue(param, out var state)) _state[param] = state = [];
                return state;
            }

            /// <summary>A state buffer the size of the parameter, filled with <paramref name="initial"/> on first use.</summary>
            private protected static T[] Buffer<T>(Dictionary<string, object> state, string name, int length, T initial)
            {
                if (state.TryGetValue(name, out var existing)) return (T[])existing;
                var buffer = new T[length];
                Array.Fill(buffer, initial);
                state[name] = buffer;
                return buffer;
            }

            /// <summary>Counts this step in the parameter's state and returns the count (PyTorch's <c>state['step']</c>).</summary>
            private protected static double NextStep(Dictionary<string, object> state)
            {
                var step = (state.TryGetValue("step", out var s) ? (double)s : 0) + 1;
                state["step"] = step;
                return step;
            }

            /// <summary>A Python float option rounded to the parameter's dtype, as a CPU kernel receives its scalar.</summary>
            private protected static T Scalar<T>(double value) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(value);

            /// <summary>PyTorch's repr: the class name, then each group's options sorted by name.</summary>
            public override string ToString()
            {
                var lines = new List<string> { PythonName + " (" };
                for (var i = 0; i < _groups.Count; i++)
                {
                    lines.Add($"Parameter Group {i}");
                    foreach (var (key, value) in _groups[i].Where(e => e.Key != "params").OrderBy(e => e.Key, StringComparer.Ordinal))
                        lines.Add($"    {key}: {PythonValueText.Of(value)}");
                }
                return string.Join("\n", lines) + "\n)";
            }
        }
    }
}
