using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GradRepl.Tensors.Formatting;
using GradRepl.Tensors.Modules;

namespace GradRepl.Tensors;

// torch.save of an optimizer's state dict, in a JSON file of our own beside the module format (nn/SaveLoad.cs):
//   {"format": "gradrepl.optimizer_state_dict", "version": 1, "state": [
//   {"param": 0, "entries": [{"name":"step","dtype":"float32","shape":[],"data":[3]}, {"name":"exp_avg","dtype":...}]},
//   {"param": 1, "entries": [{"name":"momentum_buffer","value":null}]}
//   ], "param_groups": [
//   {"lr":0.01,"betas":[0.9,0.999],"eps":1e-08,"weight_decay":0,"amsgrad":false,"foreach":null,"params":[0,1]}
//   ]}
// A state entry is a tensor (written as the module format writes one) or a plain value. Floats are written as Python
// writes them (0.0, 1e-08), so they read back as floats and ints as ints, and print the same; a list other than
// 'params' is a tuple (Adam's betas); "NaN", "Infinity" and "-Infinity" are strings.
public static partial class torch
{
    private const string OptimizerSaveFormat = "gradrepl.optimizer_state_dict";

    /// <summary>
    /// Writes an optimizer's state dict to <paramref name="f"/> (<c>torch.save(optimizer.state_dict(), "optimizer.pt")</c>),
    /// in GradRepl's JSON format (ARCHITECTURE.md, "Optimizers"); <c>optimizer.load_state_dict(torch.load(f))</c> reads it back.
    /// </summary>
    public static void save(OptimizerStateDict obj, string f)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(f);
        // one line per parameter's state and per group, as the module format has one per tensor
        var text = new StringBuilder($"{{\"format\": \"{OptimizerSaveFormat}\", \"version\": 1, \"state\": [");
        var first = true;
        foreach (var (id, state) in obj.state)
        {
            text.Append(first ? "\n" : ",\n").Append(Json(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("param", id);
                json.WriteStartArray("entries");
                foreach (var (name, value) in state)
                {
                    if (value is Tensor tensor)
                    {
                        WriteTensor(json, name, tensor);
                        continue;
                    }
                    json.WriteStartObject();
                    json.WriteString("name", name);
                    json.WritePropertyName("value");
                    WriteOptionValue(json, value);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }));
            first = false;
        }
        text.Append("\n], \"param_groups\": [");
        first = true;
        foreach (var group in obj.param_groups)
        {
            text.Append(first ? "\n" : ",\n").Append(Json(json =>
            {
                json.WriteStartObject();
                foreach (var (key, value) in group)
                {
                    json.WritePropertyName(key);
                    WriteOptionValue(json, value);
                }
                json.WriteEndObject();
            }));
            first = false;
        }
        text.Append("\n]}\n");
        WriteSaved(f, text.ToString());
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream)) write(json);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOptionValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): json.WriteRawValue(PythonRepr.Float(d)); break;
            case double d: json.WriteStringValue(NonFinite(d)); break;
            case string s: json.WriteStringValue(s); break;
            case ITuple tuple:
                json.WriteStartArray();
                for (var i = 0; i < tuple.Length; i++) WriteOptionValue(json, tuple[i]);
                json.WriteEndArray();
                break;
            case IEnumerable<int> ids:
                json.WriteStartArray();
                foreach (var id in ids) json.WriteNumberValue(id);
                json.WriteEndArray();
                break;
            default: throw new RuntimeError($"torch.save cannot write the optimizer option value {PythonValueText.Repr(value)}");
        }
    }

    private static OptimizerStateDict ReadOptimizerStateDict(JsonElement root)
    {
        var state = new PythonDict<int, PythonDict<string, object?>>();
        foreach (var entry in root.GetProperty("state").EnumerateArray())
        {
            var id = entry.GetProperty("param").GetInt32();
            var values = new PythonDict<string, object?>();
            foreach (var item in entry.GetProperty("entries").EnumerateArray())
            {
                var name = item.GetProperty("name").GetString() ?? throw new FormatException($"a state entry of parameter {id} has no name");
                values[name] = item.TryGetProperty("value", out var value) ? ReadOptionValue(value, name) : ReadTensor(item, name);
            }
            state[id] = values;
        }
        var groups = root.GetProperty("param_groups").EnumerateArray().Select(group => new PythonDict<string, object?>(
            group.EnumerateObject().Select(option => KeyValuePair.Create(option.Name, option.Name == "params"
                ? option.Value.EnumerateArray().Select(id => id.GetInt32()).ToList()
                : ReadOptionValue(option.Value, option.Name))))).ToList();
        return new OptimizerStateDict(state, groups);
    }

    private static object? ReadOptionValue(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString() is "NaN" or "Infinity" or "-Infinity" ? Floating(value) : value.GetString(),
        JsonValueKind.Number when value.GetRawText().IndexOfAny(['.', 'e', 'E']) >= 0 => value.GetDouble(),
        JsonValueKind.Number => value.TryGetInt32(out var i) ? i : value.GetInt64(),
        JsonValueKind.Array when value.GetArrayLength() == 2 => (Number(value[0]), Number(value[1])),
        _ => throw new FormatException($"option {name} has a value GradRepl does not read: {value.GetRawText()}"),
    };

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.String ? Floating(value) : value.GetDouble();
}
