namespace GradRepl.Tensors.Kernels;

/// <summary>
/// The float32 tanh PyTorch 1.13 computes on AVX2 CPUs: SLEEF's <c>tanhf_u10</c> for the elements its vectorised loop
/// takes (whole blocks of 16) and the C library's tanhf for the rest, as its kernel does (see <see cref="SleefExp"/>).
/// SLEEF's: e^|x| as a float pair, then (e - 1/e) / (e + 1/e) in float pairs, 1 from |x| > 8.664339742, the sign of x.
/// </summary>
internal static class SleefTanh
{
    /// <summary>tanh of each value, as PyTorch's kernel splits them between SLEEF and the C library.</summary>
    public static void Tanh(ReadOnlySpan<float> x, Span<float> result)
    {
        var vectorised = x.Length - x.Length % 16;
        for (var i = 0; i < vectorised; i++) result[i] = Tanh(x[i]);
        for (var i = vectorised; i < x.Length; i++) result[i] = MathF.Tanh(x[i]);
    }

    /// <summary>tanh <paramref name="x"/> as SLEEF computes it.</summary>
    public static float Tanh(float x)
    {
        if (float.IsNaN(x)) return x;
        var y = MathF.Abs(x);
        var d = ExpPair(y);
        var e = FloatPair.Reciprocal(d);
        d = FloatPair.Divide(FloatPair.Add(d, FloatPair.Negate(e)), FloatPair.Add(d, e));
        var r = d.Hi + d.Lo;
        if (y > 8.664339742f || float.IsNaN(r)) r = 1f;
        return float.IsNegative(x) ? -r : r;
    }

    /// <summary>e^<paramref name="d"/> as a float pair (SLEEF's expk2f, for a float argument).</summary>
    private static FloatPair ExpPair(float d)
    {
        var q = (int)MathF.Round(d * SleefExp.Log2E, MidpointRounding.ToEven);
        var s = FloatPair.AddExact(new FloatPair(d, 0), q * -SleefExp.Ln2Upper);
        s = FloatPair.AddExact(s, q * -SleefExp.Ln2Lower);

        var u = 0.1980960224e-3f;
        u = MathF.FusedMultiplyAdd(u, s.Hi, 0.1394256484e-2f);
        u = MathF.FusedMultiplyAdd(u, s.Hi, 0.8333456703e-2f);
        u = MathF.FusedMultiplyAdd(u, s.Hi, 0.4166637361e-1f);

        var t = FloatPair.AddExact(FloatPair.Multiply(s, u), 0.166666659414234244790680580464e+0f);
        t = FloatPair.AddExact(FloatPair.Multiply(s, t), 0.5f);
        t = FloatPair.AddExact(s, FloatPair.Multiply(FloatPair.Square(s), t));
        t = FloatPair.Add(1, t);

        // 2^q in two factors, as SLEEF's ldexp2
        var scale1 = SleefExp.Pow2(q >> 1);
        var scale2 = SleefExp.Pow2(q - (q >> 1));
        return d < -104 ? new FloatPair(0, 0) : new FloatPair(t.Hi * scale1 * scale2, t.Lo * scale1 * scale2);
    }
}
