namespace GradRepl.Tensors.Kernels;

/// <summary>
/// linspace with PyTorch's CPU arithmetic, so every float32 value matches PyTorch bit for bit.
/// PyTorch fills from the start up to the halfway index and from the end down after it; its
/// vector loop writes blocks of two vectors (8 floats or 4 doubles each on AVX2), each vector from
/// a base computed with a fused multiply-add plus base + k·step, and finishes the tail element by
/// element with FMAs. Written out once per element type rather than with generic math: the generic
/// form is JIT-compiled in every process, which a lesson's first linspace would wait for.
/// </summary>
internal static class Linspace
{
    public static float[] Float32(float start, float end, int steps)
    {
        const int lanes = 8;
        var values = new float[steps];
        if (steps == 1) values[0] = start;
        if (steps <= 1) return values;
        var step = (end - start) / (steps - 1);
        var half = steps / 2;
        float At(int i) => i < half ? MathF.FusedMultiplyAdd(step, i, start) : MathF.FusedMultiplyAdd(-step, steps - i - 1, end);
        var i = 0;
        for (; i + 2 * lanes <= steps; i += 2 * lanes)
        {
            for (var v = i; v < i + 2 * lanes; v += lanes)
            {
                var b = At(v);
                for (var k = 0; k < lanes; k++) values[v + k] = b + k * step;
            }
        }
        for (; i < steps; i++) values[i] = At(i);
        return values;
    }

    public static double[] Float64(double start, double end, int steps)
    {
        const int lanes = 4;
        var values = new double[steps];
        if (steps == 1) values[0] = start;
        if (steps <= 1) return values;
        var step = (end - start) / (steps - 1);
        var half = steps / 2;
        double At(int i) => i < half ? Math.FusedMultiplyAdd(step, i, start) : Math.FusedMultiplyAdd(-step, steps - i - 1, end);
        var i = 0;
        for (; i + 2 * lanes <= steps; i += 2 * lanes)
        {
            for (var v = i; v < i + 2 * lanes; v += lanes)
            {
                var b = At(v);
                for (var k = 0; k < lanes; k++) values[v + k] = b + k * step;
            }
        }
        for (; i < steps; i++) values[i] = At(i);
        return values;
    }
}
