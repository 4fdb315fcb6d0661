using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GradRepl.Tensors.Tests.Golden;

/// <summary>
/// Compiles every golden case's C# expression into one assembly (one Roslyn run for all cases), each as a
/// method taking the case's inputs. The helpers mirror the Python ones in generate_autograd.py.
/// </summary>
internal static class GoldenCaseCompiler
{
    private const string Helpers = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using GradRepl.Tensors;
        using GradRepl.Tensors.Modules;

        public static partial class GoldenCases
        {
            static Tensor backward(Tensor y) { y.backward(); return y; }
            static Tensor backward_twice(Tensor y) { y.backward(); y.backward(); return y; }
            static Tensor backward_retain_twice(Tensor y) { y.backward(retain_graph: true); y.backward(); return y; }
            static Tensor backward_with(Tensor y, Tensor g) { y.backward(g); return y; }
            static Tensor grad_of(Tensor y, Tensor x) => torch.autograd.grad(y, x)[0]!;
            static Tensor d2(Tensor y, Tensor x)
            {
                var g = torch.autograd.grad(y, x, create_graph: true)[0]!;
                return torch.autograd.grad(g.sum(), x)[0]!;
            }
            static Tensor item(Tensor y) => torch.tensor(y.item());
            static Tensor requires_grad_on(Tensor t) => t.requires_grad_(true);
            static Tensor in_no_grad(Tensor x) { using (torch.no_grad()) return x * 2; }
            static T seeded<T>(long seed, Func<T> draw) { torch.manual_seed(seed); return draw(); }
            static string next_names(Tensor y) => string.Join("|", y.grad_fn!.next_functions.Select(f => f.node is null ? "None" : f.node.name()));
        }
        """ + OptimHelpers + OptimGroupHelpers;

    // The helpers of generate_optim.py: optimizer runs and DataLoader passes that print what the Python ones print.
    private const string OptimHelpers = """

        public static partial class GoldenCases
        {
            static string bits(Tensor t) => string.Join(" ", t.detach().reshape(-1).ToArray().Select(v => t.dtype == torch.float64
                ? BitConverter.DoubleToUInt64Bits(v).ToString("x") : BitConverter.SingleToUInt32Bits((float)v).ToString("x")));

            static string quadratic(Func<IEnumerable<Tensor>, torch.optim.Optimizer> make, ScalarType dtype = ScalarType.Float32, int steps = 20)
            {
                var w = torch.tensor(new double[,] { { 0.5, -1.0, 2.0 }, { 1.5, 0.25, -0.5 } }, dtype: dtype, requires_grad: true);
                var b = torch.tensor(new[] { 0.1, -0.2, 0.3 }, dtype: dtype, requires_grad: true);
                var t = torch.tensor(new double[,] { { 1.0, 0.5, -1.0 }, { 0.0, 2.0, 1.0 } }, dtype: dtype);
                var c = torch.tensor(new double[,] { { 1.0, 0.5, 2.0 }, { 0.25, 1.5, 1.0 } }, dtype: dtype);
                var bt = torch.tensor(new[] { 1.0, -1.0, 0.5 }, dtype: dtype);
                var optimizer = make(new[] { w, b });
                var lines = new List<string>();
                for (var i = 0; i < steps; i++)
                {
                    optimizer.zero_grad();
                    var loss = (c * (w - t).pow(2)).sum() + (b - bt).pow(2).sum();
                    loss.backward();
                    optimizer.step();
                    lines.Add($"{i}:\n{w}\n{b}");
                }
                lines.Add("bits: " + bits(w) + " | " + bits(b));
                return string.Join("\n", lines);
            }

            static string linreg(Func<IEnumerable<Tensor>, torch.optim.Optimizer> make, int steps = 20)
            {
                var X = torch.tensor(new double[,] { { 1.0, 2.0 }, { 2.0, -1.0 }, { 0.5, 0.5 }, { -1.0, 3.0 }, { 3.0, 1.0 } });
                var y = torch.tensor(new double[,] { { 1.0 }, { 2.0 }, { 0.0 }, { -1.5 }, { 4.0 } });
                var w = torch.tensor(new double[,] { { 0.3 }, { -0.2 } }, requires_grad: true);
                var b = torch.tensor(new[] { 0.1 }, requires_grad: true);
                var optimizer = make(new[] { w, b });
                var lines = new List<string>();
                for (var i = 0; i < steps; i++)
                {
                    optimizer.zero_grad();
                    var loss = (X.matmul(w) + b - y).pow(2).mean();
                    loss.backward();
                    optimizer.step();
                    lines.Add($"{i}: {loss} {w.flatten()} {b}");
                }
                return string.Join("\n", lines);
            }

