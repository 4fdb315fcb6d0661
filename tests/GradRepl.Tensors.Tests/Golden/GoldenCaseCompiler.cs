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
