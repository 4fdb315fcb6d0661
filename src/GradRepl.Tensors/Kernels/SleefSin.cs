namespace GradRepl.Tensors.Kernels;

/// <summary>
/// The float32 sine of SLEEF's <c>sinf_u10</c>, which PyTorch 1.13 uses on AVX2 CPUs (see <see cref="SleefExp"/>):
/// x reduced by multiples of π in three parts into a float pair, an odd polynomial evaluated partly in float pairs,
/// the sign flipped for odd multiples. Beyond |x| = 125 SLEEF reduces another way; there this takes .NET's sine.
/// </summary>
internal static class SleefSin
{
    private const float InversePi = 0.318309886183790671537767526745028724f;
    private const float PiA = 3.1414794921875f;
    private const float PiB = 0.00011315941810607910156f;
    private const float PiC = 1.9841872589410058936e-09f;
    private const float Range = 125.0f;

    /// <summary>sin <paramref name="d"/> as SLEEF computes it.</summary>
    public static float Sin(float d)
    {
        if (!(MathF.Abs(d) < Range)) return MathF.Sin(d);
        var u = MathF.Round(d * InversePi, MidpointRounding.ToEven);
        var q = (int)u;
        var v = MathF.FusedMultiplyAdd(u, -PiA, d);
        var s = FloatPair.AddExact(v, u * -PiB);
        s = FloatPair.Add(s, u * -PiC);
        var t = s;
        s = FloatPair.Square(s);

        var poly = 2.6083159809786593541503e-06f;
        poly = MathF.FusedMultiplyAdd(poly, s.Hi, -0.0001981069071916863322258f);
        poly = MathF.FusedMultiplyAdd(poly, s.Hi, 0.00833307858556509017944336f);
        var x = FloatPair.Add(1, FloatPair.Multiply(FloatPair.Add(-0.166666597127914428710938f, poly * s.Hi), s));
        var result = FloatPair.MultiplyToFloat(t, x);

        if ((q & 1) != 0) result = -result;
        return d == 0 && float.IsNegative(d) ? d : result;
    }

    /// <summary>sin of each value.</summary>
    public static void Sin(ReadOnlySpan<float> x, Span<float> result)
    {
        for (var i = 0; i < x.Length; i++) result[i] = Sin(x[i]);
    }
}
