using System.Numerics.Tensors;
using GradRepl.Tensors.Kernels;
using Xunit;

namespace GradRepl.Tensors.Tests.Kernels;

/// <summary>
/// relu's fused forward (output and mask) against TensorPrimitives.Max, and its backward against threshold_backward's
/// rule (zero where the output is &lt;= 0), on plain and vectorised lengths, and lengths split among the cores
/// (CoreSplit: two whole chunks, and eight with a short last one).
/// </summary>
public sealed class ReluMaskTests
{
    public static TheoryData<int> Lengths => [0, 1, 15, 16, 17, 63, 64, 65, 100, 129, 1000, 4096, 4097, 4099, 70001, 262144, 1000003];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Forward_Float32_MatchesTensorPrimitivesMaxAndMarksWhereTheOutputIsNotAtMostZero(int length)
    {
        var x = Values(length, seed: length);
        var expected = new float[length];
        TensorPrimitives.Max(x, 0f, expected);

        var result = new float[length];
        var mask = ReluMask.Forward(x, result);

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), result.Select(BitConverter.SingleToInt32Bits));
        for (var i = 0; i < length; i++) Assert.True(mask.Passes(i) == !(expected[i] <= 0), $"mask at {i} for {x[i]}");
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Backward_Float32_IsTheGradientWhereTheOutputIsNotAtMostZero(int length)
    {
        var x = Values(length, seed: 7 * length + 1);
        var relu = new float[length];
        var mask = ReluMask.Forward(x, relu);
        var grad = Values(length, seed: 3 * length + 2);

        var fromScalar = new float[length];
        mask.Backward(2.5f, fromScalar);
        var fromArray = new float[length];
        mask.Backward(grad, fromArray);

        for (var i = 0; i < length; i++)
        {
            Assert.Equal(relu[i] <= 0 ? 0f : 2.5f, fromScalar[i]);
            Assert.Equal(BitConverter.SingleToInt32Bits(relu[i] <= 0 ? 0f : grad[i]), BitConverter.SingleToInt32Bits(fromArray[i]));
        }
    }

    [Fact]
    public void ForwardAndBackward_Float64_FollowTheSameRules()
    {
        var x = new[] { -1.0, -0.0, 0.0, 1e-310, double.NaN, double.NegativeInfinity, 3.0 };
        var result = new double[x.Length];
        var mask = ReluMask.Forward(x, result);
        var grad = new double[x.Length];
        mask.Backward(1.5, grad);

        Assert.Equal([0.0, 0.0, 0.0, 1e-310, double.NaN, 0.0, 3.0], result);
        Assert.Equal(0, BitConverter.DoubleToInt64Bits(result[1])); // -0 becomes +0, as max(-0, 0) in PyTorch
        Assert.Equal([0.0, 0.0, 0.0, 1.5, 1.5, 0.0, 1.5], grad);
    }

    /// <summary>Random values with the cases that matter mixed in: zeros of both signs, NaN, infinities, subnormals.</summary>
    private static float[] Values(int length, int seed)
    {
        var random = new System.Random(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (i % 11) switch
            {
                0 => -0f,
                1 => 0f,
                2 => float.NaN,
                3 => float.PositiveInfinity,
                4 => float.NegativeInfinity,
                5 => (random.Next(2) * 2 - 1) * 1e-40f,
                _ => (float)(random.NextDouble() - 0.5) * 10,
            };
        }
        return values;
    }
}
