using System.Numerics.Tensors;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors.Tests.Kernels;

/// <summary>
/// The plain loops for small tensors must give the vectorised path's results bit for bit (printing compares with
/// PyTorch digit for digit), including NaN, infinities, signed zeros, subnormals and values whose float32 rounding
/// is a tie.
/// </summary>
public sealed class SmallLoopsTests
{
    private static readonly BinaryOp[] s_ops = [BinaryOp.Add, BinaryOp.Sub, BinaryOp.Mul, BinaryOp.Div, BinaryOp.Maximum, BinaryOp.Minimum];

    private static float[] Floats(int seed)
    {
        var random = new System.Random(seed);
        float[] specials = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, -float.Epsilon,
            float.MaxValue, float.MinValue, 1f, -1f, 3f, 1e-38f, 16777217f, 0.1f, 1f / 3f];
        return Enumerable.Range(0, SmallLoops.MaxLength)
            .Select(i => i < specials.Length && random.Next(3) == 0 ? specials[random.Next(specials.Length)]
                : (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-40, 39))))
            .ToArray();
    }

    private static void Vectorised(float[] x, float[] y, float[] d, BinaryOp op)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(x, y, d); break;
            case BinaryOp.Sub: TensorPrimitives.Subtract(x, y, d); break;
            case BinaryOp.Mul: TensorPrimitives.Multiply(x, y, d); break;
            case BinaryOp.Div: TensorPrimitives.Divide(x, y, d); break;
            case BinaryOp.Maximum: TensorPrimitives.Max(x, y, d); break;
            default: TensorPrimitives.Min(x, y, d); break;
        }
    }

    [Fact]
    public void Float32Binary_MatchesTensorPrimitivesBitForBit()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var x = Floats(seed);
            var y = Floats(seed + 1000);
            foreach (var op in s_ops)
            {
                var small = new float[x.Length];
                var vectorised = new float[x.Length];
                Assert.True(SmallLoops.TryBinary(x, y, small, op));
                Vectorised(x, y, vectorised, op);
                Assert.Equal(vectorised.Select(BitConverter.SingleToInt32Bits), small.Select(BitConverter.SingleToInt32Bits));
            }
        }
    }

    [Fact]
    public void Float32WithScalar_BothOrders_MatchTensorPrimitives()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var x = Floats(seed);
            var s = Floats(seed + 5000)[seed % SmallLoops.MaxLength];
            foreach (var op in s_ops)
            {
                foreach (var scalarFirst in new[] { false, true })
                {
                    var small = new float[x.Length];
                    Assert.True(SmallLoops.TryScalar(x, s, scalarFirst, small, op));
                    var filled = Enumerable.Repeat(s, x.Length).ToArray();
                    var vectorised = new float[x.Length];
                    if (scalarFirst) Vectorised(filled, x, vectorised, op);
                    else Vectorised(x, filled, vectorised, op);
                    Assert.Equal(vectorised.Select(BitConverter.SingleToInt32Bits), small.Select(BitConverter.SingleToInt32Bits));
                }
            }
        }
    }

    [Fact]
    public void Float32SquareAndCube_MatchRepeatedMultiplication()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var x = Floats(seed);
            var square = new float[x.Length];
            var cube = new float[x.Length];
            Assert.True(SmallLoops.TryScalar(x, 2, false, square, BinaryOp.Pow));
            Assert.True(SmallLoops.TryScalar(x, 3, false, cube, BinaryOp.Pow));
            var expectedSquare = new float[x.Length];
            TensorPrimitives.Multiply(x, x, expectedSquare);
            var expectedCube = new float[x.Length];
            TensorPrimitives.Multiply(expectedSquare, x, expectedCube);
            Assert.Equal(expectedSquare.Select(BitConverter.SingleToInt32Bits), square.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(expectedCube.Select(BitConverter.SingleToInt32Bits), cube.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void Float32ScaleThenMultiplyAndAccumulate_MatchTheVectorisedOrder()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var x = Floats(seed);
            var f = Floats(seed + 7000);
            var scale = 2.0;
            var small = new float[x.Length];
            Assert.True(SmallLoops.TryScaleThenMultiply(x, scale, f, 0, small));
            var expected = new float[x.Length];
            TensorPrimitives.Multiply(x, (float)scale, expected);
            TensorPrimitives.Multiply(expected, f, expected);
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), small.Select(BitConverter.SingleToInt32Bits));

            var accumulated = (float[])x.Clone();
            Assert.True(SmallLoops.TryAddInPlace(accumulated, f, 0));
            TensorPrimitives.Add(x, f, expected);
            Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), accumulated.Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void LargerTensorsAndOtherOps_AreLeftToTheVectorisedPath()
    {
        var big = new float[SmallLoops.MaxLength + 1];
        Assert.False(SmallLoops.TryBinary(big, big, new float[big.Length], BinaryOp.Add));
        Assert.False(SmallLoops.TryScalar(new float[2], 0.5, false, new float[2], BinaryOp.Pow));
        Assert.False(SmallLoops.TryBinary(new float[2], new float[2], new float[2], BinaryOp.Pow));
    }
}
