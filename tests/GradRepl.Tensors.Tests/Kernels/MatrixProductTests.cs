using GradRepl.Tensors.Kernels;
using Xunit;

namespace GradRepl.Tensors.Tests.Kernels;

/// <summary>
/// The matrix product gives, for every shape, layout and size (plain loop, blocked kernel, blocks shared among cores),
/// the bits of the reference BLAS's rule: Σ_k a_ik·b_kj added one term at a time with k from 0 up, zero a_ik skipped,
/// every product and sum rounded in the operands' precision (float for float32). PyTorch's own products of the same
/// kind are checked in FloatBitsTests.
/// </summary>
public sealed class MatrixProductTests
{
    // (n, m, p): small (plain loop), blocked with partial row and column blocks, and large enough to run in parallel.
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 3, 5, 2 }, { 7, 33, 9 }, { 33, 40, 31 }, { 4, 784, 16 }, { 101, 97, 10 }, { 100, 784, 100 }, { 130, 300, 70 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Mm_Float32_HasTheBitsOfTheOrderedFloatSum(int n, int m, int p)
    {
        var a = Values(n, m, seed: n + m, zeros: true);
        var b = Values(m, p, seed: m + p, zeros: false);

        var product = MatrixProduct.Mm(Tensor.Of(a, [n, m]), Tensor.Of(b, [m, p]));

        AssertBits(Reference(a, b, n, m, p), (float[])product.Storage);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Mm_Float64_HasTheBitsOfTheOrderedUnfusedSum(int n, int m, int p)
    {
        var a = Array.ConvertAll(Values(n, m, seed: 3 * n, zeros: true), v => v / 3.0);
        var b = Array.ConvertAll(Values(m, p, seed: 5 * p, zeros: false), v => v / 7.0);

        var product = MatrixProduct.Mm(Tensor.Of(a, [n, m]), Tensor.Of(b, [m, p]));

        var expected = new double[n * p];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < p; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < m; k++)
                if (a[i * m + k] != 0) sum += a[i * m + k] * b[k * p + j];
            expected[i * p + j] = sum;
        }
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), ((double[])product.Storage).Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Mm_TransposedViews_ReadThroughTheirStrides(int n, int m, int p)
    {
        // Aᵀ·Bᵀ from the stored A (m×n) and B (p×m), as backward passes them.
        var at = Values(m, n, seed: 11, zeros: true);
        var bt = Values(p, m, seed: 13, zeros: false);

        var product = MatrixProduct.Mm(Tensor.Of(at, [m, n]).t(), Tensor.Of(bt, [p, m]).t());

        AssertBits(Reference(Transpose(at, m, n), Transpose(bt, p, m), n, m, p), (float[])product.Storage);
    }

    [Fact]
    public void Mm_InfinityTimesSkippedZero_StaysOutOfTheSum()
    {
        // 0·inf would be NaN; the reference rule skips a zero a_ik, so only the rows with a nonzero a_i0 see the infinity.
        const int n = 40, m = 40, p = 40; // large enough for the blocked kernel
        var a = Values(n, m, seed: 2, zeros: false);
        for (var i = 0; i < n; i += 2) a[i * m] = 0;
        var b = Values(m, p, seed: 4, zeros: false);
        b[3] = float.PositiveInfinity;

        var product = (float[])MatrixProduct.Mm(Tensor.Of(a, [n, m]), Tensor.Of(b, [m, p])).Storage;

        AssertBits(Reference(a, b, n, m, p), product);
        Assert.False(float.IsNaN(product[3]));
        Assert.Equal(a[m] > 0 ? float.PositiveInfinity : float.NegativeInfinity, product[p + 3]);
    }

    private static float[] Reference(float[] a, float[] b, int n, int m, int p)
    {
        var c = new float[n * p];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < p; j++)
        {
            var sum = 0f;
            for (var k = 0; k < m; k++)
                if (a[i * m + k] != 0) sum += a[i * m + k] * b[k * p + j];
            c[i * p + j] = sum;
        }
        return c;
    }

    private static float[] Transpose(float[] x, int rows, int columns)
    {
        var t = new float[x.Length];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++) t[j * rows + i] = x[i * columns + j];
        return t;
    }

    /// <summary>Values of mixed sign and magnitude (so the order of additions shows in the last bits), some exactly 0.</summary>
    private static float[] Values(int rows, int columns, int seed, bool zeros)
    {
        var random = new System.Random(seed);
        var x = new float[rows * columns];
        for (var i = 0; i < x.Length; i++)
            x[i] = zeros && random.Next(7) == 0 ? 0f : (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4)));
        return x;
    }

    private static void AssertBits(float[] expected, float[] actual) =>
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
}
