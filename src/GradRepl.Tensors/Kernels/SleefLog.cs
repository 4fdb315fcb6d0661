namespace GradRepl.Tensors.Kernels;

/// <summary>
/// The float32 natural log of SLEEF's <c>logf_u10</c>, which PyTorch 1.13 uses on AVX2 CPUs for <c>log</c> and inside
/// <c>log_softmax</c> (see <see cref="SleefExp"/>): x = m·2^e with m in [0.75, 1.5), log m from the series in
/// (m - 1)/(m + 1) with float pairs, plus e·ln 2 in two parts. Subnormals are scaled by 2^64 first.
/// </summary>
internal static class SleefLog
{
    private const float Ln2Upper = 0.69314718246459960938f;
    private const float Ln2Lower = -1.904654323148236017e-09f;

    /// <summary>ln <paramref name="d"/> as SLEEF computes it.</summary>
    public static float Log(float d)
    {
        if (float.IsNaN(d) || d < 0) return float.NaN;
        if (d == 0) return float.NegativeInfinity;
        if (float.IsPositiveInfinity(d)) return float.PositiveInfinity;
        var subnormal = d < 1.17549435e-38f; // FLT_MIN
        if (subnormal) d *= 18446744073709551616f; // 2^64
        var e = Exponent(d * (1.0f / 0.75f));
        var m = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(d) - (e << 23));
        if (subnormal) e -= 64;
        var s = FloatPair.Multiply(new FloatPair(Ln2Upper, Ln2Lower), e);

        var x = FloatPair.Divide(FloatPair.AddExact(-1, m), FloatPair.AddExact(1, m));
        var x2 = x.Hi * x.Hi;
        var t = 0.3027294874f;
        t = MathF.FusedMultiplyAdd(t, x2, 0.3996108174f);
        t = MathF.FusedMultiplyAdd(t, x2, 0.6666694880f);

        s = FloatPair.Add(s, FloatPair.Scale(x, 2));
        s = FloatPair.Add(s, x2 * x.Hi * t);
        return s.Hi + s.Lo;
    }

    /// <summary>ln of each value.</summary>
    public static void Log(ReadOnlySpan<float> x, Span<float> result)
    {
        for (var i = 0; i < x.Length; i++) result[i] = Log(x[i]);
    }

    /// <summary>The unbiased exponent field of a normal float (SLEEF's ilogb2k).</summary>
    private static int Exponent(float d) => ((BitConverter.SingleToInt32Bits(d) >> 23) & 0xff) - 0x7f;
}