            static string lr_changed(Func<IEnumerable<Tensor>, torch.optim.Optimizer> make)
            {
                var w = torch.tensor(new[] { 1.0, -2.0, 3.0 }, requires_grad: true);
                var optimizer = make(new[] { w });
                var lines = new List<string>();
                for (var i = 0; i < 10; i++)
                {
                    if (i == 5)
                    {
                        lines.Add($"lr was {optimizer.param_groups[0].LearningRate}");
                        optimizer.param_groups[0]["lr"] = (double)optimizer.param_groups[0]["lr"]! * 0.1;
                    }
                    optimizer.zero_grad();
                    w.pow(2).sum().backward();
                    optimizer.step();
                    lines.Add($"{i}: {w}");
                }
                return string.Join("\n", lines);
            }

            static string no_grad_step()
            {
                var w = torch.tensor(new[] { 1.0, 2.0 }, requires_grad: true);
                var v = torch.tensor(new[] { 3.0 }, requires_grad: true);
                var optimizer = torch.optim.SGD(new[] { w, v }, lr: 0.1, momentum: 0.9);
                optimizer.step();
                var lines = new List<string> { $"{w} {w._version} {none(w.grad)}" };
                for (var i = 0; i < 3; i++)
                {
                    optimizer.zero_grad();
                    (w * w).sum().backward();
                    optimizer.step();
                }
                lines.Add($"{w} {w._version} {v} {v._version} {none(v.grad)}");
                optimizer.zero_grad();
                lines.Add($"{w.grad}");
                optimizer.zero_grad(set_to_none: true);
                lines.Add(none(w.grad));
                return string.Join("\n", lines);
            }

            static string none(Tensor? t) => t?.ToString() ?? "None";

            sealed class PairData : torch.utils.data.Dataset<(Tensor, Tensor)>
            {
                private readonly Tensor x, y;
                public PairData(long n) { x = torch.arange(2.0 * n).reshape(n, 2); y = torch.arange(n); }
                public override long Count => y.shape[0];
                public override (Tensor, Tensor) GetTensor(long index) => (x[index], y[index]);
            }

            sealed class RowData : torch.utils.data.Dataset<Tensor>
            {
                private readonly Tensor x;
                public RowData(long n) { x = torch.arange(3.0 * n).reshape(n, 3) / 4; }
                public override long Count => x.shape[0];
                public override Tensor GetTensor(long index) => x[index];
            }

