using System.Numerics.Tensors;

namespace GradRepl.Tensors.Kernels;

/// <summary>Casts between storage types with PyTorch's rules (float to int truncates toward zero; nonzero is true).</summary>
internal static class Conversion
{
    /// <summary>
    /// Up to this many elements float/double conversions take a plain loop. It is exact either way, and a loop over a
    /// few thousand elements costs microseconds, less than having the JIT compile TensorPrimitives' conversion (a dozen
    /// methods, which precompiled code cannot hold) in a short run such as a lesson that plots 1,000 points.
    /// </summary>
    internal const int PlainLoopMaxLength = 4096;

    public static Array Convert(Array source, ScalarType to)
    {
        switch (source, to)
        {
            case (float[] f, ScalarType.Float32): return f;
            case (double[] d, ScalarType.Float64): return d;
            case (long[] l, ScalarType.Int64): return l;
            case (bool[] b, ScalarType.Bool): return b;
            case (float[] f, ScalarType.Float64):
            {
                var r = new double[f.Length];
                // Exact either way; the plain loop is precompiled.
                if (f.Length <= PlainLoopMaxLength) for (var i = 0; i < f.Length; i++) r[i] = f[i];
                else TensorPrimitives.ConvertChecked<float, double>(f, r);
                return r;
            }
            case (double[] d, ScalarType.Float32):
            {
                var r = new float[d.Length];
                // Round to nearest either way.
                if (d.Length <= PlainLoopMaxLength) for (var i = 0; i < d.Length; i++) r[i] = (float)d[i];
                else TensorPrimitives.ConvertTruncating<double, float>(d, r);
                return r;
            }
        }
        var n = source.Length;
        switch (to)
        {
            case ScalarType.Float32:
            {
                var r = new float[n];
                // long -> float directly: going through double could round twice.
                if (source is long[] ls) for (var i = 0; i < n; i++) r[i] = ls[i];
                else for (var i = 0; i < n; i++) r[i] = (float)ElementAsDouble(source, i);
                return r;
            }
            case ScalarType.Float64:
            {
                var r = new double[n];
                for (var i = 0; i < n; i++) r[i] = ElementAsDouble(source, i);
                return r;
            }
            case ScalarType.Int64:
            {
                var r = new long[n];
                switch (source)
                {
                    case float[] f: for (var i = 0; i < n; i++) r[i] = (long)f[i]; break;
                    case double[] d: for (var i = 0; i < n; i++) r[i] = (long)d[i]; break;
                    case bool[] b: for (var i = 0; i < n; i++) r[i] = b[i] ? 1 : 0; break;
                }
                return r;
            }
            default:
            {
                var r = new bool[n];
                for (var i = 0; i < n; i++) r[i] = ElementAsDouble(source, i) != 0;
                return r;
            }
        }
    }

    private static double ElementAsDouble(Array source, int i) => source switch
    {
        float[] f => f[i],
        double[] d => d[i],
        long[] l => l[i],
        bool[] b => b[i] ? 1 : 0,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>An array of <paramref name="n"/> copies of <paramref name="value"/> in the storage type of <paramref name="dtype"/>.</summary>
    public static Array Filled(ScalarType dtype, int n, double value)
    {
        if (value == 0) return NewStorage(dtype, n);
        var r = Uninitialized(dtype, n);
        Fill(r, value);
        return r;
    }

    /// <summary>Storage for a kernel that writes every element: skips zeroing, which costs as much as a pass over 4 MB.</summary>
    public static Array Uninitialized(ScalarType dtype, int n) => dtype switch
    {
        ScalarType.Float32 => UninitializedArray<float>(n),
        ScalarType.Float64 => UninitializedArray<double>(n),
        ScalarType.Int64 => UninitializedArray<long>(n),
        _ => UninitializedArray<bool>(n),
    };

    /// <summary>
    /// An array whose elements the caller will all write. Small ones are zeroed as usual: that costs nothing at this
    /// size, and the runtime's call for an uninitialised array goes through a stub the JIT compiles in every process.
    /// </summary>
    public static T[] UninitializedArray<T>(int n) => n <= PlainLoopMaxLength ? new T[n] : GC.AllocateUninitializedArray<T>(n);

    /// <summary>
    /// Every element set to <paramref name="value"/>. A plain loop for small arrays: Array.Fill's vectorised code is
    /// JIT-compiled in every process (precompiled code cannot know the vector width), which costs more than the loop.
    /// </summary>
    public static void Fill<T>(T[] array, T value) => Fill(array, value, 0, array.Length);

    /// <summary><see cref="Fill{T}(T[], T)"/> for <paramref name="count"/> elements from <paramref name="start"/>.</summary>
    public static void Fill<T>(T[] array, T value, int start, int count)
    {
        if (count > PlainLoopMaxLength)
        {
            Array.Fill(array, value, start, count);
            return;
        }
        for (var i = start; i < start + count; i++) array[i] = value;
    }

    /// <summary>Every element of a storage array set to <paramref name="value"/> in its element type (bool: nonzero is true).</summary>
    public static void Fill(Array storage, double value)
    {
        switch (storage)
        {
            case float[] f: Fill(f, (float)value); break;
            case double[] d: Fill(d, value); break;
            case long[] l: Fill(l, (long)value); break;
            case bool[] b: Fill(b, value != 0); break;
        }
    }

    /// <summary>Zeroed storage.</summary>
    public static Array NewStorage(ScalarType dtype, int n) => dtype switch
    {
        ScalarType.Float32 => new float[n],
        ScalarType.Float64 => new double[n],
        ScalarType.Int64 => new long[n],
        _ => new bool[n],
    };
}
