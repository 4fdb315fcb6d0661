using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GradRepl.Tensors.Kernels;

/// <summary>
/// The float32 e^x of SLEEF's <c>expf_u10</c>, the vectorised exp PyTorch 1.13 uses on AVX2 CPUs: within one unit in
/// the last place, and not always the correctly rounded value, so a softmax printed to all its digits needs these
/// exact bits. Range reduction by ln 2 in two parts, a degree-5 polynomial with fused multiply-adds, scaling by 2^q.
/// </summary>
internal static class SleefExp
{
    // The range reduction's constants, shared with SleefTanh's exp of a float pair.
    internal const float Log2E = 1.442695040888963407359924681001892137426645954152985934135449406931f;
    internal const float Ln2Upper = 0.693145751953125f;
    internal const float Ln2Lower = 1.428606765330187045e-06f;

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

    /// <summary><see cref="Exp(float)"/> of each value, eight at a time where the CPU has AVX2 and FMA (the same bits).</summary>
    public static void Exp(ReadOnlySpan<float> x, Span<float> result)
    {
        var i = 0;
        if (Avx2.IsSupported && Fma.IsSupported)
        {
            for (; i + 8 <= x.Length; i += 8) Exp(Vector256.Create(x.Slice(i, 8))).CopyTo(result.Slice(i, 8));
        }
        for (; i < x.Length; i++) result[i] = Exp(x[i]);
    }

    /// <summary>
    /// PyTorch's sigmoid on float32: 1 / (1 + e^-x), with SLEEF's exp for the elements its vectorised loop takes (whole
    /// blocks of 16) and the C library's expf for the rest, as its kernel does.
    /// </summary>
    public static void Sigmoid(ReadOnlySpan<float> x, Span<float> result)
    {
        var vectorised = x.Length - x.Length % 16;
        for (var i = 0; i < vectorised; i++) result[i] = 1 / (Exp(0 - x[i]) + 1);
        for (var i = vectorised; i < x.Length; i++) result[i] = 1 / (1 + MathF.Exp(-x[i]));
    }

    private static Vector256<float> Exp(Vector256<float> d)
    {
        var q = Vector256.ConvertToInt32(Vector256.Round(d * Vector256.Create(Log2E)));
        var qf = Vector256.ConvertToSingle(q);
        var s = Vector256.FusedMultiplyAdd(qf, Vector256.Create(-Ln2Upper), d);
        s = Vector256.FusedMultiplyAdd(qf, Vector256.Create(-Ln2Lower), s);

        var u = Vector256.Create(0.000198527617612853646278381f);
        u = Vector256.FusedMultiplyAdd(u, s, Vector256.Create(0.00139304355252534151077271f));
        u = Vector256.FusedMultiplyAdd(u, s, Vector256.Create(0.00833336077630519866943359f));
        u = Vector256.FusedMultiplyAdd(u, s, Vector256.Create(0.0416664853692054748535156f));
        u = Vector256.FusedMultiplyAdd(u, s, Vector256.Create(0.166666671633720397949219f));
        u = Vector256.FusedMultiplyAdd(u, s, Vector256.Create(0.5f));
        u = Vector256.Create(1.0f) + Vector256.FusedMultiplyAdd(s * s, u, s);

        var half = Vector256.ShiftRightArithmetic(q, 1);
        u = u * Pow2(half) * Pow2(q - half);
        u = Vector256.ConditionalSelect(Vector256.LessThan(d, Vector256.Create(-104f)), Vector256<float>.Zero, u);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(d, Vector256.Create(100f)), Vector256.Create(float.PositiveInfinity), u);
    }

    private static Vector256<float> Pow2(Vector256<int> e) => Vector256.ShiftLeft(e + Vector256.Create(127), 23).AsSingle();

    /// <summary>2^<paramref name="e"/> for a normal exponent.</summary>
    internal static float Pow2(int e) => BitConverter.Int32BitsToSingle((e + 127) << 23);
}
