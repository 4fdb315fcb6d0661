namespace GradRepl.Tensors.Kernels;

/// <summary>
/// A float pair (hi + lo) carrying about twice a float's precision, with the arithmetic of SLEEF's df* helpers as its
/// FMA build has them (the low parts from fused multiply-adds), so that the ports of SLEEF's functions round exactly
/// as the library PyTorch links does. Names follow what each helper computes; the SLEEF name is in its summary.
/// </summary>
internal readonly record struct FloatPair(float Hi, float Lo)
{
    /// <summary>x + y exactly, whatever their magnitudes (dfadd2_vf2_vf_vf).</summary>
    public static FloatPair AddExact(float x, float y)
    {
        var s = x + y;
        var v = s - x;
        return new(s, (x - (s - v)) + (y - v));
    }

    /// <summary>x + y, exact in the high parts whatever their magnitudes (dfadd2_vf2_vf2_vf).</summary>
    public static FloatPair AddExact(FloatPair x, float y)
    {
        var s = x.Hi + y;
        var v = s - x.Hi;
        return new(s, ((x.Hi - (s - v)) + (y - v)) + x.Lo);
    }

    /// <summary>x + y, exact in the high parts whatever their magnitudes (dfadd2_vf2_vf2_vf2).</summary>
    public static FloatPair AddExact(FloatPair x, FloatPair y)
    {
        var s = x.Hi + y.Hi;
        var v = s - x.Hi;
        return new(s, ((x.Hi - (s - v)) + (y.Hi - v)) + (x.Lo + y.Lo));
    }

    /// <summary>x + y for |x.Hi| ≥ |y| (dfadd_vf2_vf2_vf).</summary>
    public static FloatPair Add(FloatPair x, float y)
    {
        var s = x.Hi + y;
        return new(s, ((x.Hi - s) + y) + x.Lo);
    }

    /// <summary>x + y for |x| ≥ |y| (dfadd_vf2_vf_vf).</summary>
    public static FloatPair Add(float x, float y)
    {
        var s = x + y;
        return new(s, (x - s) + y);
    }

    /// <summary>x + y for |x| ≥ |y.Hi| (dfadd_vf2_vf_vf2).</summary>
    public static FloatPair Add(float x, FloatPair y)
    {
        var s = x + y.Hi;
        return new(s, ((x - s) + y.Hi) + y.Lo);
    }

    /// <summary>x + y for |x.Hi| ≥ |y.Hi| (dfadd_vf2_vf2_vf2).</summary>
    public static FloatPair Add(FloatPair x, FloatPair y)
    {
        var s = x.Hi + y.Hi;
        return new(s, (((x.Hi - s) + y.Hi) + x.Lo) + y.Lo);
    }

    /// <summary>x · s for a power of two s (dfscale_vf2_vf2_vf).</summary>
    public static FloatPair Scale(FloatPair x, float s) => new(x.Hi * s, x.Lo * s);

    /// <summary>x² (dfsqu_vf2_vf2).</summary>
    public static FloatPair Square(FloatPair x)
    {
        var s = x.Hi * x.Hi;
        return new(s, MathF.FusedMultiplyAdd(x.Hi + x.Hi, x.Lo, MathF.FusedMultiplyAdd(x.Hi, x.Hi, -s)));
    }

    /// <summary>x · y (dfmul_vf2_vf2_vf).</summary>
    public static FloatPair Multiply(FloatPair x, float y)
    {
        var s = x.Hi * y;
        return new(s, MathF.FusedMultiplyAdd(x.Lo, y, MathF.FusedMultiplyAdd(x.Hi, y, -s)));
    }

    /// <summary>x · y (dfmul_vf2_vf2_vf2).</summary>
    public static FloatPair Multiply(FloatPair x, FloatPair y)
    {
        var s = x.Hi * y.Hi;
        return new(s, MathF.FusedMultiplyAdd(x.Hi, y.Lo, MathF.FusedMultiplyAdd(x.Lo, y.Hi, MathF.FusedMultiplyAdd(x.Hi, y.Hi, -s))));
    }

    /// <summary>x · y rounded to one float (dfmul_vf_vf2_vf2).</summary>
    public static float MultiplyToFloat(FloatPair x, FloatPair y) =>
        MathF.FusedMultiplyAdd(x.Hi, y.Hi, MathF.FusedMultiplyAdd(x.Lo, y.Hi, x.Hi * y.Lo));

    /// <summary>1 / d (dfrec_vf2_vf2).</summary>
    public static FloatPair Reciprocal(FloatPair d)
    {
        var s = 1 / d.Hi;
        return new(s, s * MathF.FusedMultiplyAdd(-d.Lo, s, MathF.FusedMultiplyAdd(-d.Hi, s, 1)));
    }

    /// <summary>-x (dfneg_vf2_vf2).</summary>
    public static FloatPair Negate(FloatPair x) => new(-x.Hi, -x.Lo);

    /// <summary>n / d (dfdiv_vf2_vf2_vf2).</summary>
    public static FloatPair Divide(FloatPair n, FloatPair d)
    {
        var t = 1 / d.Hi;
        var s = n.Hi * t;
        var u = MathF.FusedMultiplyAdd(t, n.Hi, -s);
        var v = MathF.FusedMultiplyAdd(-d.Lo, t, MathF.FusedMultiplyAdd(-d.Hi, t, 1));
        return new(s, MathF.FusedMultiplyAdd(s, v, MathF.FusedMultiplyAdd(n.Lo, t, u)));
    }
}
