using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradRepl.Tensors.Kernels;

/// <summary>Sums and extrema over all elements or over chosen dimensions. Float sums accumulate in double.</summary>
internal static class Reduction
{
    /// <summary>The sum of all elements, accumulated in double (long for integer storage).</summary>
    public static double SumAll(Array data) => data switch
    {
        float[] f => f.Length <= Conversion.PlainLoopMaxLength ? SumEightWays(f) : SumWidened(f),
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

    /// <summary>
    /// Sums float32 values in double precision, vectorised (more accurate than PyTorch's float pairwise sum).
    /// The order of the additions defines the result, and golden values depend on it: with Vector&lt;float&gt; of
    /// 8 lanes, element i goes to running sum i mod 8, the sums combine as ((s0+s4)+(s1+s5))+((s2+s6)+(s3+s7)),
    /// and the leftover elements follow one by one. Every path here keeps exactly that order.
    /// </summary>
    internal static double SumWidened(ReadOnlySpan<float> values)
    {
        if (Vector512.IsHardwareAccelerated && Vector<float>.Count == 8) return SumWidened512(values);
        var i = 0;
        var acc = Vector<double>.Zero;
        var acc2 = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            foreach (var v in vectors)
            {
                Vector.Widen(v, out var lo, out var hi);
                acc += lo;
                acc2 += hi;
            }
            i = vectors.Length * Vector<float>.Count;
        }
        var sum = Vector.Sum(acc + acc2);
        for (; i < values.Length; i++) sum += values[i];
        return sum;
    }

    /// <summary>
    /// <see cref="SumWidened"/>'s additions in its order, without vectors: for short arrays, whose vector code the JIT
    /// would have to compile first (precompiled code cannot know the vector width), which costs more than the loop.
    /// </summary>
    internal static double SumEightWays(ReadOnlySpan<float> values)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        var i = 0;
        for (; i + 8 <= values.Length; i += 8)
        {
            s0 += values[i];
            s1 += values[i + 1];
            s2 += values[i + 2];
            s3 += values[i + 3];
            s4 += values[i + 4];
            s5 += values[i + 5];
            s6 += values[i + 6];
            s7 += values[i + 7];
        }
        var sum = ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
        for (; i < values.Length; i++) sum += values[i];
        return sum;
    }

    /// <summary>
    /// <see cref="SumWidened"/> with the eight running sums in one 512-bit register: one widening and one add per
    /// eight floats (half the instructions), so more loads are in flight and the loop keeps up with memory.
    /// </summary>
    private static double SumWidened512(ReadOnlySpan<float> values)
    {
        var sums = Vector512<double>.Zero;
        var eights = MemoryMarshal.Cast<float, Vector256<float>>(values);
        foreach (var v in eights) sums += Vector512.WidenLower(v.ToVector512Unsafe());
        var sum = Vector256.Sum(sums.GetLower() + sums.GetUpper());
        for (var i = eights.Length * 8; i < values.Length; i++) sum += values[i];
        return sum;
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
