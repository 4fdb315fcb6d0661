using System.Numerics.Tensors;

namespace GradRepl.Tensors.Kernels;

/// <summary>Sums and extrema over all elements or over chosen dimensions.</summary>
internal static class Reduction
{
    /// <summary>The sum of all elements: float32 as PyTorch adds it (<see cref="CascadeSum"/>), float64 compensated, long for integer storage.</summary>
    public static double SumAll(Array data) => data switch
    {
        float[] f => CascadeSum.Sum(f),
        double[] d => CompensatedSum(d),
        long[] l => TensorPrimitives.Sum<long>(l),
        bool[] b => b.Count(v => v),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Neumaier's compensated sum: float64 totals come out correctly rounded in practice (0.1 + 0.2 + 0.7 is 1).</summary>
    private static double CompensatedSum(ReadOnlySpan<double> values)
    {
        double sum = 0, compensation = 0;
        foreach (var v in values)
        {
            var t = sum + v;
            compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    /// <summary>Sums over the dimensions flagged in <paramref name="reduce"/>; the result keeps them with size 1.</summary>
    public static Array SumDims(Tensor t, bool[] reduce, ScalarType resultType, out int[] keptShape)
    {
        var rank = t.Sizes.Length;
        keptShape = new int[rank];
        for (var d = 0; d < rank; d++) keptShape[d] = reduce[d] ? 1 : t.Sizes[d];
        var outStrides = Shapes.Strides(keptShape);
        for (var d = 0; d < rank; d++) if (reduce[d]) outStrides[d] = 0;
        var n = Shapes.Numel(keptShape);

        if (resultType == ScalarType.Int64)
        {
            var src = (long[])Conversion.Convert(t.Storage, ScalarType.Int64);
            var accL = new long[n];
            Walk(t.Sizes, outStrides, (i, o) => accL[o] += src[i]);
            return accL;
        }
        if (resultType == ScalarType.Float32 && t.Storage is float[] floats && CascadeSum.SumDims(floats, t.Sizes, reduce, n) is { } sums)
        {
            return sums;
        }
        var acc = new double[n];
        switch (t.Storage)
        {
            case float[] f: Walk(t.Sizes, outStrides, (i, o) => acc[o] += f[i]); break;
            case double[] dd: Walk(t.Sizes, outStrides, (i, o) => acc[o] += dd[i]); break;
            default: throw new InvalidOperationException();
        }
        return Conversion.Convert(acc, resultType);
    }

    /// <summary>Calls <paramref name="visit"/> with each element's flat index and its offset in the reduced output.</summary>
    private static void Walk(int[] sizes, int[] outStrides, Action<int, int> visit)
    {
        var n = Shapes.Numel(sizes);
        if (n == 0) return;
        var rank = sizes.Length;
        var index = new int[rank];
        var outOffset = 0;
        for (var i = 0; i < n; i++)
        {
            visit(i, outOffset);
            for (var d = rank - 1; d >= 0; d--)
            {
                index[d]++;
                outOffset += outStrides[d];
                if (index[d] < sizes[d]) break;
                outOffset -= outStrides[d] * sizes[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>Index of the max (or min) along <paramref name="dim"/> for each position of the other dimensions; NaN wins, first index on ties.</summary>
    public static (Array values, long[] indices, int[] keptShape) ArgExtremum(Tensor t, int dim, bool max)
    {
        var sizes = t.Sizes;
        var keptShape = (int[])sizes.Clone();
        keptShape[dim] = 1;
        var outer = 1;
        for (var d = 0; d < dim; d++) outer *= sizes[d];
        var inner = 1;
        for (var d = dim + 1; d < sizes.Length; d++) inner *= sizes[d];
        var len = sizes[dim];
        var indices = new long[outer * inner];
        var values = Conversion.Uninitialized(t.dtype, outer * inner);
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var best = 0;
                var bestValue = t.GetAsDouble(o * len * inner + i);
                for (var k = 1; k < len && !double.IsNaN(bestValue); k++)
                {
                    var v = t.GetAsDouble((o * len + k) * inner + i);
                    if (double.IsNaN(v) || (max ? v > bestValue : v < bestValue)) { best = k; bestValue = v; }
                }
                indices[o * inner + i] = best;
                Array.Copy(t.Storage, (o * len + best) * inner + i, values, o * inner + i, 1);
            }
        }
        return (values, indices, keptShape);
    }
}
