using GradRepl.Tensors.Kernels;
using GradRepl.Tensors.Random;

namespace GradRepl.Tensors;

// Factories. As in PyTorch, floating-point values default to float32 and integers to int64.
public static partial class torch
{
    /// <summary>A 0-dim tensor; a C# double gives float32, as a Python float does.</summary>
    public static Tensor tensor(double value, ScalarType? dtype = null, bool requires_grad = false)
        => Make(new[] { value }, [], dtype ?? float32, requires_grad);

    /// <summary>A 0-dim float32 tensor.</summary>
    public static Tensor tensor(float value, ScalarType? dtype = null, bool requires_grad = false)
        => Make(new[] { value }, [], dtype ?? float32, requires_grad);

    /// <summary>A 0-dim int64 tensor.</summary>
    public static Tensor tensor(long value, ScalarType? dtype = null, bool requires_grad = false)
        => Make(new[] { value }, [], dtype ?? int64, requires_grad);

    /// <summary>A 0-dim int64 tensor.</summary>
    public static Tensor tensor(int value, ScalarType? dtype = null, bool requires_grad = false)
        => Make(new[] { (long)value }, [], dtype ?? int64, requires_grad);

    /// <summary>A 0-dim bool tensor.</summary>
    public static Tensor tensor(bool value, ScalarType? dtype = null, bool requires_grad = false)
        => Make(new[] { value }, [], dtype ?? @bool, requires_grad);

