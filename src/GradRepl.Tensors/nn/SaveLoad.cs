using System.Globalization;
using System.Text;
using System.Text.Json;
using GradRepl.Tensors.Modules;
using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors;

// torch.save and torch.load for state dicts, in a JSON file of our own (PyTorch's zip of pickles is not needed to
// move a model between runs, and JSON can be read and diffed):
//   {"format": "gradrepl.state_dict", "version": 1, "tensors": [
//   {"name":"linear.weight","dtype":"float32","shape":[1,1],"data":[0.5152632]},
//   {"name":"linear.bias","dtype":"float32","shape":[1],"data":[-0.44137824]}
//   ]}
// "data" holds the elements row-major: floats as the shortest text that reads back to the same float32 or float64
// ("NaN", "Infinity", "-Infinity" as strings), int64 as integers, bool as true/false. Entries keep their order.
public static partial class torch
{
    private const string SaveFormat = "gradrepl.state_dict";

    /// <summary>
    /// Writes a state dict to <paramref name="f"/> (<c>torch.save(model.state_dict(), "model.pt")</c>), in GradRepl's
    /// JSON format (ARCHITECTURE.md, "torch.nn"); <see cref="load"/> reads it back.
    /// </summary>
    public static void save(IEnumerable<KeyValuePair<string, Tensor>> obj, string f)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(f);
        if (obj is StateDict { OptimizerState: { } optimizer })
        {
            save(optimizer, f);
            return;
        }
        // One line per tensor: the file stays readable and diffable however big the tensors are.
        var text = new StringBuilder($"{{\"format\": \"{SaveFormat}\", \"version\": 1, \"tensors\": [");
        var first = true;
        foreach (var (name, tensor) in obj)
        {
            text.Append(first ? "\n" : ",\n").Append(TensorJson(name, tensor));
            first = false;
        }
        text.Append("\n]}\n");
        WriteSaved(f, text.ToString());
    }

    /// <summary>Writes a file for <c>torch.save</c>, failing with PyTorch's two messages for a path it cannot write.</summary>
    private static void WriteSaved(string f, string text)
    {
        var parent = Path.GetDirectoryName(f);
        if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent)) throw new RuntimeError($"Parent directory {parent} does not exist.");
        try
        {
            File.WriteAllText(f, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeError($"File {f} cannot be opened.");
        }
    }

    /// <summary>
    /// Reads a state dict that <c>torch.save</c> wrote: <c>model.load_state_dict(torch.load("model.pt"))</c>, or an
    /// optimizer's: <c>optimizer.load_state_dict(torch.load("optimizer.pt"))</c>.
    /// </summary>
    public static StateDict load(string f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!File.Exists(f)) throw new FileNotFoundError($"[Errno 2] No such file or directory: {PythonRepr.Quote(f)}");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(f));
            var root = doc.RootElement;
            var kind = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String ? format.GetString() : null;
            if (kind is not (SaveFormat or OptimizerSaveFormat))
                throw new FormatException($"it has no \"format\": \"{SaveFormat}\"");
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1)
                throw new FormatException("only version 1 can be read");
            if (kind == OptimizerSaveFormat) return new StateDict { OptimizerState = ReadOptimizerStateDict(root) };
            var state = new StateDict();
            foreach (var entry in root.GetProperty("tensors").EnumerateArray())
            {
                var name = entry.GetProperty("name").GetString() ?? throw new FormatException("a tensor has no name");
                state[name] = ReadTensor(entry, name);
            }
            return state;
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or OverflowException or IOException or UnauthorizedAccessException)
        {
            throw new RuntimeError($"{f} is not a state dict saved by torch.save: {e.Message}");
        }
    }

    private static string TensorJson(string name, Tensor tensor)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
            WriteTensor(json, name, tensor);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTensor(Utf8JsonWriter json, string name, Tensor tensor)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("dtype", tensor.dtype.TorchName()["torch.".Length..]);
        json.WriteStartArray("shape");
        foreach (var size in tensor.Sizes) json.WriteNumberValue(size);
        json.WriteEndArray();
        json.WriteStartArray("data");
        switch (tensor.Storage)
        {
            case float[] floats:
                foreach (var v in floats)
                    if (float.IsFinite(v)) json.WriteNumberValue(v); else json.WriteStringValue(NonFinite(v));
                break;
            case double[] doubles:
                foreach (var v in doubles)
                    if (double.IsFinite(v)) json.WriteNumberValue(v); else json.WriteStringValue(NonFinite(v));
                break;
            case long[] longs:
                foreach (var v in longs) json.WriteNumberValue(v);
                break;
            case bool[] bools:
                foreach (var v in bools) json.WriteBooleanValue(v);
                break;
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string NonFinite(double v) => double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";

    private static Tensor ReadTensor(JsonElement entry, string name)
    {
        var sizes = entry.GetProperty("shape").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        if (sizes.Any(s => s < 0)) throw new FormatException($"{name} has a negative size");
        var data = entry.GetProperty("data").EnumerateArray().ToList();
        var count = sizes.Aggregate(1L, (a, b) => a * b);
        if (data.Count != count) throw new FormatException($"{name} has {data.Count} elements for shape [{string.Join(", ", sizes)}]");
        return entry.GetProperty("dtype").GetString() switch
        {
            "float32" => Tensor.Of(data.Select(e => e.ValueKind == JsonValueKind.String ? (float)Floating(e) : e.GetSingle()).ToArray(), sizes),
            "float64" => Tensor.Of(data.Select(Floating).ToArray(), sizes),
            "int64" => Tensor.Of(data.Select(e => e.GetInt64()).ToArray(), sizes),
            "bool" => Tensor.Of(data.Select(e => e.GetBoolean()).ToArray(), sizes),
            var other => throw new FormatException($"{name} has an unknown dtype {other}"),
        };
    }

    private static double Floating(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? element.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text => throw new FormatException($"{text} is not a number"),
        }
        : element.GetDouble();
}
