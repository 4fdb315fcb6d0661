using System.Text.Json;
using System.Text.Json.Serialization;

namespace GradRepl.Tensors.Tests.Golden;

/// <summary>One case of Data/autograd.json (written by Data/generate_autograd.py) or Data/ops.json (Data/generate_ops.py), from real PyTorch.</summary>
public sealed record AutogradGoldenCase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("expr")] string Expr,
    [property: JsonPropertyName("cs")] string CSharp,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("inputs")] GoldenInput[] Inputs,
    [property: JsonPropertyName("repr")] string? Repr,
    [property: JsonPropertyName("values")] double[]? Values,
    [property: JsonPropertyName("grad_fn")] string? GradFn,
    [property: JsonPropertyName("grads")] Dictionary<string, string?>? Grads,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("error_type")] string? ErrorType,
    [property: JsonPropertyName("error")] string? Error)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Dictionary<string, AutogradGoldenCase>> s_files = new();

    /// <summary>The cases of Data/autograd.json.</summary>
    public static IReadOnlyDictionary<string, AutogradGoldenCase> All => InFile("autograd.json");

    /// <summary>The cases of one golden file under Data/.</summary>
    public static IReadOnlyDictionary<string, AutogradGoldenCase> InFile(string file) => s_files.GetOrAdd(file, Load);

    private static Dictionary<string, AutogradGoldenCase> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var options = new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
        var cases = doc.RootElement.GetProperty("cases").Deserialize<AutogradGoldenCase[]>(options)!;
        return cases.ToDictionary(c => c.Id);
    }

    /// <summary>The case's inputs built as tensors, fresh for each run.</summary>
    public Dictionary<string, Tensor> MakeInputs() => Inputs.ToDictionary(i => i.Name, i => i.ToTensor());
}

/// <summary>A named input tensor of a golden case.</summary>
public sealed record GoldenInput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("values")] JsonElement[] Values,
    [property: JsonPropertyName("shape")] long[] Shape,
    [property: JsonPropertyName("dtype")] string DType,
    [property: JsonPropertyName("requires_grad")] bool RequiresGrad)
{
    public Tensor ToTensor()
    {
        var dtype = DType switch
        {
            "float32" => torch.float32,
            "float64" => torch.float64,
            "int64" => torch.int64,
            "bool" => torch.@bool,
            _ => throw new InvalidDataException(DType),
        };
        var values = Values.Select(v => v.ValueKind switch
        {
            JsonValueKind.True => 1.0,
            JsonValueKind.False => 0.0,
            _ => v.GetDouble(),
        }).ToArray();
        var t = torch.tensor(values, dtype: dtype).reshape(Shape);
        return RequiresGrad ? t.requires_grad_() : t;
    }
}
