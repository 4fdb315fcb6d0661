using GradRepl.Tensors.Kernels;
using Xunit;

namespace GradRepl.Tensors.Tests.Kernels;

/// <summary>
/// The float32 sum's plain loop (short arrays) against its vectorised path: the same additions in the same order, so
/// the same bits, whichever side of the switch-over a tensor's length falls on.
/// </summary>
public sealed class ReductionTests
{
    public static TheoryData<int> Lengths => [0, 1, 7, 8, 9, 15, 16, 17, 1000, 4095, 4096, 4097, 10007];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SumEightWays_IsBitIdenticalToTheVectorisedSum(int length)
    {
        var values = Values(length, seed: length);

        Assert.Equal(BitConverter.DoubleToInt64Bits(Reduction.SumWidened(values)), BitConverter.DoubleToInt64Bits(Reduction.SumEightWays(values)));
    }

    [Fact]
    public void SumEightWays_AddsTheEightRunningSumsInTheVectorOrder()
    {
        // Lanes 0 and 4 hold 1e17 and -1e17, which cancel when the lanes are paired, so all six ones count. Left to
        // right in double, the first three ones would vanish into 1e17 (its spacing is 16) and the total would be 3.
        var values = new[] { 1e17f, 1, 1, 1, -1e17f, 1, 1, 1 };

        Assert.Equal(6.0, Reduction.SumEightWays(values));
        Assert.Equal(6.0, Reduction.SumAll(values));
    }

    [Fact]
    public void SumAll_UsesTheSameOrderOnBothSidesOfThePlainLoopLimit()
    {
        var shortArray = Values(Conversion.PlainLoopMaxLength, seed: 3);
        var longArray = new float[Conversion.PlainLoopMaxLength + 8];
        shortArray.CopyTo(longArray, 0);

        // The eight extra zeros leave every running sum as it was, so both paths give the same total.
        Assert.Equal(BitConverter.DoubleToInt64Bits(Reduction.SumAll(shortArray)), BitConverter.DoubleToInt64Bits(Reduction.SumAll(longArray)));
    }

    private static float[] Values(int length, int seed)
    {
        var random = new System.Random(seed);
        var values = new float[length];
        // Magnitudes from 1e-8 to 1e8, so the order of the additions shows in the rounding.
        for (var i = 0; i < length; i++) values[i] = (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 9)));
        return values;
    }
}
