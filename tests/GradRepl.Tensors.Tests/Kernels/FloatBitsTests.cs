using System.Text.Json;
using GradRepl.Tensors.Kernels;
using Xunit;

namespace GradRepl.Tensors.Tests.Kernels;

/// <summary>
/// The float32 sum and mean against PyTorch's (Data/float_bits.json, from Data/generate_float_bits.py): PyTorch adds in float, in
/// its own order, and a loss prints its last digit from that order. Lengths cover each path of its kernel, and both
/// sides of the switch from the plain loop to 256-bit registers. softmax along the last dimension too: SLEEF's exp and
/// PyTorch's order of additions, and log_softmax and its gradient; exp, sigmoid, sin, log and tanh, whose last bit
/// PyTorch takes from SLEEF, and tanh's gradient (one fused multiply-add); matrix products, which
/// its build's reference BLAS adds one float term at a time; nll_loss's cascade of partial sums; float32 randn, whose
/// AVX2 fill has its own log and sincos.
/// </summary>
public sealed class FloatBitsTests
{
    private static readonly double[] s_scales = [1e-4, 1e-2, 1.0, 1e2, 1e4];

    public static TheoryData<int> Lengths
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var c in Golden("cases")) data.Add(c.GetProperty("length").GetInt32());
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void FloatSumAndMean_AreBitForBitPyTorchs(int length)
    {
        var expected = Golden("cases").Single(c => c.GetProperty("length").GetInt32() == length);
        var x = torch.tensor(Values(length));

        Assert.Equal(expected.GetProperty("sum").GetDouble(), x.sum().item());
        if (length > 0) Assert.Equal(expected.GetProperty("mean").GetDouble(), x.mean().item());
    }

    public static TheoryData<int> SoftmaxLengths
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var c in Golden("softmax")) data.Add(c.GetProperty("length").GetInt32());
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SoftmaxLengths))]
    public void SoftmaxAndLogSoftmaxAlongTheLastDim_AreBitForBitPyTorchs(int length)
    {
        var golden = Golden("softmax").Single(c => c.GetProperty("length").GetInt32() == length);
        double[] Expected(string name) => golden.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var x = new float[3 * length];
        for (var k = 0; k < x.Length; k++) x[k] = (float)(k * 37 % 101 / 25.0 - 2.0);

        Assert.Equal(Expected("values"), torch.tensor(x).view(3, length).softmax(-1).ToArray());
        Assert.Equal(Expected("log_values"), torch.tensor(x).view(3, length).log_softmax(-1).ToArray());
    }

    public static TheoryData<int> DimSumCases => Indexes("dims");

    [Theory]
    [MemberData(nameof(DimSumCases))]
    public void FloatSumAlongDims_IsBitForBitPyTorchs(int index)
    {
        var c = Golden("dims").ElementAt(index);
        var shape = c.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var dims = c.GetProperty("dim").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var expected = c.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var x = torch.tensor(Values((int)shape.Aggregate(1L, (a, b) => a * b))).view(shape);

        Assert.Equal(expected, x.sum(dims).ToArray());
    }

    [Theory]
    [InlineData("exp")]
    [InlineData("sigmoid")]
    [InlineData("sin")]
    [InlineData("log")]
    [InlineData("tanh")]
    public void ExpSigmoidSinLogAndTanh_AreBitForBitPyTorchs(string op)
    {
        var edges = new[] { -200.0, -104.5, -103.9, -87.5, 88.0, 88.8, 100.0, 100.5, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 0.0, -0.0, 12.0 };
        var values = edges.Select(v => (float)v).Concat(Enumerable.Range(0, 2005).Select(k => (float)((long)k * 7919 % 10007 / 1000.0 - 5.0))).ToArray();
        var expected = Golden("unary").Single().GetProperty(op).EnumerateArray().Select(Number).ToArray();
        var x = torch.tensor(values);

        var result = op switch { "exp" => x.exp(), "sigmoid" => x.sigmoid(), "sin" => x.sin(), "log" => x.log(), _ => x.tanh() };

        Assert.Equal(expected, result.ToArray());
    }

    [Fact]
    public void Sum_AddsInFloatAsPyTorchDoes()
    {
        // 2^24 + 1 + 1: in float each 1 is lost (2^24 + 1 rounds back to 2^24); a double accumulator would give 2^24 + 2.
        var values = new[] { 16777216f, 1f, 1f };
        Assert.Equal(16777216.0, torch.tensor(values).sum().item());
    }

    /// <summary>A number of the golden file, where infinities and NaN are written "inf", "-inf" and "nan".</summary>
    private static double Number(JsonElement value) => value.ValueKind != JsonValueKind.String ? value.GetDouble() : value.GetString() switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.NaN,
    };

    public static TheoryData<int> ProductCases => Indexes("products");

    [Theory]
    [MemberData(nameof(ProductCases))]
    public void MatrixProducts_AreBitForBitPyTorchs(int index)
    {
        var c = Golden("products").ElementAt(index);
        var shape = c.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        int n = shape[0], m = shape[1], p = shape[2];
        var a = torch.tensor(Values(n * m)).view(n, m);
        var b = torch.tensor(Values(m * p)).view(m, p);
        var w = torch.tensor(Values(p * m)).view(p, m);
        double[] Expected(string name) => c.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

        Assert.Equal(Expected("mm"), torch.mm(a, b).ToArray());
        Assert.Equal(Expected("linear"), torch.nn.functional.linear(a, w, torch.tensor(Values(p))).ToArray());
        Assert.Equal(Expected("mm_transposed_left"), torch.mm(torch.tensor(Values(m * n)).view(m, n).t(), b).ToArray());
        Assert.Equal(Expected("mv"), torch.mv(a, torch.tensor(Values(m))).ToArray());
        Assert.Equal(c.GetProperty("dot").GetDouble(), torch.dot(torch.tensor(Values(m)), torch.tensor(Values(m + 3))[3..]).item());
    }

    public static TheoryData<int> NllCases => Indexes("nll");

    [Theory]
    [MemberData(nameof(NllCases))]
    public void NllLossSums_AreBitForBitPyTorchs(int index)
    {
        var c = Golden("nll").ElementAt(index);
        var n = c.GetProperty("n").GetInt32();
        var x = torch.tensor(Values(n * 5)).view(n, 5);
        var labels = Enumerable.Range(0, n).Select(k => k % 11 == 3 ? -100L : k * 7 % 5).ToArray();
        var target = torch.tensor(labels);
        var weight = torch.tensor(Values(5)).abs() + 0.5;

        Assert.Equal(c.GetProperty("mean").GetDouble(), torch.nn.functional.nll_loss(x, target).item());
        Assert.Equal(c.GetProperty("sum").GetDouble(), torch.nn.functional.nll_loss(x, target, reduction: "sum").item());
        Assert.Equal(c.GetProperty("weighted_mean").GetDouble(), torch.nn.functional.nll_loss(x, target, weight: weight).item());
    }

    public static TheoryData<int> RandnCases => Indexes("randn");

    [Theory]
    [MemberData(nameof(RandnCases))]
    public void Float32Randn_IsBitForBitPyTorchs(int index)
    {
        var c = Golden("randn").ElementAt(index);
        torch.manual_seed(c.GetProperty("seed").GetInt64());
        var expected = c.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();

        Assert.Equal(expected, torch.randn(c.GetProperty("size").GetInt64()).ToArray());
    }

    public static TheoryData<int> GradientCases => Indexes("gradients");

    [Theory]
    [MemberData(nameof(GradientCases))]
    public void LogSoftmaxAndTanhGradients_AreBitForBitPyTorchs(int index)
    {
        var c = Golden("gradients").ElementAt(index);
        var shape = c.GetProperty("shape").EnumerateArray().Select(v => v.GetInt64()).ToArray();
        var n = (int)(shape[0] * shape[1]);
        var g = torch.tensor(Values(n + 7)[7..]).view(shape);
        double[] Expected(string name) => c.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

        var x = torch.tensor(Values(n)).view(shape).requires_grad_();
        torch.log_softmax(x, -1).backward(g);
        var t = torch.tensor(Values(n)).view(shape).requires_grad_();
        t.tanh().backward(g);

        Assert.Equal(Expected("log_softmax"), x.grad!.ToArray());
        Assert.Equal(Expected("tanh"), t.grad!.ToArray());
    }

    /// <summary>0, 1, ... for each case of a golden section.</summary>
    private static TheoryData<int> Indexes(string section)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Golden(section).Count(); i++) data.Add(i);
        return data;
    }

    private static float[] Values(int length)
    {
        var values = new float[length];
        for (long k = 0; k < length; k++) values[k] = (float)((k * 7919 % 10007 / 1000.0 - 5.0) * s_scales[k % s_scales.Length]);
        return values;
    }

    private static IEnumerable<JsonElement> Golden(string section)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "float_bits.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var element = doc.RootElement.GetProperty(section);
        return element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(c => c.Clone()).ToArray() : [element.Clone()];
    }
}
