using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// softmax and log_softmax along a dimension, computed from the row's largest element so that exp never overflows.
public partial class Tensor
{
    /// <summary>e^x / Σ e^x along <paramref name="dim"/>.</summary>
    public Tensor softmax(long dim, ScalarType? dtype = null)
    {
        var x = dtype is { } t ? to(t) : this;
        var d = Shapes.WrapDim(dim, x.Sizes.Length);
        var result = x.SoftmaxKernel(d, log: false);
        if (!Recorder.ShouldRecord(x)) return result;
        // dy_i/dx_j = y_i(δ_ij - y_j): the gradient is y·(g - Σ g·y)
        return Recorder.Record(result, "SoftmaxBackward0", [x], true, (g, _) => [result * (g - (g * result).sum([d], keepdim: true))]);
    }

    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed without forming the softmax.</summary>
    public Tensor log_softmax(long dim, ScalarType? dtype = null)
    {
        var x = dtype is { } t ? to(t) : this;
        var d = Shapes.WrapDim(dim, x.Sizes.Length);
        var result = x.SoftmaxKernel(d, log: true);
        if (!Recorder.ShouldRecord(x)) return result;
        // d log_softmax_i/dx_j = δ_ij - softmax_j: the gradient is g - e^y·Σ g
        var lastDimFloat = d == x.Sizes.Length - 1 && x.dtype == ScalarType.Float32;
        return Recorder.Record(result, "LogSoftmaxBackward0", [x], true, (g, _) =>
            [!GradMode.IsEnabled && lastDimFloat && g.dtype == ScalarType.Float32 && g.Sizes.AsSpan().SequenceEqual(result.Sizes)
                ? LogSoftmaxBackwardLastDimFloat(g, result)
                : g - result.exp() * g.sum([d], keepdim: true)]);
    }

    private Tensor SoftmaxKernel(int dim, bool log)
    {
        if (!dtype.IsFloatingPoint())
            throw new RuntimeError($"\"{(log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl")}\" not implemented for '{dtype.CppName()}'");
        var (outer, size, inner) = AlongDim.AroundDim(Sizes, dim);
        if (inner == 1 && dtype == ScalarType.Float32) return SoftmaxLastDimFloat(outer, size, log);
        var x = ToDoubleArray();
        var y = new double[x.Length];
        for (var o = 0; o < outer; o++)
        {
            for (var k = 0; k < inner; k++)
            {
                var max = double.NegativeInfinity;
                for (var i = 0; i < size; i++) max = Math.Max(max, x[(o * size + i) * inner + k]);
                if (double.IsNegativeInfinity(max)) max = 0;
                var sum = 0.0;
                for (var i = 0; i < size; i++) sum += Math.Exp(x[(o * size + i) * inner + k] - max);
                var logSum = Math.Log(sum);
                for (var i = 0; i < size; i++)
                {
                    var at = (o * size + i) * inner + k;
                    y[at] = log ? x[at] - max - logSum : Math.Exp(x[at] - max) / sum;
                }
            }
        }
        return new Tensor(Conversion.Convert(y, dtype), Sizes, dtype);
    }

    /// <summary>
    /// softmax or log_softmax along the last dimension of a float32 tensor, bit for bit as PyTorch's vectorised kernels:
    /// SLEEF's exp of x - max, the row summed in float in its order (<see cref="RowSumLikeReduceAll"/>), then times
    /// 1 / sum, or for log_softmax (x - max) - log sum with SLEEF's log.
    /// </summary>
    private Tensor SoftmaxLastDimFloat(int outer, int size, bool log)
    {
        var x = (float[])contiguous().Storage;
        var y = new float[x.Length];
        for (var o = 0; o < outer; o++)
        {
            var row = x.AsSpan(o * size, size);
            var e = y.AsSpan(o * size, size);
            var max = float.NegativeInfinity;
            foreach (var v in row) max = MathF.Max(max, v);
            for (var i = 0; i < size; i++) e[i] = SleefExp.Exp(row[i] - max);
            if (log)
            {
                var logSum = SleefLog.Log(RowSumLikeReduceAll(e));
                for (var i = 0; i < size; i++) e[i] = row[i] - max - logSum;
                continue;
            }
            var scale = 1 / RowSumLikeReduceAll(e);
            for (var i = 0; i < size; i++) e[i] *= scale;
        }
        return new Tensor(y, Sizes, ScalarType.Float32);
    }

    /// <summary>
    /// log_softmax's gradient along the last dimension of float32, as PyTorch's vectorised kernel computes it: the row's
    /// Σ g in reduce_all's order, then g - e^y·Σ g as one fused multiply-add per element, with SLEEF's exp.
    /// </summary>
    private static Tensor LogSoftmaxBackwardLastDimFloat(Tensor grad, Tensor output)
    {
        var g = (float[])grad.contiguous().Storage;
        var y = (float[])output.contiguous().Storage;
        var size = output.Sizes[^1];
        var result = new float[g.Length];
        for (var row = 0; row + size <= g.Length && size > 0; row += size)
        {
            var sum = RowSumLikeReduceAll(g.AsSpan(row, size));
            for (var i = row; i < row + size; i++) result[i] = MathF.FusedMultiplyAdd(-SleefExp.Exp(y[i]), sum, g[i]);
        }
        return new Tensor(result, output.Sizes, ScalarType.Float32);
    }

    /// <summary>
    /// PyTorch's vec::reduce_all for a sum over eight lanes: under eight values, left to right; otherwise lane i adds
    /// every eighth value, the leftover values go into the first lanes, and the lanes combine as a tree (halves, then
    /// pairs, then neighbours).
    /// </summary>
    private static float RowSumLikeReduceAll(ReadOnlySpan<float> e)
    {
        const int lanes = 8;
        if (e.Length < lanes)
        {
            var total = e[0];
            for (var i = 1; i < e.Length; i++) total += e[i];
            return total;
        }
        Span<float> acc = stackalloc float[lanes];
        e[..lanes].CopyTo(acc);
        var whole = e.Length - e.Length % lanes;
        var d = lanes;
        for (; d < whole; d += lanes) for (var k = 0; k < lanes; k++) acc[k] += e[d + k];
        for (var k = 0; d + k < e.Length; k++) acc[k] += e[d + k];
        Span<float> swapped = stackalloc float[lanes];
        foreach (var pattern in s_reduceAllShuffles)
        {
            for (var k = 0; k < lanes; k++) swapped[k] = acc[pattern[k]];
            for (var k = 0; k < lanes; k++) acc[k] += swapped[k];
        }
        return acc[0];
    }

    // The lane each lane adds at each step of AVX2's reduce_all: the other 128-bit half, the other pair, the neighbour.
    private static readonly int[][] s_reduceAllShuffles = [[4, 5, 6, 7, 0, 1, 2, 3], [2, 3, 0, 1, 6, 7, 4, 5], [1, 0, 3, 2, 5, 4, 7, 6]];
}
