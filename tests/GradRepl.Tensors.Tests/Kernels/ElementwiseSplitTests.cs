using GradRepl.Tensors.Kernels;
using Xunit;

namespace GradRepl.Tensors.Tests.Kernels;

/// <summary>
/// Element-wise arithmetic on arrays long enough to be shared among the cores (<see cref="CoreSplit"/>), with a last
/// chunk of a few elements: every element must come out as one float (or double) operation on its own operands gives,
/// wherever the chunks were cut. The expected values are plain C# arithmetic, element by element.
/// </summary>
[Collection(nameof(CoreSplitCollection))]
public sealed class ElementwiseSplitTests
{
    private const int Length = 2 * CoreSplit.ChunkElements + 13;

    private static readonly float[] s_x = Values(seed: 1);
    private static readonly float[] s_y = Values(seed: 2);

    public static TheoryData<string> Operations => ["x + y", "x - y", "x * y", "x / y", "max(x, y)", "x + 2", "2 - x", "x * 3", "1 / x", "x^2", "x^3", "x^0.5", "x^y"];

    [Theory]
    [MemberData(nameof(Operations))]
    public void Float32_EveryElementIsItsOwnOperation(string operation)
    {
        CoreSplit.ResetBackOff();
        Tensor x = torch.tensor(s_x), y = torch.tensor(s_y);
        var (actual, expected) = operation switch
        {
            "x + y" => (x + y, Map((a, b) => a + b)),
            "x - y" => (x - y, Map((a, b) => a - b)),
            "x * y" => (x * y, Map((a, b) => a * b)),
            "x / y" => (x / y, Map((a, b) => a / b)),
            "max(x, y)" => (torch.maximum(x, y), Map(MathF.Max)),
            "x + 2" => (x + 2, Map((a, _) => a + 2f)),
            "2 - x" => (2 - x, Map((a, _) => 2f - a)),
            "x * 3" => (x * 3, Map((a, _) => a * 3f)),
            "1 / x" => (1 / x, Map((a, _) => 1f / a)),
            "x^2" => (x.pow(2), Map((a, _) => a * a)),
            "x^3" => (x.pow(3), Map((a, _) => a * a * a)),
            "x^0.5" => (x.pow(0.5), Map((a, _) => MathF.Sqrt(a))),
            _ => (x.pow(y), Map(MathF.Pow)),
        };

        AssertSameBits(expected, actual);
    }

    [Fact]
    public void Float64_Sums_AreElementByElement()
    {
        CoreSplit.ResetBackOff();
        var x = s_x.Select(v => (double)v).ToArray();
        var y = s_y.Select(v => v / 3.0).ToArray();

        var actual = (torch.tensor(x, dtype: torch.float64) + torch.tensor(y, dtype: torch.float64)).ToArray();

        for (var i = 0; i < Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(x[i] + y[i]) == BitConverter.DoubleToInt64Bits(actual[i]), $"element {i}");
    }

    [Fact]
    public void Backward_ScalesAndAccumulatesEveryElement()
    {
        CoreSplit.ResetBackOff();
        var x = torch.tensor(s_x, requires_grad: true);

        // pow's backward is (x·2)·grad in one pass; the two paths into x add in place, one of them uniform (the 1 of + x).
        (x.pow(2) + x).sum().backward();

        AssertSameBits(s_x.Select(a => a * 2f * 1f + 1f).ToArray(), x.grad!);
    }

    private static float[] Map(Func<float, float, float> f)
    {
        var result = new float[Length];
        for (var i = 0; i < Length; i++) result[i] = f(s_x[i], s_y[i]);
        return result;
    }

    private static void AssertSameBits(float[] expected, Tensor actual)
    {
        var values = actual.ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits((float)values[i]))
                Assert.Fail($"element {i}: expected {expected[i]:R}, got {(float)values[i]:R}");
        }
    }

    /// <summary>Positive values over seven orders of magnitude (so that powers and roots are defined), so roundings differ.</summary>
    private static float[] Values(int seed)
    {
        var random = new System.Random(seed);
        var values = new float[Length];
        for (var i = 0; i < Length; i++) values[i] = (float)((random.NextDouble() + 0.01) * Math.Pow(10, random.Next(-3, 4)));
        return values;
    }
}
