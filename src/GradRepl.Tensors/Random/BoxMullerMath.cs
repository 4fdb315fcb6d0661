namespace GradRepl.Tensors.Random;

/// <summary>
/// The log and sin/cos that PyTorch 1.13's AVX2 float32 normal fill uses (<c>log256_ps</c> and <c>sincos256_ps</c> of
/// avx_mathfun, Cephes polynomials), one lane at a time, with the fused multiply-adds its compiler makes of each
/// multiply that feeds an add. Neither is the correctly rounded function: a seeded <c>randn</c> needs these bits.
/// </summary>
internal static class BoxMullerMath
{
    private const float SqrtHalf = 0.707106781186547524f;
    private const float FourOverPi = 1.27323954473516f;

    /// <summary>ln <paramref name="value"/> for value in (0, 1] (a uniform's complement): log256_ps.</summary>
    public static float Log(float value)
    {
        var x = MathF.Max(value, 1.17549435e-38f); // subnormals cut off, as the kernel does
        var bits = BitConverter.SingleToInt32Bits(x);
        var e = (float)((bits >>> 23) - 0x7f) + 1f;
        x = BitConverter.Int32BitsToSingle((bits & ~0x7f800000) | 0x3f000000); // the mantissa, in [0.5, 1)
        // x < √½: one exponent less and 2x - 1; else x - 1
        var below = x < SqrtHalf;
        var extra = below ? x : 0f;
        x -= 1f;
        if (below) e -= 1f;
        x += extra;

        var z = x * x;
        var y = 7.0376836292e-2f;
        y = MathF.FusedMultiplyAdd(y, x, -1.1514610310e-1f);
        y = MathF.FusedMultiplyAdd(y, x, 1.1676998740e-1f);
        y = MathF.FusedMultiplyAdd(y, x, -1.2420140846e-1f);
        y = MathF.FusedMultiplyAdd(y, x, 1.4249322787e-1f);
        y = MathF.FusedMultiplyAdd(y, x, -1.6668057665e-1f);
        y = MathF.FusedMultiplyAdd(y, x, 2.0000714765e-1f);
        y = MathF.FusedMultiplyAdd(y, x, -2.4999993993e-1f);
        y = MathF.FusedMultiplyAdd(y, x, 3.3333331174e-1f);
        y *= x;
        y = MathF.FusedMultiplyAdd(y, z, e * -2.12194440e-4f);
        y = MathF.FusedMultiplyAdd(z, -0.5f, y);
        x += y;
        return MathF.FusedMultiplyAdd(e, 0.693359375f, x);
    }

    /// <summary>sin and cos of <paramref name="theta"/> (an angle in [0, 2π)): sincos256_ps.</summary>
    public static (float Sin, float Cos) SinCos(float theta)
    {
        var signSin = BitConverter.SingleToInt32Bits(theta) & int.MinValue;
        var x = MathF.Abs(theta);
        // the octant, rounded up to even
        var octant = ((int)(x * FourOverPi) + 1) & ~1;
        var y = (float)octant;
        signSin ^= (octant & 4) << 29;
        var signCos = (~(octant - 2) & 4) << 29;
        var sinPolynomial = (octant & 2) == 0;

        // x - y·π/4 in three parts
        x = MathF.FusedMultiplyAdd(y, -0.78515625f, x);
        x = MathF.FusedMultiplyAdd(y, -2.4187564849853515625e-4f, x);
        x = MathF.FusedMultiplyAdd(y, -3.77489497744594108e-8f, x);
        var z = x * x;

        var cos = MathF.FusedMultiplyAdd(2.443315711809948e-5f, z, -1.388731625493765e-3f);
        cos = MathF.FusedMultiplyAdd(cos, z, 4.166664568298827e-2f);
        cos *= z;
        cos = MathF.FusedMultiplyAdd(cos, z, -(z * 0.5f));
        cos += 1f;

        var sin = MathF.FusedMultiplyAdd(-1.9515295891e-4f, z, 8.3321608736e-3f);
        sin = MathF.FusedMultiplyAdd(sin, z, -1.6666654611e-1f);
        sin *= z;
        sin = MathF.FusedMultiplyAdd(sin, x, x);

        var s = sinPolynomial ? sin : cos;
        var c = sinPolynomial ? cos : sin;
        return (BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(s) ^ signSin),
            BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(c) ^ signCos));
    }
}
