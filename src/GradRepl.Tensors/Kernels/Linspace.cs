namespace GradRepl.Tensors.Kernels;

/// <summary>
/// linspace with PyTorch's CPU arithmetic, so every float32 value matches PyTorch bit for bit.
/// PyTorch fills from the start up to the halfway index and from the end down after it; its
/// vector loop writes blocks of 16 (two vectors of 8 for float32), each vector from a base computed
/// with a fused multiply-add plus base + k·step, and finishes the tail element by element with FMAs.
/// </summary>
internal static class Linspace
{
    public static float[] Float32(float start, float end, int steps)
    {
        var values = new float[steps];
        if (steps == 0) return values;
        if (steps == 1) { values[0] = start; return values; }
        var step = (end - start) / (steps - 1);
        var half = steps / 2;
        float At(int i) => i < half ? MathF.FusedMultiplyAdd(step, i, start) : MathF.FusedMultiplyAdd(-step, steps - i - 1, end);
        const int lanes = 8;
        var i = 0;
        for (; i + 2 * lanes <= steps; i += lanes)
        {
            var b = At(i);
            for (var k = 0; k < lanes; k++) values[i + k] = b + k * step;
            i += lanes;
            b = At(i);
            for (var k = 0; k < lanes; k++) values[i + k] = b + k * step;
        }
        for (; i < steps; i++) values[i] = At(i);
        return values;
    }

    public static double[] Float64(double start, double end, int steps)
    {
        var values = new double[steps];
        if (steps == 0) return values;
        if (steps == 1) { values[0] = start; return values; }
        var step = (end - start) / (steps - 1);
        var half = steps / 2;
        double At(int i) => i < half ? Math.FusedMultiplyAdd(step, i, start) : Math.FusedMultiplyAdd(-step, steps - i - 1, end);
        const int lanes = 4;
        var i = 0;
        for (; i + 2 * lanes <= steps; i += lanes)
        {
            var b = At(i);
            for (var k = 0; k < lanes; k++) values[i + k] = b + k * step;
            i += lanes;
            b = At(i);
            for (var k = 0; k < lanes; k++) values[i + k] = b + k * step;
        }
        for (; i < steps; i++) values[i] = At(i);
        return values;
    }
}
