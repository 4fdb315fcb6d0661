using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// A layer or model (PyTorch's <c>torch.nn.Module</c>): named child modules and parameters, found in its fields,
        /// plus a forward pass in <see cref="Module{T, TResult}"/>. Printing it, <see cref="parameters"/> and
        /// <see cref="state_dict"/> follow the order the fields are declared in.
        /// </summary>
        /// <remarks>
        /// PyTorch registers a child when <c>__init__</c> assigns it; C# has no such hook, so a module registers its fields
        /// whenever it is asked about its children or parameters (and when the constructor calls
        /// <see cref="RegisterComponents"/>, as TorchSharp asks). A field given a new module or parameter later is
        /// picked up the same way, replacing the old one under its name.
        /// </remarks>
        public abstract class Module
        {
            private static readonly ConcurrentDictionary<Type, FieldInfo[]> s_componentFields = new();

            private readonly string _name;
            private readonly List<KeyValuePair<string, Module>> _modules = [];
            private readonly List<KeyValuePair<string, Parameter>> _parameters = [];

            /// <summary>A module named <paramref name="name"/>, the name <c>print(model)</c> shows: <c>base("LR")</c>.</summary>
            protected Module(string name)
            {
                ArgumentNullException.ThrowIfNull(name);
                _name = name;
            }

            /// <summary>A module named after its class.</summary>
            protected Module()
            {
                var name = GetType().Name;
                _name = name.Contains('`') ? name[..name.IndexOf('`')] : name;
            }

            /// <summary>Whether the module is in training mode (<see cref="train"/>) or evaluation mode (<see cref="eval"/>); dropout reads it.</summary>
            public bool training { get; private set; } = true;

            /// <summary>The name <c>print(model)</c> shows.</summary>
            public string GetName() => _name;

            /// <summary>
            /// Registers the module's fields that hold a module or a <see cref="Parameter"/>, each under its field name, in
            /// declaration order (a field holding a plain tensor is not a parameter and is left out). Modules also do this
            /// by themselves whenever asked for their children or parameters.
            /// </summary>
            protected void RegisterComponents()
            {
                foreach (var field in ComponentFields(GetType()))
                {
                    switch (field.GetValue(this))
                    {
                        case Module module when !ReferenceEquals(module, this) && !_modules.Any(m => ReferenceEquals(m.Value, module)):
                            Set(_modules, ComponentName(field), module);
                            break;
                        case Parameter parameter when !_parameters.Any(p => ReferenceEquals(p.Value, parameter)):
                            Set(_parameters, ComponentName(field), parameter);
                            break;
                    }
                }
            }

            /// <summary>Adds <paramref name="module"/> as a child named <paramref name="name"/> (replacing one of that name).</summary>
            public void register_module(string name, Module module)
            {
                ArgumentNullException.ThrowIfNull(module);
                Set(_modules, CheckName(name, "module"), module);
            }

            /// <summary>Adds <paramref name="param"/> as a parameter named <paramref name="name"/> (replacing one of that name).</summary>
            public void register_parameter(string name, Parameter param)
            {
                ArgumentNullException.ThrowIfNull(param);
                Set(_parameters, CheckName(name, "parameter"), param);
            }

            /// <summary>The direct children with their names, in order.</summary>
            public IEnumerable<(string name, Module module)> named_children()
            {
                RegisterComponents();
                return _modules.Select(m => (m.Key, m.Value)).ToList();
            }

            /// <summary>The direct children, in order.</summary>
            public IEnumerable<Module> children() => named_children().Select(c => c.module);

            /// <summary>This module (named <c>""</c>) and every module below it, depth first, each once, with dotted names: <c>("0", Linear)</c>.</summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
                var found = new List<(string, Module)>();
                Walk(this, "");
                return found;

                void Walk(Module module, string prefix)
                {
                    if (!seen.Add(module)) return;
                    found.Add((prefix, module));
                    foreach (var (name, child) in module.named_children()) Walk(child, prefix.Length == 0 ? name : prefix + "." + name);
                }
            }

            /// <summary>This module and every module below it.</summary>
            public IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            /// <summary>
            /// The parameters with dotted names (<c>linear.weight</c>), this module's first, then each child's; a parameter
            /// shared by two modules is listed once.
            /// </summary>
            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
                return AllParameters(recurse).Where(p => seen.Add(p.parameter)).ToList();
            }

            /// <summary>The parameters, in order: what an optimizer is given (<c>torch.optim.SGD(model.parameters(), 0.01)</c>).</summary>
            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            /// <summary>
            /// Every parameter by dotted name, in order, each a tensor sharing the parameter's storage but outside the graph
            /// (no requires_grad): writing into one changes the model.
            /// </summary>
            public StateDict state_dict()
            {
                var state = new StateDict();
                foreach (var (name, parameter) in AllParameters(recurse: true)) state[name] = parameter.detach();
                return state;
            }

            /// <summary>
            /// Copies the tensors of <paramref name="state_dict"/> into the parameters of the same names. With
            /// <paramref name="strict"/>, a missing or unexpected name fails as PyTorch's does; a shape that differs always fails.
            /// </summary>
            public LoadStateDictResult load_state_dict(IDictionary<string, Tensor> state_dict, bool strict = true)
            {
                ArgumentNullException.ThrowIfNull(state_dict);
                var expected = AllParameters(recurse: true).ToList();
                var missing = new List<string>();
                var errors = new List<string>();
                foreach (var (name, parameter) in expected)
                {
                    if (!state_dict.TryGetValue(name, out var source))
                    {
                        missing.Add(name);
                        continue;
                    }
                    if (!source.shape.Equals(parameter.shape))
                    {
                        errors.Add($"size mismatch for {name}: copying a param with shape {source.shape} from checkpoint, the shape in current model is {parameter.shape}.");
                        continue;
                    }
                    using (no_grad()) parameter.copy_(source);
                }
                var names = expected.Select(p => p.name).ToHashSet();
                var unexpected = state_dict.Keys.Where(k => !names.Contains(k)).ToList();
                if (strict)
                {
                    if (unexpected.Count > 0) errors.Insert(0, $"Unexpected key(s) in state_dict: {string.Join(", ", unexpected.Select(k => $"\"{k}\""))}. ");
                    if (missing.Count > 0) errors.Insert(0, $"Missing key(s) in state_dict: {string.Join(", ", missing.Select(k => $"\"{k}\""))}. ");
                }
                if (errors.Count > 0) throw new RuntimeError($"Error(s) in loading state_dict for {_name}:\n\t{string.Join("\n\t", errors)}");
                return new LoadStateDictResult(missing, unexpected);
            }

            /// <summary>Puts this module and every module below it in training mode (<paramref name="mode"/> true) or evaluation mode; returns this module.</summary>
            public Module train(bool mode = true)
            {
                foreach (var module in modules()) module.training = mode;
                return this;
            }

            /// <summary>Puts this module and every module below it in evaluation mode (dropout passes its input through); returns this module.</summary>
            public Module eval() => train(false);

            /// <summary>Zeroes every parameter's <c>.grad</c> in place (PyTorch 1.13's default), or drops it with <paramref name="set_to_none"/>.</summary>
            public void zero_grad(bool set_to_none = false)
            {
                foreach (var parameter in parameters())
                {
                    if (parameter.grad is not { } grad) continue;
                    if (set_to_none) parameter.grad = null;
                    else parameter.grad = grad.detach().zero_();
                }
            }

            /// <summary>What the module shows inside its parentheses when printed, e.g. <c>in_features=1, out_features=1, bias=True</c>.</summary>
            public virtual string extra_repr() => "";

            /// <summary>PyTorch's print of a module: its name, <see cref="extra_repr"/> and each child on its own indented line.</summary>
            public override string ToString()
            {
                var extraLines = extra_repr() is { Length: > 0 } extra ? extra.Split('\n') : [];
                var childLines = named_children().Select(c => $"({c.name}): {Indent(c.module.ToString(), 2)}").ToList();
                var text = new StringBuilder(_name).Append('(');
                if (extraLines.Length == 1 && childLines.Count == 0) text.Append(extraLines[0]);
                else if (extraLines.Length + childLines.Count > 0) text.Append("\n  ").Append(string.Join("\n  ", extraLines.Concat(childLines))).Append('\n');
                return text.Append(')').ToString();
            }

            /// <summary>This module's own parameters, then each child's, with dotted names; duplicates kept (state_dict keeps them).</summary>
            private IEnumerable<(string name, Parameter parameter)> AllParameters(bool recurse)
            {
                RegisterComponents();
                foreach (var (name, parameter) in _parameters) yield return (name, parameter);
                if (!recurse) yield break;
                foreach (var (childName, child) in named_children())
                    foreach (var (name, parameter) in child.AllParameters(recurse: true)) yield return (childName + "." + name, parameter);
            }

            // PyTorch's _addindent: every line but the first moves right.
            private static string Indent(string text, int spaces) => text.Replace("\n", "\n" + new string(' ', spaces));

            private static void Set<T>(List<KeyValuePair<string, T>> entries, string name, T value)
            {
                var index = entries.FindIndex(e => e.Key == name);
                if (index >= 0) entries[index] = new(name, value);
                else entries.Add(new(name, value));
            }

            private static string CheckName(string name, string kind)
            {
                ArgumentNullException.ThrowIfNull(name);
                if (name.Length == 0) throw new KeyError($"'{kind} name can\\'t be empty string \"\"'");
                // PyTorch names the bad module name, not the bad parameter name
                if (name.Contains('.')) throw new KeyError(kind == "module" ? $"'module name can\\'t contain \".\", got: {name}'" : $"'{kind} name can\\'t contain \".\"'");
                return name;
            }

            // An auto-property's backing field <fc1>k__BackingField is named after the property.
            private static string ComponentName(FieldInfo field)
                => field.Name.StartsWith('<') && field.Name.IndexOf('>') is var end and > 0 ? field.Name[1..end] : field.Name;

            /// <summary>
            /// The instance fields of <paramref name="type"/> and its bases (base fields first, each type's in declaration
            /// order) that could hold a module or a parameter; the engine's own base classes have none.
            /// </summary>
            private static FieldInfo[] ComponentFields(Type type) => s_componentFields.GetOrAdd(type, static t =>
            {
                var fields = new List<FieldInfo>();
                for (var current = t; current is not null && current.Assembly != typeof(Module).Assembly; current = current.BaseType)
                {
                    var declared = current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
                    foreach (var field in declared) WarnIfCollectionOfModules(t, field);
                    fields.InsertRange(0, declared.Where(f => typeof(Module).IsAssignableFrom(f.FieldType)
                        || f.FieldType.IsAssignableFrom(typeof(Parameter)) || f.FieldType.IsAssignableFrom(typeof(Module))));
                }
                return fields.ToArray();
            });

            /// <summary>
            /// PyTorch leaves modules in a plain list unregistered without a word, a classic silent bug (the optimizer never
            /// sees them); here a field typed as a collection of modules gets a warning, once per module type.
            /// </summary>
            private static void WarnIfCollectionOfModules(Type owner, FieldInfo field)
            {
                if (typeof(Module).IsAssignableFrom(field.FieldType)) return;
                var element = field.FieldType.IsArray ? field.FieldType.GetElementType()
                    : field.FieldType.GetInterfaces().Append(field.FieldType)
                        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
                if (element is null || !typeof(Module).IsAssignableFrom(element)) return;
                TorchWarnings.Warn($"UserWarning: {CSharpName(owner)}.{ComponentName(field)} is a {CSharpName(field.FieldType)}: the modules in it are not registered, " +
                    $"so parameters(), state_dict() and print leave them out; hold them in a torch.nn.ModuleList<{CSharpName(element)}> instead");
            }

            private static string CSharpName(Type type) => type.IsArray ? CSharpName(type.GetElementType()!) + "[]"
                : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>"
                : type.Name;
        }

        /// <summary>A module whose forward pass takes one input: <c>class LR : torch.nn.Module&lt;Tensor, Tensor&gt;</c>.</summary>
        public abstract class Module<T, TResult> : Module
        {
            /// <summary>A module named <paramref name="name"/>.</summary>
            protected Module(string name) : base(name)
            {
            }

            /// <summary>A module named after its class.</summary>
            protected Module()
            {
            }

            /// <summary>The forward pass.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs <see cref="forward"/> (PyTorch's <c>model(x)</c>).</summary>
            public TResult call(T input) => forward(input);
        }

        /// <summary>A module whose forward pass takes two inputs, such as a loss: <c>criterion.forward(yhat, y)</c>.</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            /// <summary>A module named <paramref name="name"/>.</summary>
            protected Module(string name) : base(name)
            {
            }

            /// <summary>A module named after its class.</summary>
            protected Module()
            {
            }

            /// <summary>The forward pass.</summary>
            public abstract TResult forward(T1 input1, T2 input2);

            /// <summary>Runs <see cref="forward"/> (PyTorch's <c>criterion(yhat, y)</c>).</summary>
            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }
    }
}
