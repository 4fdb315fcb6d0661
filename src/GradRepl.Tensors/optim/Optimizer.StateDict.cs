using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors;

public static partial class torch
{
    public static partial class optim
    {
        // state_dict() and load_state_dict(), as PyTorch 1.13's torch/optim/optimizer.py has them.
        public abstract partial class Optimizer
        {
            /// <summary>
            /// The optimizer's state and options for a checkpoint (PyTorch's <c>optimizer.state_dict()</c>): each parameter's
            /// state under its number, and each group's options with its parameters' numbers. The state tensors are the
            /// optimizer's own (not copies), as in PyTorch; <see cref="load_state_dict(OptimizerStateDict)"/> copies them.
            /// </summary>
            public OptimizerStateDict state_dict()
            {
                var numbers = new Dictionary<Tensor, int>(ReferenceEqualityComparer.Instance);
                var groups = new List<PythonDict<string, object?>>();
                var next = 0;
                foreach (var group in _groups)
                {
                    var packed = new PythonDict<string, object?>(group.Where(e => e.Key != "params"));
                    // a parameter listed twice in a group keeps its first number; the count still advances, as PyTorch's enumerate
                    var ids = new List<int>();
                    foreach (var p in group.Parameters)
                    {
                        numbers.TryAdd(p, next++);
                        ids.Add(numbers[p]);
                    }
                    packed["params"] = ids;
                    groups.Add(packed);
                }
                var states = new PythonDict<int, PythonDict<string, object?>>(
                    _state.Where(e => numbers.ContainsKey(e.Key)).Select(e => KeyValuePair.Create(numbers[e.Key], e.Value)));
                return new OptimizerStateDict(states, groups);
            }

            /// <summary>
            /// Restores state and options that <see cref="state_dict"/> gave (PyTorch's <c>load_state_dict</c>): the saved
            /// groups' options replace this optimizer's, and each saved state is copied to the parameter in the same place
            /// (its tensors, other than <c>step</c>, cast to the parameter's dtype). The groups must have as many parameters
            /// as this optimizer's.
            /// </summary>
            public void load_state_dict(OptimizerStateDict state_dict)
            {
                ArgumentNullException.ThrowIfNull(state_dict);
                var saved = state_dict.param_groups;
                if (saved.Count != _groups.Count)
                    throw new ValueError("loaded state dict has a different number of parameter groups");
                var savedIds = saved.Select(SavedIds).ToList();
                if (_groups.Zip(savedIds).Any(pair => pair.First.Parameters.Count != pair.Second.Count))
                    throw new ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");

                var byId = new Dictionary<int, Tensor>();
                foreach (var (id, p) in savedIds.SelectMany(ids => ids).Zip(_groups.SelectMany(g => g.Parameters)))
                    byId[id] = p;
                var states = new ParameterStates();
                // a saved state whose number is no parameter's is dropped (PyTorch keeps it under the number, where no step reads it)
                foreach (var (id, savedState) in state_dict.state)
                    if (byId.TryGetValue(id, out var p)) states[p] = CopyState(savedState, p);

                var groups = new List<ParamGroup>();
                for (var i = 0; i < saved.Count; i++)
                {
                    var parameters = _groups[i].Parameters.ToList();
                    groups.Add(new ParamGroup(saved[i].Select(e => KeyValuePair.Create(e.Key, e.Key == "params" ? parameters : e.Value))));
                }
                _state = states;
                _groups = groups;
            }

            /// <summary>
            /// Restores an optimizer's state dict that <c>torch.load</c> read back from a file:
            /// <c>optimizer.load_state_dict(torch.load("optimizer.pt"))</c>. A module's state dict (it has no
            /// <c>param_groups</c>) fails with PyTorch's <c>KeyError: 'param_groups'</c>.
            /// </summary>
            public void load_state_dict(StateDict state_dict)
            {
                ArgumentNullException.ThrowIfNull(state_dict);
                load_state_dict(state_dict.OptimizerState ?? throw new KeyError("'param_groups'"));
            }

            private static List<int> SavedIds(PythonDict<string, object?> group) => group.TryGetValue("params", out var ids) ? ids switch
            {
                IEnumerable<int> numbers => numbers.ToList(),
                _ => throw new ValueError($"a saved parameter group's 'params' must be a list of parameter numbers, got {PythonValueText.Repr(ids)}"),
            } : throw new KeyError("'params'");

            /// <summary>PyTorch's deepcopy and cast: tensors copied, those other than <c>step</c> in the parameter's dtype.</summary>
            private static PythonDict<string, object?> CopyState(PythonDict<string, object?> saved, Tensor parameter)
                => new(saved.Select(e => KeyValuePair.Create(e.Key, e.Value is Tensor t
                    ? (object?)(e.Key == "step" || !parameter.dtype.IsFloatingPoint() ? t.detach().clone() : t.detach().to(parameter.dtype).clone())
                    : e.Value)));
        }
    }
}
