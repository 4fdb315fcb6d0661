using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GradRepl.Tensors.Tests.Golden;

/// <summary>
/// Each case of Data/views.json (made by Data/generate_views.py from real PyTorch 1.13): views, indexing reads and
/// writes, in-place ops, version counters, == and the printing of views. A case is a short program whose last
/// statement is the result; it must print, name nodes, differentiate and fail as PyTorch did.
/// </summary>
public sealed class ViewsGoldenTests
{
    private static readonly Lazy<Dictionary<string, AutogradGoldenCase>> s_cases = new(Load);
    private static readonly Lazy<Type> s_compiled = new(Compile);

    public static TheoryData<string> CaseIds => new(s_cases.Value.Keys.Order());

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void GoldenCase_RunInEngine_MatchesPyTorch(string id)
    {
        var golden = s_cases.Value[id];
        var inputs = golden.Inputs.ToDictionary(i => i.Name, MakeInput);
        if (golden.Kind == "error")
        {
            var error = Assert.ThrowsAny<TorchException>(() => Run(golden, inputs));
            Assert.Equal(golden.ErrorType, error.PythonName);
            Assert.Equal(golden.Error, error.Message);
            return;
        }
        var result = Run(golden, inputs);
        if (golden.Kind == "text")
        {
            Assert.Equal(golden.Text, result);
            return;
        }
        var tensor = Assert.IsType<Tensor>(result);
        Assert.Equal(golden.Repr, tensor.ToString());
        Assert.Equal(golden.GradFn, tensor.grad_fn?.name());
        if (golden.Kind == "grad" && tensor.grad_fn is not null) tensor.backward(torch.ones_like(tensor));
        foreach (var (name, expected) in golden.Grads ?? [])
            Assert.Equal(expected, inputs[name].grad?.ToString());
    }

    /// <summary>A tensor of its own (a copy, not a view of the flat values), as the generator makes it.</summary>
    private static Tensor MakeInput(GoldenInput input)
    {
        var t = input.ToTensor();
        var own = t.detach().clone();
        return input.RequiresGrad ? own.requires_grad_() : own;
    }

    private static Dictionary<string, AutogradGoldenCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "views.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var options = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        return doc.RootElement.GetProperty("cases").Deserialize<AutogradGoldenCase[]>(options)!.ToDictionary(c => c.Id);
    }

    private static string MethodName(AutogradGoldenCase c) => "Case_" + c.Id[..3];

    private static object? Run(AutogradGoldenCase c, Dictionary<string, Tensor> inputs)
    {
        var method = s_compiled.Value.GetMethod(MethodName(c), BindingFlags.Public | BindingFlags.Static)!;
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

    private const string Helpers = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using GradRepl.Tensors;

        public static partial class ViewCases
        {
            static string chain(Tensor t)
            {
                var names = new List<string>();
                for (var f = t.grad_fn; f is not null; f = f.next_functions.Select(n => n.node).FirstOrDefault(n => n is not null))
                    names.Add(f.name());
                return string.Join("|", names);
            }
            static string next_names(Tensor y) => string.Join("|", y.grad_fn!.next_functions.Select(f => f.node is null ? "None" : f.node.name()));
            static Tensor backward(Tensor y) { y.backward(torch.ones_like(y)); return y; }
            static string strides(Tensor t) => "[" + string.Join(", ", t.stride()) + "] " + t.storage_offset();
            static string str(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            static string str(bool value) => value ? "True" : "False";
        }
        """;

    /// <summary>Compiles every case's program into one assembly (one Roslyn run): statements, then the last expression returned.</summary>
    private static Type Compile()
    {
        var source = new StringBuilder(Helpers);
        source.AppendLine("public static partial class ViewCases {");
        foreach (var c in s_cases.Value.Values)
        {
            source.Append($"public static object {MethodName(c)}(Dictionary<string, Tensor> t) {{ ");
            foreach (var input in c.Inputs) source.Append($"var {input.Name} = t[\"{input.Name}\"]; ");
            var parts = c.CSharp.Split("; ");
            foreach (var statement in parts[..^1]) source.Append(statement).Append("; ");
            source.AppendLine($"return {parts[^1]}; }}");
        }
        source.AppendLine("}");
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location));
        var compilation = CSharpCompilation.Create("ViewCases", [CSharpSyntaxTree.ParseText(source.ToString())], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
            throw new InvalidOperationException("golden case C# does not compile:\n" + string.Join("\n", errors));
        }
        return Assembly.Load(stream.ToArray()).GetType("ViewCases")!;
    }
}
