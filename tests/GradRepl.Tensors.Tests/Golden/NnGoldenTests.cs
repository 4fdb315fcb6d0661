using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GradRepl.Tensors.Tests.Golden;

/// <summary>
/// Each case of Data/nn.json (Data/generate_nn.py): torch.nn's modules must print, initialise, run forward and
/// backward, and fail as PyTorch 1.13's did. The cases' C# runs with the helpers and model classes below, twins of
/// the Python ones in generate_nn.py.
/// </summary>
public sealed class NnGoldenTests
{
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using GradRepl.Tensors;
        using GradRepl.Tensors.Modules;

        public class LR : torch.nn.Module<Tensor, Tensor>
        {
            public readonly Linear linear;
            public LR(long input_size, long output_size) : base("LR")
            {
                linear = torch.nn.Linear(input_size, output_size);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => linear.forward(x);
        }

        // No RegisterComponents(): the fields are registered when the module is first asked about them.
        public class Net : torch.nn.Module<Tensor, Tensor>
        {
            private readonly Linear linear1;
            private readonly Linear linear2;
            public Net(long d_in, long h, long d_out) : base("Net")
            {
                linear1 = torch.nn.Linear(d_in, h);
                linear2 = torch.nn.Linear(h, d_out);
            }
            public override Tensor forward(Tensor x) => torch.sigmoid(linear2.forward(torch.sigmoid(linear1.forward(x))));
        }

        public class Manual : torch.nn.Module<Tensor, Tensor>
        {
            private readonly Parameter w = new(torch.tensor(new[,] { { 1.0, -2.0 } }));
            private readonly Tensor scale = torch.tensor(3.0);
            private readonly Parameter b = new(torch.zeros(1));
            public Manual() : base("Manual") => RegisterComponents();
            public override Tensor forward(Tensor x) => x.matmul(w.t()) * scale + b;
        }

        // Auto-properties register under the property's name; the module is named after its class.
        public class Nested : torch.nn.Module<Tensor, Tensor>
        {
            private Sequential body { get; } = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Dropout(0.25));
            private LR head { get; } = new(4, 2);
            public override Tensor forward(Tensor x) => head.forward(body.forward(x));
        }

        public class Deep : torch.nn.Module<Tensor, Tensor>
        {
            private readonly ModuleList<Linear> hidden = torch.nn.ModuleList<Linear>();
            public Deep(long[] layers) : base("Deep")
            {
                for (var i = 0; i + 1 < layers.Length; i++) hidden.append(torch.nn.Linear(layers[i], layers[i + 1]));
                RegisterComponents();
            }
            public override Tensor forward(Tensor x)
            {
                foreach (var layer in hidden) x = layer.forward(x).relu();
                return x;
            }
        }

        public class DropNet : torch.nn.Module<Tensor, Tensor>
        {
            private readonly Dropout drop;
            private readonly Linear linear1 = torch.nn.Linear(2, 4);
            private readonly Linear linear2 = torch.nn.Linear(4, 1);
            public DropNet(double p) : base("DropNet")
            {
                drop = torch.nn.Dropout(p);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => linear2.forward(drop.forward(linear1.forward(x).relu()));
        }

        public static partial class NnCases
        {
            static T seeded<T>(long seed, Func<T> make) { torch.manual_seed(seed); return make(); }
            static string lines(params object?[] items) => string.Join("\n", items.Select(python));
            static string list(IEnumerable<object> items) => "[" + string.Join(", ", items.Select(python)) + "]";
            static string names<T>(IEnumerable<(string, T)> pairs) => string.Join("|", pairs.Select(p => p.Item1));
            static string error(Action action)
            {
                try { action(); }
                catch (TorchException e) { return e.PythonName + ": " + e.Message; }
                return "no error";
            }
            static string error(Func<object?> action) => error(() => { action(); });
            static string python(object? value) => value switch
            {
                null => "None",
                bool b => b ? "True" : "False",
                double d => d.ToString("R", CultureInfo.InvariantCulture) is var s && (s.Contains('.') || s.Contains('E')) ? s : s + ".0",
                IEnumerable<bool> bs => "[" + string.Join(", ", bs.Select(b => python(b))) + "]",
                _ => value.ToString(),
            };
            static Dictionary<string, Tensor> dict(params (string key, Tensor value)[] entries) => entries.ToDictionary(e => e.key, e => e.value);
            static string train_step(torch.nn.Module<Tensor, Tensor> model, torch.nn.Module<Tensor, Tensor, Tensor> criterion, Tensor x, Tensor y)
            {
                var loss = criterion.call(model.call(x), y);
                loss.backward();
                return lines(new object[] { loss }.Concat(model.parameters().Select(p => (object)p.grad!)).ToArray());
            }
            static Tensor set_weight(LR model)
            {
                model.state_dict()["linear.weight"][0] = torch.tensor(-15.0);
                return model.linear.weight;
            }
            static string zeroed(torch.nn.Module<Tensor, Tensor> model, Tensor x)
            {
                model.forward(x).sum().backward();
                model.zero_grad();
                return lines(model.parameters().Select(p => (object)p.grad!).ToArray());
            }
            static string modes(torch.nn.Module model)
            {
                var before = model.training;
                model.eval();
                var after = model.modules().Select(m => m.training).ToList();
                model.train();
                return lines(before, after, model.training);
            }
            static string load_from(LR model, LR other) => lines(model.load_state_dict(other.state_dict()), model.linear.weight);
            static Tensor filled(Func<Tensor, Tensor> init, params long[] shape) { var t = torch.empty(shape); init(t); return t; }
        }
        """;

    private static readonly Lazy<Type> s_cases = new(Compile);

    public static TheoryData<string> CaseIds => new(Cases.Value.Keys.Order());

    private static readonly Lazy<Dictionary<string, NnGoldenCase>> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "nn.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").Deserialize<NnGoldenCase[]>()!.ToDictionary(c => c.Id);
    });

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void NnCase_RunInEngine_MatchesPyTorch(string id)
    {
        var golden = Cases.Value[id];
        var result = Run(golden);
        if (golden.Kind == "text")
        {
            Assert.Equal(golden.Text, Assert.IsType<string>(result));
            return;
        }
        var tensor = Assert.IsAssignableFrom<Tensor>(result);
        Assert.Equal(golden.DType, tensor.dtype.TorchName()["torch.".Length..]);
        Assert.Equal(golden.Values!, tensor.ToArray());
    }

    private static object? Run(NnGoldenCase golden)
    {
        var method = s_cases.Value.GetMethod(MethodName(golden), BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return method.Invoke(null, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static string MethodName(NnGoldenCase c) => "Case_" + c.Id[..3];

    private static Type Compile()
    {
        var source = new StringBuilder(Prelude);
        source.AppendLine("public static partial class NnCases {");
        foreach (var c in Cases.Value.Values) source.AppendLine($"public static object {MethodName(c)}() => {c.CSharp};");
        source.AppendLine("}");
        return GoldenCaseCompiler.CompileSource("NnCases", source.ToString()).GetType("NnCases")!;
    }
}

/// <summary>One case of Data/nn.json: C# that must give PyTorch's text, or PyTorch's elements exactly.</summary>
public sealed record NnGoldenCase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("py")] string Python,
    [property: JsonPropertyName("cs")] string CSharp,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("dtype")] string? DType,
    [property: JsonPropertyName("values")] double[]? Values);