    /// <summary>A 1-D tensor (float32 unless a dtype is given).</summary>
    public static Tensor tensor(double[] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make((double[])values.Clone(), [values.Length], dtype ?? float32, requires_grad);

    /// <summary>A 2-D tensor (float32 unless a dtype is given).</summary>
    public static Tensor tensor(double[,] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make(values.Cast<double>().ToArray(), [values.GetLength(0), values.GetLength(1)], dtype ?? float32, requires_grad);

    /// <summary>A 3-D tensor (float32 unless a dtype is given).</summary>
    public static Tensor tensor(double[,,] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make(values.Cast<double>().ToArray(), [values.GetLength(0), values.GetLength(1), values.GetLength(2)], dtype ?? float32, requires_grad);

    /// <summary>A 1-D float32 tensor.</summary>
    public static Tensor tensor(float[] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make((float[])values.Clone(), [values.Length], dtype ?? float32, requires_grad);

    /// <summary>A 2-D float32 tensor.</summary>
    public static Tensor tensor(float[,] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make(values.Cast<float>().ToArray(), [values.GetLength(0), values.GetLength(1)], dtype ?? float32, requires_grad);

    /// <summary>A 1-D int64 tensor.</summary>
    public static Tensor tensor(long[] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make((long[])values.Clone(), [values.Length], dtype ?? int64, requires_grad);

    /// <summary>A 2-D int64 tensor.</summary>
    public static Tensor tensor(long[,] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make(values.Cast<long>().ToArray(), [values.GetLength(0), values.GetLength(1)], dtype ?? int64, requires_grad);

    /// <summary>A 1-D int64 tensor.</summary>
    public static Tensor tensor(int[] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make(Array.ConvertAll(values, v => (long)v), [values.Length], dtype ?? int64, requires_grad);

    /// <summary>A 2-D int64 tensor.</summary>
    public static Tensor tensor(int[,] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make(values.Cast<int>().Select(v => (long)v).ToArray(), [values.GetLength(0), values.GetLength(1)], dtype ?? int64, requires_grad);

    /// <summary>A 1-D bool tensor.</summary>
    public static Tensor tensor(bool[] values, ScalarType? dtype = null, bool requires_grad = false)
        => Make((bool[])values.Clone(), [values.Length], dtype ?? @bool, requires_grad);

    /// <summary>
    /// <paramref name="steps"/> evenly spaced values from <paramref name="start"/> to <paramref name="end"/> inclusive,
    /// computed in the result dtype exactly as PyTorch does (so float32 values match PyTorch's bit for bit).
    /// </summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, bool requires_grad = false)
    {
        if (steps < 0) throw new RuntimeError("number of steps must be non-negative");
        var n = checked((int)steps);
        var type = dtype ?? float32;
        Array data = type == float32 ? Linspace.Float32((float)start, (float)end, n)
            : Conversion.Convert(Linspace.Float64(start, end, n), type);
        return Make(data, [n], type, requires_grad);
    }

    /// <summary>0, 1, ..., end-1 as int64.</summary>
    public static Tensor arange(long end, ScalarType? dtype = null, bool requires_grad = false) => arange(0, end, 1, dtype, requires_grad);

    /// <summary>start, start+step, ... below end as int64 (when all three are integers).</summary>
    public static Tensor arange(long start, long end, long step = 1, ScalarType? dtype = null, bool requires_grad = false)
    {
        if (step == 0) throw new RuntimeError("step must be nonzero");
        var count = RangeCount(start, end, step);
        var values = new long[count];
        for (var i = 0; i < count; i++) values[i] = start + i * step;
        return Make(values, [count], dtype ?? int64, requires_grad);
    }

    /// <summary>start, start+step, ... below end; float32 unless a dtype is given.</summary>
    public static Tensor arange(double start, double end, double step = 1, ScalarType? dtype = null, bool requires_grad = false)
    {
        if (step == 0) throw new RuntimeError("step must be nonzero");
        var count = RangeCount(start, end, step);
        var values = new double[count];
        for (var i = 0; i < count; i++) values[i] = start + i * step;
        var type = dtype ?? float32;
        return Make(Conversion.Convert(values, type), [count], type, requires_grad);
    }

    private static int RangeCount(double start, double end, double step)
    {
        if (step > 0 ? start > end : start < end)
            throw new RuntimeError("upper bound and larger bound inconsistent with step sign");
        return checked((int)Math.Ceiling((end - start) / step));
    }

    /// <summary>Zeros of the given shape (float32).</summary>
    public static Tensor zeros(params long[] size) => full(size, 0.0);

    /// <summary>Zeros of the given shape and dtype.</summary>
    public static Tensor zeros(long[] size, ScalarType? dtype = null, bool requires_grad = false) => full(size, 0.0, dtype, requires_grad);

    /// <summary>Ones of the given shape (float32).</summary>
    public static Tensor ones(params long[] size) => full(size, 1.0);

    /// <summary>Ones of the given shape and dtype.</summary>
    public static Tensor ones(long[] size, ScalarType? dtype = null, bool requires_grad = false) => full(size, 1.0, dtype, requires_grad);

    /// <summary>A tensor of <paramref name="size"/> filled with <paramref name="fill_value"/>.</summary>
    public static Tensor full(long[] size, double fill_value, ScalarType? dtype = null, bool requires_grad = false)
    {
        var sizes = CheckSizes(size);
        var type = dtype ?? float32;
        return Make(Conversion.Filled(type, Shapes.Numel(sizes), fill_value), sizes, type, requires_grad);
    }

    /// <summary>Zeros shaped and typed like <paramref name="input"/>.</summary>
    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false)
        => full(input.shape, 0.0, dtype ?? input.dtype, requires_grad);

    /// <summary>Ones shaped and typed like <paramref name="input"/>.</summary>
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false)
        => full(input.shape, 1.0, dtype ?? input.dtype, requires_grad);

    /// <summary>A value filled to the shape and dtype of <paramref name="input"/>.</summary>
    public static Tensor full_like(Tensor input, double fill_value, ScalarType? dtype = null, bool requires_grad = false)
        => full(input.shape, fill_value, dtype ?? input.dtype, requires_grad);

    [ThreadStatic] private static MersenneTwister? t_generator;

    private static MersenneTwister Generator => t_generator ??= new MersenneTwister(67280421310721UL);

    /// <summary>Seeds the random generator; the same seed gives the same <c>rand</c> numbers as PyTorch's CPU generator.</summary>
    public static void manual_seed(long seed) => t_generator = new MersenneTwister(unchecked((ulong)seed));

    /// <summary>Uniform random numbers in [0, 1).</summary>
    public static Tensor rand(params long[] size) => rand(size, null);

    /// <summary>Uniform random numbers in [0, 1) of a given dtype.</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, bool requires_grad = false)
    {
        var sizes = CheckSizes(size);
        var n = Shapes.Numel(sizes);
        var type = dtype ?? float32;
        var gen = Generator;
        Array data;
        if (type == float64)
        {
            var d = new double[n];
            for (var i = 0; i < n; i++) d[i] = gen.NextDouble();
            data = d;
        }
        else
        {
            var f = new float[n];
            for (var i = 0; i < n; i++) f[i] = gen.NextFloat();
            data = f;
        }
        return Make(data, sizes, type, requires_grad);
    }

    /// <summary>Standard normal random numbers; a seeded generator gives PyTorch's numbers.</summary>
    public static Tensor randn(params long[] size) => randn(size, null);

    /// <summary>Standard normal random numbers of a given dtype.</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, bool requires_grad = false)
    {
        var sizes = CheckSizes(size);
        var n = Shapes.Numel(sizes);
        var type = dtype ?? float32;
        Array data;
        if (type == float64)
        {
            var d = new double[n];
            NormalDistribution.Fill(d, Generator);
            data = d;
        }
        else
        {
            var f = new float[n];
            NormalDistribution.Fill(f, Generator);
            data = f;
        }
        return Make(data, sizes, type, requires_grad);
    }

    private static int[] CheckSizes(long[] size)
    {
        var sizes = new int[size.Length];
        for (var i = 0; i < size.Length; i++)
        {
            if (size[i] < 0) throw new RuntimeError($"Trying to create tensor with negative dimension {size[i]}: [{string.Join(", ", size)}]");
            sizes[i] = checked((int)size[i]);
        }
        return sizes;
    }

    private static Tensor Make(Array data, int[] sizes, ScalarType dtype, bool requiresGrad)
    {
        var t = new Tensor(Conversion.Convert(data, dtype), sizes, dtype);
        if (requiresGrad) t.requires_grad = true;
        return t;
    }
}
