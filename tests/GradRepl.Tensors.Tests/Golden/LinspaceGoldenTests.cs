using System.Text.Json;

namespace GradRepl.Tensors.Tests.Golden;

/// <summary>linspace must reproduce PyTorch's values to the last bit (Data/linspace.json, from generate_linspace.py).</summary>
public sealed class LinspaceGoldenTests
{
    public static TheoryData<double, double, long, string> Cases()
    {
        var data = new TheoryData<double, double, long, string>();
        foreach (var c in Load()) data.Add(c.Start, c.End, c.Steps, c.DType);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Linspace_EveryElement_EqualsPyTorchBitForBit(double start, double end, long steps, string dtype)
    {
        var expected = Load().Single(c => c.Start == start && c.End == end && c.Steps == steps && c.DType == dtype).Values;
        var actual = torch.linspace(start, end, steps, dtype: dtype == "float32" ? torch.float32 : torch.float64).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            Assert.True(expected[i].Equals(actual[i]), $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    private sealed record Case(double Start, double End, long Steps, string DType, double[] Values);

    private static Case[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "linspace.json")));
        return doc.RootElement.EnumerateArray().Select(e => new Case(
            e.GetProperty("start").GetDouble(), e.GetProperty("end").GetDouble(), e.GetProperty("steps").GetInt64(),
            e.GetProperty("dtype").GetString()!, e.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray())).ToArray();
    }
}
