using System.Numerics;

namespace GradRepl.Tensors.Kernels;

/// <summary>
/// linspace with PyTorch's CPU arithmetic, so every float32 value matches PyTorch bit for bit.
/// PyTorch fills from the start up to the halfway index and from the end down after it; its
/// vector loop writes blocks of two vectors (8 floats or 4 doubles each on AVX2), each vector from
/// a base computed with a fused multiply-add plus base + k·step, and finishes the tail element by
/// element with FMAs.
/// </summary>
internal static class Linspace
{
    public static float[] Float32(float start, float end, int steps) => Fill(start, end, steps, lanes: 8);

    public static double[] Float64(double start, double end, int steps) => Fill(start, end, steps, lanes: 4);

    private static T[] Fill<T>(T start, T end, int steps, int lanes) where T : IFloatingPointIeee754<T>
    {
        var values = new T[steps];
        if (steps == 0) return values;
        if (steps == 1) { values[0] = start; return values; }
        var step = (end - start) / T.CreateTruncating(steps - 1);
        var half = steps / 2;
        T At(int i) => i < half
            ? T.FusedMultiplyAdd(step, T.CreateTruncating(i), start)
            : T.FusedMultiplyAdd(-step, T.CreateTruncating(steps - i - 1), end);
        var i = 0;
        for (; i + 2 * lanes <= steps; i += 2 * lanes)
        {
            for (var v = i; v < i + 2 * lanes; v += lanes)
            {
                var b = At(v);
                for (var k = 0; k < lanes; k++) values[v + k] = b + T.CreateTruncating(k) * step;
            }
        }
        for (; i < steps; i++) values[i] = At(i);
        return values;
    }
}
