namespace GradRepl.Tensors.Kernels;

/// <summary>
/// arange with PyTorch 1.13's CPU arithmetic (RangeFactoriesKernel.cpp), so values match bit for bit.
/// start and step are kept in double (the accumulate type). The vector loop writes blocks of two vectors
/// (8 floats or 4 doubles each); each vector starts from a base start + step·i rounded to the element type,
/// and its lanes are base + k·step computed in double. The tail shorter than a block is written element by
/// element as start + step·i. GCC contracts each a + b·c into a fused multiply-add in that build, and so
/// does this code. That is why arange(-1.0, 1.0, 0.1)[10] is -2.9802e-09 rather than 0.
/// </summary>
internal static class Arange
{
    public static float[] Float32(double start, double step, int count)
    {
        const int lanes = 8;
        var values = new float[count];
        var i = 0;
        for (; i + 2 * lanes <= count; i += 2 * lanes)
        {
            for (var v = i; v < i + 2 * lanes; v += lanes)
            {
                var b = (float)Math.FusedMultiplyAdd(step, v, start);
                for (var k = 0; k < lanes; k++) values[v + k] = (float)Math.FusedMultiplyAdd(k, step, b);
            }
        }
        for (; i < count; i++) values[i] = (float)Math.FusedMultiplyAdd(step, i, start);
        return values;
    }

    public static double[] Float64(double start, double step, int count)
    {
        const int lanes = 4;
        var values = new double[count];
        var i = 0;
        for (; i + 2 * lanes <= count; i += 2 * lanes)
        {
            for (var v = i; v < i + 2 * lanes; v += lanes)
            {
                var b = Math.FusedMultiplyAdd(step, v, start);
                for (var k = 0; k < lanes; k++) values[v + k] = Math.FusedMultiplyAdd(k, step, b);
            }
        }
        for (; i < count; i++) values[i] = Math.FusedMultiplyAdd(step, i, start);
        return values;
    }
}