            static string batches(string kind, long n, int batchSize, bool shuffle, bool drop_last, long seed, int epochs = 2)
            {
                torch.manual_seed(seed);
                var lines = new List<string>();
                void Pass<S>(GradRepl.Tensors.Modules.DataLoader<S, S> loader, Func<S, IEnumerable<Tensor>> fields)
                {
                    lines.Add($"len {loader.Count}");
                    for (var epoch = 0; epoch < epochs; epoch++)
                        foreach (var batch in loader)
                            lines.Add($"{epoch}: " + string.Join(" ", fields(batch)));
                }
                if (kind == "tensors")
                    Pass(torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(2.0 * n).reshape(n, 2), torch.arange(n)), batchSize, shuffle, drop_last), b => b);
                else if (kind == "pairs")
                    Pass(torch.utils.data.DataLoader(new PairData(n), batchSize, shuffle, drop_last), b => new[] { b.Item1, b.Item2 });
                else
                    Pass(torch.utils.data.DataLoader(new RowData(n), batchSize, shuffle, drop_last), b => new[] { b });
                lines.Add($"after: {torch.rand(2)}");
                return string.Join("\n", lines);
            }

            static string order(long n, int batchSize, long seed, int epochs = 3)
            {
                torch.manual_seed(seed);
                var loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(n)), batchSize, shuffle: true);
                return string.Join("\n", Enumerable.Range(0, epochs).Select(_ =>
                    string.Join(" ", loader.Select(b => "[" + string.Join(", ", b[0].ToArray()) + "]"))));
            }

            static string dataset_item(long i) => torch.utils.data.TensorDataset(torch.arange(20.0).reshape(10, 2), torch.arange(10))[i].ToString()!;
        }
        """;

    // The helpers of generate_optim_groups.py: runs over two parameter groups, add_param_group, a schedule,
    // state and state_dict, a checkpoint round trip.
    private const string OptimGroupHelpers = """

        public static partial class GoldenCases
        {
            static (Tensor w, Tensor b, Func<Tensor> loss) problem(ScalarType dtype = ScalarType.Float32)
            {
                var w = torch.tensor(new double[,] { { 0.5, -1.0, 2.0 }, { 1.5, 0.25, -0.5 } }, dtype: dtype, requires_grad: true);
                var b = torch.tensor(new[] { 0.1, -0.2, 0.3 }, dtype: dtype, requires_grad: true);
                return (w, b, loss_of(w, b));
            }

            static Func<Tensor> loss_of(Tensor w, Tensor b)
            {
                var t = torch.tensor(new double[,] { { 1.0, 0.5, -1.0 }, { 0.0, 2.0, 1.0 } }, dtype: w.dtype);
                var c = torch.tensor(new double[,] { { 1.0, 0.5, 2.0 }, { 0.25, 1.5, 1.0 } }, dtype: w.dtype);
                var bt = torch.tensor(new[] { 1.0, -1.0, 0.5 }, dtype: w.dtype);
                return () => (c * (w - t).pow(2)).sum() + (b - bt).pow(2).sum();
            }

            static void steps(torch.optim.Optimizer optimizer, Tensor w, Tensor b, Func<Tensor> loss, int count, List<string> lines, int first = 0)
            {
                for (var i = first; i < first + count; i++)
                {
                    optimizer.zero_grad();
                    loss().backward();
                    optimizer.step();
                    lines.Add($"{i}:\n{w}\n{b}");
                }
            }

            static string two_groups(Func<Tensor[], Tensor[], torch.optim.Optimizer> make, ScalarType dtype = ScalarType.Float32, int count = 8)
            {
                var (w, b, loss) = problem(dtype);
                var optimizer = make([w], [b]);
                var lines = new List<string>();
                steps(optimizer, w, b, loss, count, lines);
                lines.Add("bits: " + bits(w) + " | " + bits(b));
                lines.Add(optimizer.ToString());
                lines.Add($"state w: {optimizer.state[w]}");
                lines.Add($"state b: {optimizer.state[b]}");
                return string.Join("\n", lines);
            }

            static string added(Func<Tensor[], torch.optim.Optimizer> make, Action<torch.optim.Optimizer, Tensor[]> add, int count = 6)
            {
                var (w, b, loss) = problem();
                var optimizer = make([w]);
                var lines = new List<string>();
                steps(optimizer, w, b, loss, 3, lines);
                add(optimizer, [b]);
                lines.Add(optimizer.ToString());
                steps(optimizer, w, b, loss, count - 3, lines, first: 3);
                lines.Add("bits: " + bits(w) + " | " + bits(b));
                lines.Add($"state b: {optimizer.state[b]}");
                return string.Join("\n", lines);
            }

            static string schedule(Func<Tensor[], Tensor[], torch.optim.Optimizer> make, int count = 6)
            {
                var (w, b, loss) = problem();
                var optimizer = make([w], [b]);
                var lines = new List<string>();
                for (var i = 0; i < count; i++)
                {
                    optimizer.zero_grad();
                    loss().backward();
                    optimizer.step();
                    foreach (var group in optimizer.param_groups) group.LearningRate *= 0.5;
                    lines.Add($"{i}: [{string.Join(", ", optimizer.param_groups.Select(g => g["lr"]!.ToString()))}]\n{w}\n{b}");
                }
                lines.Add("bits: " + bits(w) + " | " + bits(b));
                return string.Join("\n", lines);
            }

            static string round_trip(Func<Tensor[], Tensor[], torch.optim.Optimizer> make, int before = 3, int after = 3)
            {
                var (w, b, loss) = problem();
                var optimizer = make([w], [b]);
                var lines = new List<string>();
                steps(optimizer, w, b, loss, before, lines);
                var saved = optimizer.state_dict();
                lines.Add($"saved: {saved}");
                var w2 = w.detach().clone().requires_grad_();
                var b2 = b.detach().clone().requires_grad_();
                var loss2 = loss_of(w2, b2);
                var restored = make([w2], [b2]);
                restored.param_groups[0]["lr"] = 123.0;
                restored.load_state_dict(saved);
                lines.Add($"group 0: {restored.param_groups[0]}");
                lines.Add(restored.ToString());
                steps(restored, w2, b2, loss2, after, lines, first: before);
                steps(optimizer, w, b, loss, after, lines, first: before);
                lines.Add("bits: " + bits(w) + " | " + bits(b));
                lines.Add("bits: " + bits(w2) + " | " + bits(b2));
                steps(restored, w2, b2, loss2, 1, lines, first: before + after);
                lines.Add($"first: {optimizer.state[w]}");
                lines.Add($"restored: {restored.state[w2]}");
                lines.Add($"restored dict: {restored.state_dict()}");
                return string.Join("\n", lines);
            }

            static string state_now(Func<Tensor[], Tensor[], torch.optim.Optimizer> make, int count)
            {
                var (w, b, loss) = problem();
                var optimizer = make([w], [b]);
                var lines = new List<string>();
                steps(optimizer, w, b, loss, count, lines);
                lines.Add($"len {optimizer.state.Count}");
                lines.Add(optimizer.state.ToString());
                lines.Add(optimizer.state_dict().ToString());
                return string.Join("\n", lines);
            }

            static string cast_load()
            {
                var (w, b, loss) = problem();
                var optimizer = torch.optim.Adam([w, b], lr: 0.1);
                steps(optimizer, w, b, loss, 2, []);
                var (w2, b2, loss2) = problem(torch.float64);
                var restored = torch.optim.Adam([w2, b2], lr: 0.1);
                restored.load_state_dict(optimizer.state_dict());
                var lines = new List<string> { $"{restored.state[w2]}" };
                steps(restored, w2, b2, loss2, 2, lines, first: 2);
                lines.Add("bits: " + bits(w2) + " | " + bits(b2));
                return string.Join("\n", lines);
            }

            static string state_set()
            {
                var (w, b, loss) = problem();
                var optimizer = torch.optim.SGD([w, b], lr: 0.1, momentum: 0.9);
                optimizer.state[w]["momentum_buffer"] = torch.ones(2, 3);
                var lines = new List<string>();
                steps(optimizer, w, b, loss, 2, lines);
                lines.Add("bits: " + bits(w) + " | " + bits(b));
                lines.Add($"{optimizer.state[w]}");
                return string.Join("\n", lines);
            }

            static object dup_groups()
            {
                var w = torch.ones(2, requires_grad: true);
                return torch.optim.SGD([new SGD.ParamGroup([w]), new SGD.ParamGroup([torch.zeros(1, requires_grad: true), w])], lr: 0.1);
            }

            static object dup_added()
            {
                var w = torch.ones(2, requires_grad: true);
                var optimizer = torch.optim.Adam([w]);
                optimizer.add_param_group(new ParamGroup([]) { ["params"] = w, ["lr"] = 0.1 });
                return optimizer;
            }

            static object load_other(Func<Tensor[], Tensor[], torch.optim.Optimizer> make_saved, Func<Tensor[], Tensor[], torch.optim.Optimizer> make_loading)
            {
                var (w, b, _) = problem();
                var loading = make_loading([w], [b]);
                loading.load_state_dict(make_saved([w], [b]).state_dict());
                return loading;
            }
        }
        """;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Type>> s_files = new();

    public static string MethodName(AutogradGoldenCase c) => "Case_" + c.Id[..3];

    /// <summary>Runs a case of Data/autograd.json on its inputs.</summary>
    public static object? Run(AutogradGoldenCase c, Dictionary<string, Tensor> inputs) => Run("autograd.json", c, inputs);

    /// <summary>Runs a case's C# expression (from golden file <paramref name="file"/>) on its inputs.</summary>
    public static object? Run(string file, AutogradGoldenCase c, Dictionary<string, Tensor> inputs)
    {
        var type = s_files.GetOrAdd(file, f => new Lazy<Type>(() => Compile(f))).Value;
        var method = type.GetMethod(MethodName(c), BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return method.Invoke(null, [inputs]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static Type Compile(string file)
    {
        var source = new StringBuilder(Helpers);
        source.AppendLine("public static partial class GoldenCases {");
        foreach (var c in AutogradGoldenCase.InFile(file).Values)
        {
            source.Append($"public static object {MethodName(c)}(Dictionary<string, Tensor> t) {{ ");
            foreach (var input in c.Inputs) source.Append($"var {input.Name} = t[\"{input.Name}\"]; ");
            source.AppendLine($"return {c.CSharp}; }}");
        }
        source.AppendLine("}");
        return CompileSource("GoldenCases_" + Path.GetFileNameWithoutExtension(file), source.ToString()).GetType("GoldenCases")!;
    }

    /// <summary>Compiles C# <paramref name="source"/> against the engine into an assembly loaded in this process.</summary>
    public static Assembly CompileSource(string assemblyName, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location));
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new InvalidOperationException("golden case C# does not compile:\n" + string.Join("\n", errors));
        }
        return Assembly.Load(stream.ToArray());
    }
}
