using System.Numerics.Tensors;
using GradRepl.Tensors.Kernels;
using Xunit;

namespace GradRepl.Tensors.Tests.Kernels;

/// <summary>The plain float/double conversion loops give TensorPrimitives' results bit for bit, on both sides of the switch-over.</summary>
public sealed class ConversionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(4096)]
    [InlineData(4097)]
    public void DoubleToFloat_MatchesTensorPrimitivesBitForBit(int length)
    {
        var random = new System.Random(length);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            // Wide exponents, ties, subnormals and specials, so rounding and overflow are exercised.
            values[i] = (i % 7) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                1 => (random.NextDouble() - 0.5) * 1e-40,
                2 => double.NaN,
                3 => -0.0,
                4 => 1.0 + Math.Pow(2, -24) * (random.Next(2) + 1),
                5 => (random.NextDouble() - 0.5) * 1e39,
                _ => random.NextDouble(),
            };
        }

        var expected = new float[length];
        TensorPrimitives.ConvertTruncating<double, float>(values, expected);
        var actual = (float[])Conversion.Convert(values, ScalarType.Float32);

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4097)]
    public void FloatToDouble_MatchesTensorPrimitivesBitForBit(int length)
    {
        var random = new System.Random(length);
        var values = new float[length];
        for (var i = 0; i < length; i++) values[i] = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));

        var expected = new double[length];
        TensorPrimitives.ConvertChecked<float, double>(values, expected);
        var actual = (double[])Conversion.Convert(values, ScalarType.Float64);

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }
}
