using System.Text.Json;

namespace GradRepl.Tensors.Tests.Golden;

/// <summary>
/// Seeded randn must print what PyTorch prints (Data/randn.json, from generate_randn.py), call after call: float64
/// values equal to the last bit; float32 values of 16 or more elements within 4 units in the last place (PyTorch's AVX2
/// kernel uses its own approximate log and sincos; the engine uses the C library's), and the same repr.
/// </summary>
public sealed class RandnGoldenTests
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Load().Length; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SeededCalls_PrintPyTorchsNumbers(int index)
    {
        var (seed, calls) = Load()[index];
        torch.manual_seed(seed);
        foreach (var call in calls)
        {
            var t = torch.randn([call.Size], dtype: call.DType == "float32" ? torch.float32 : torch.float64);
            var actual = t.ToArray();
            Assert.Equal(call.Values.Length, actual.Length);
            for (var i = 0; i < actual.Length; i++)
            {
                if (call.DType == "float64")
                {
                    Assert.True(call.Values[i].Equals(actual[i]), $"seed {seed}, size {call.Size}, element {i}: expected {call.Values[i]:R}, got {actual[i]:R}");
                }
                else
                {
                    var ulps = Math.Abs(BitConverter.SingleToInt32Bits((float)call.Values[i]) - BitConverter.SingleToInt32Bits((float)actual[i]));
                    Assert.True(ulps <= 4, $"seed {seed}, size {call.Size}, element {i}: expected {call.Values[i]:R}, got {actual[i]:R}");
                }
            }

            Assert.Equal(call.Repr, t.ToString());
        }
    }

    private sealed record Call(int Size, string DType, double[] Values, string Repr);

    private static (int Seed, Call[] Calls)[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "randn.json")));
        return doc.RootElement.EnumerateArray().Select(e => (
            e.GetProperty("seed").GetInt32(),
            e.GetProperty("calls").EnumerateArray().Select(c => new Call(
                c.GetProperty("size").GetInt32(), c.GetProperty("dtype").GetString()!,
                c.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
                c.GetProperty("repr").GetString()!)).ToArray())).ToArray();
    }
}
