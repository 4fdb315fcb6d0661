namespace GradRepl.Tensors.Kernels;

/// <summary>
/// The float32 e^x of SLEEF's <c>expf_u10</c>, the vectorised exp PyTorch 1.13 uses on AVX2 CPUs: within one unit in
/// the last place, and not always the correctly rounded value, so a softmax printed to all its digits needs these
/// exact bits. Range reduction by ln 2 in two parts, a degree-5 polynomial with fused multiply-adds, scaling by 2^q.
/// </summary>
internal static class SleefExp
{
    private const float Log2E = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    private const float Ln2Upper = 0.693145751953125f;
    private const float Ln2Lower = 1.428606765330187045e-06f;

    /// <summary>e^<paramref name="d"/> as SLEEF computes it.</summary>
    public static float Exp(float d)
    {
        var q = (int)MathF.Round(d * Log2E, MidpointRounding.ToEven);
        var s = MathF.FusedMultiplyAdd(q, -Ln2Upper, d);
        s = MathF.FusedMultiplyAdd(q, -Ln2Lower, s);

        var u = 0.000198527617612853646278381f;
        u = MathF.FusedMultiplyAdd(u, s, 0.00139304355252534151077271f);
        u = MathF.FusedMultiplyAdd(u, s, 0.00833336077630519866943359f);
        u = MathF.FusedMultiplyAdd(u, s, 0.0416664853692054748535156f);
        u = MathF.FusedMultiplyAdd(u, s, 0.166666671633720397949219f);
        u = MathF.FusedMultiplyAdd(u, s, 0.5f);
        u = 1.0f + MathF.FusedMultiplyAdd(s * s, u, s);

        // 2^q in two factors, so that q down to -150 still scales into the subnormals (SLEEF's ldexp2).
        u = u * Pow2(q >> 1) * Pow2(q - (q >> 1));
        if (d < -104) return 0;
        return d > 100 ? float.PositiveInfinity : u;
    }

    private static float Pow2(int e) => BitConverter.Int32BitsToSingle((e + 127) << 23);
}
