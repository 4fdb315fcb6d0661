namespace GradRepl.Tensors.Kernels;

/// <summary>
/// Plain loops for tensors of a few elements, the lab's usual size. The vectorised paths (TensorPrimitives,
/// <c>Vector&lt;T&gt;</c>) and generic math are JIT-compiled on first use (the runtime rejects precompiled code whose
/// vector width it cannot know), which for a lesson of one-element tensors is most of its run; these loops are
/// non-generic, so the ReadyToRun image holds them. They give the vectorised paths' results bit for bit: only IEEE
/// add, subtract, multiply, divide, maximum and minimum are here, and float32 values are computed in double and
/// rounded once, which for these operations is the correctly rounded float result (53 >= 2 x 24 + 2 bits, so the
/// double rounding is innocuous).
/// </summary>
internal static class SmallLoops
{
    /// <summary>Up to this many elements a plain loop is used.</summary>
    public const int MaxLength = 16;

    /// <summary>d = x op y element-wise (same-length float32 or float64 arrays); false, nothing written, when left to the vectorised path.</summary>
    public static bool TryBinary(Array x, Array y, Array d, BinaryOp op)
    {
        if (d.Length > MaxLength || !Handles(op)) return false;
        switch (d)
        {
            case float[] fd:
            {
                float[] fx = (float[])x, fy = (float[])y;
                for (var i = 0; i < fd.Length; i++) fd[i] = (float)Apply(op, fx[i], fy[i]);
                return true;
            }
            case double[] dd:
            {
                double[] dx = (double[])x, dy = (double[])y;
                for (var i = 0; i < dd.Length; i++) dd[i] = Apply(op, dx[i], dy[i]);
                return true;
            }
            default: return false;
        }
    }

    /// <summary>d = x op s (s op x when <paramref name="scalarFirst"/>); x² and x³ as the vectorised path computes them.</summary>
    public static bool TryScalar(Array x, double s, bool scalarFirst, Array d, BinaryOp op)
    {
        if (d.Length > MaxLength) return false;
        var power = op == BinaryOp.Pow && !scalarFirst && s is 2 or 3;
        if (!power && !Handles(op)) return false;
        switch (d)
        {
            case float[] fd:
            {
                var fx = (float[])x;
                var fs = (float)s;
                for (var i = 0; i < fd.Length; i++)
                {
                    fd[i] = power ? Power(fx[i], s == 3)
                        : (float)(scalarFirst ? Apply(op, fs, fx[i]) : Apply(op, fx[i], fs));
                }
                return true;
            }
            case double[] dd:
            {
                var dx = (double[])x;
                for (var i = 0; i < dd.Length; i++)
                {
                    dd[i] = power ? (s == 3 ? dx[i] * dx[i] * dx[i] : dx[i] * dx[i])
                        : scalarFirst ? Apply(op, s, dx[i]) : Apply(op, dx[i], s);
                }
                return true;
            }
            default: return false;
        }
    }

    /// <summary>x * scale * factor per element, rounded after each product as the vectorised kernel does.</summary>
    public static bool TryScaleThenMultiply(Array x, double scale, Array? factor, double factorValue, Array output)
    {
        if (output.Length > MaxLength) return false;
        switch (output)
        {
            case float[] fo:
            {
                var fx = (float[])x;
                var ff = (float[]?)factor;
                for (var i = 0; i < fo.Length; i++) fo[i] = (float)((double)(float)((double)fx[i] * (float)scale) * (ff is null ? (float)factorValue : ff[i]));
                return true;
            }
            case double[] dout:
            {
                var dx = (double[])x;
                var df = (double[]?)factor;
                for (var i = 0; i < dout.Length; i++) dout[i] = dx[i] * scale * (df is null ? factorValue : df[i]);
                return true;
            }
            default: return false;
        }
    }

    /// <summary>target += source element-wise, or += value when <paramref name="source"/> is null.</summary>
    public static bool TryAddInPlace(Array target, Array? source, double value)
    {
        if (target.Length > MaxLength) return false;
        switch (target)
        {
            case float[] f:
            {
                var s = (float[]?)source;
                for (var i = 0; i < f.Length; i++) f[i] = (float)((double)f[i] + (s is null ? (float)value : s[i]));
                return true;
            }
            case double[] d:
            {
                var s = (double[]?)source;
                for (var i = 0; i < d.Length; i++) d[i] += s is null ? value : s[i];
                return true;
            }
            default: return false;
        }
    }

    private static float Power(float x, bool cube)
    {
        var square = (float)((double)x * x);
        return cube ? (float)((double)square * x) : square;
    }

    private static bool Handles(BinaryOp op) =>
        op is BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Div or BinaryOp.Maximum or BinaryOp.Minimum;

    private static double Apply(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Sub => a - b,
        BinaryOp.Mul => a * b,
        BinaryOp.Div => a / b,
        // IEEE 754 maximum/minimum, as TensorPrimitives.Max/Min: NaN wins, +0 is above -0.
        BinaryOp.Maximum => Math.Max(a, b),
        _ => Math.Min(a, b),
    };
}
