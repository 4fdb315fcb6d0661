namespace GradRepl.Tensors.Random;

/// <summary>
/// Standard normal numbers drawn the way PyTorch 1.13's CPU <c>normal_</c> draws them, so a seeded <c>randn</c> prints
/// PyTorch's numbers. Tensors of 16 or more elements are filled with uniforms first, then transformed 16 at a time by
/// Box-Muller (the first 8 with the last 8), the last 16 drawn and transformed again when the size is not a multiple of
/// 16. Smaller tensors draw one double-precision normal per element, and each pair's second value is kept in the
/// generator for the next draw, even in a later call. Float64 values equal PyTorch's bit for bit; float32 values too,
/// the AVX2 fill's own approximate log and sincos ported (<see cref="BoxMullerMath"/>).
/// </summary>
internal static class NormalDistribution
{
    private const int Block = 16;

    // PyTorch's AVX2 kernel multiplies in float by 2π rounded to float.
    private const float TwoPi = (float)(2.0 * Math.PI);

    /// <summary>Fills <paramref name="data"/> (float32) with normal numbers of the given mean and standard deviation.</summary>
    public static void Fill(float[] data, MersenneTwister generator, double mean = 0, double std = 1)
    {
        if (data.Length < Block)
        {
            // scaled in double with a fused multiply-add, as PyTorch's AVX2 build compiles mean + std * x
            for (var i = 0; i < data.Length; i++) data[i] = (float)Math.FusedMultiplyAdd(Next(generator), std, mean);
            return;
        }

        for (var i = 0; i < data.Length; i++) data[i] = generator.NextFloat();
        for (var i = 0; i + Block <= data.Length; i += Block) Transform(data, i, (float)mean, (float)std);
        if (data.Length % Block != 0)
        {
            var last = data.Length - Block;
            for (var i = 0; i < Block; i++) data[last + i] = generator.NextFloat();
            Transform(data, last, (float)mean, (float)std);
        }
    }

    /// <summary>Fills <paramref name="data"/> (float64) with normal numbers of the given mean and standard deviation.</summary>
    public static void Fill(double[] data, MersenneTwister generator, double mean = 0, double std = 1)
    {
        if (data.Length < Block)
        {
            for (var i = 0; i < data.Length; i++) data[i] = Math.FusedMultiplyAdd(Next(generator), std, mean);
            return;
        }

        for (var i = 0; i < data.Length; i++) data[i] = generator.NextDouble();
        for (var i = 0; i + Block <= data.Length; i += Block) Transform(data, i, mean, std);
        if (data.Length % Block != 0)
        {
            var last = data.Length - Block;
            for (var i = 0; i < Block; i++) data[last + i] = generator.NextDouble();
            Transform(data, last, mean, std);
        }
    }

    /// <summary>One normal number in double precision, using the generator's kept second value when it has one.</summary>
    public static double Next(MersenneTwister generator)
    {
        if (generator.NextNormal is { } kept)
        {
            generator.NextNormal = null;
            return kept;
        }

        var u1 = generator.NextDouble();
        var u2 = generator.NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
        var theta = 2.0 * Math.PI * u1;
        generator.NextNormal = radius * Math.Sin(theta);
        return radius * Math.Cos(theta);
    }

    // Box-Muller on 16 uniforms in float arithmetic, with the AVX2 kernel's log and sin/cos (BoxMullerMath).
    private static void Transform(float[] d, int at, float mean, float std)
    {
        for (var j = 0; j < Block / 2; j++)
        {
            var u1 = 1f - d[at + j]; // [0, 1) -> (0, 1] for the log
            var u2 = d[at + j + Block / 2];
            var radius = MathF.Sqrt(-2f * BoxMullerMath.Log(u1));
            var (sin, cos) = BoxMullerMath.SinCos(TwoPi * u2);
            // the AVX2 kernel scales with a fused multiply-add
            d[at + j] = MathF.FusedMultiplyAdd(radius * cos, std, mean);
            d[at + j + Block / 2] = MathF.FusedMultiplyAdd(radius * sin, std, mean);
        }
    }

    private static void Transform(double[] d, int at, double mean, double std)
    {
        for (var j = 0; j < Block / 2; j++)
        {
            var u1 = 1.0 - d[at + j];
            var u2 = d[at + j + Block / 2];
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            var theta = 2.0 * Math.PI * u2;
            d[at + j] = Math.FusedMultiplyAdd(radius * Math.Cos(theta), std, mean);
            d[at + j + Block / 2] = Math.FusedMultiplyAdd(radius * Math.Sin(theta), std, mean);
        }
    }
}
