using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

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

    /// <summary>0, 1, ... below <paramref name="end"/>; float32 unless a dtype is given (<c>torch.arange(4.0)</c>).</summary>
    public static Tensor arange(double end, ScalarType? dtype = null, bool requires_grad = false) => arange(0.0, end, 1.0, dtype, requires_grad);

    /// <summary>start, start+step, ... below end as int64 (when all three are integers).</summary>
    public static Tensor arange(long start, long end, long step = 1, ScalarType? dtype = null, bool requires_grad = false)
    {
        if (dtype is { } t && t.IsFloatingPoint()) return arange((double)start, end, step, dtype, requires_grad);
        if (step == 0) throw new RuntimeError("step must be nonzero");
        var count = RangeCount(start, end, step);
        var values = new long[count];
        for (var i = 0; i < count; i++) values[i] = start + i * step;
        return Make(values, [count], dtype ?? int64, requires_grad);
    }

    /// <summary>start, start+step, ... below end; float32 unless a dtype is given, with PyTorch's exact values.</summary>
    public static Tensor arange(double start, double end, double step = 1, ScalarType? dtype = null, bool requires_grad = false)
    {
        if (step == 0) throw new RuntimeError("step must be nonzero");
        var count = RangeCount(start, end, step);
        var type = dtype ?? float32;
        Array data = type switch
        {
            ScalarType.Float32 => Arange.Float32(start, step, count),
            ScalarType.Float64 => Arange.Float64(start, step, count),
            // integer results are computed in int64 from the truncated start and step, as PyTorch's int64 kernel does
            _ => Enumerable.Range(0, count).Select(i => (long)start + (long)step * i).ToArray(),
        };
        return Make(data, [count], type, requires_grad);
    }

    private static int RangeCount(double start, double end, double step)
    {
        if (!double.IsFinite(start) || !double.IsFinite(end)) throw new RuntimeError($"unsupported range: {start} -> {end}");
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

    /// <summary>Zeros of shape [size0] (float32 unless a dtype is given).</summary>
    public static Tensor zeros(long size0, ScalarType? dtype = null, bool requires_grad = false) => zeros([size0], dtype, requires_grad);

    /// <summary>Zeros of shape [size0, size1]: <c>torch.zeros(20, 2)</c>.</summary>
    public static Tensor zeros(long size0, long size1, ScalarType? dtype = null, bool requires_grad = false) => zeros([size0, size1], dtype, requires_grad);

    /// <summary>Zeros of shape [size0, size1, size2].</summary>
    public static Tensor zeros(long size0, long size1, long size2, ScalarType? dtype = null, bool requires_grad = false) => zeros([size0, size1, size2], dtype, requires_grad);

    /// <summary>Ones of shape [size0] (float32 unless a dtype is given).</summary>
    public static Tensor ones(long size0, ScalarType? dtype = null, bool requires_grad = false) => ones([size0], dtype, requires_grad);

    /// <summary>Ones of shape [size0, size1]: <c>torch.ones(2, 2, dtype: torch.float64)</c>.</summary>
    public static Tensor ones(long size0, long size1, ScalarType? dtype = null, bool requires_grad = false) => ones([size0, size1], dtype, requires_grad);

    /// <summary>Ones of shape [size0, size1, size2].</summary>
    public static Tensor ones(long size0, long size1, long size2, ScalarType? dtype = null, bool requires_grad = false) => ones([size0, size1, size2], dtype, requires_grad);

    /// <summary>A tensor of the given shape whose values are unspecified (here: zeros, where PyTorch leaves memory as it finds it).</summary>
    public static Tensor empty(params long[] size) => zeros(size, null);

    /// <summary>A tensor of the given shape and dtype with unspecified values (here: zeros).</summary>
    public static Tensor empty(long[] size, ScalarType? dtype = null, bool requires_grad = false) => zeros(size, dtype, requires_grad);

    /// <summary>A tensor of shape [size0] with unspecified values (here: zeros).</summary>
    public static Tensor empty(long size0, ScalarType? dtype = null, bool requires_grad = false) => zeros([size0], dtype, requires_grad);

    /// <summary>A tensor of shape [size0, size1] with unspecified values (here: zeros).</summary>
    public static Tensor empty(long size0, long size1, ScalarType? dtype = null, bool requires_grad = false) => zeros([size0, size1], dtype, requires_grad);

    /// <summary>A tensor of shape [size0, size1, size2] with unspecified values (here: zeros).</summary>
    public static Tensor empty(long size0, long size1, long size2, ScalarType? dtype = null, bool requires_grad = false) => zeros([size0, size1, size2], dtype, requires_grad);

    /// <summary>An uninitialised tensor shaped like <paramref name="input"/> (here: zeros).</summary>
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false) => zeros_like(input, dtype, requires_grad);

    /// <summary>A tensor of <paramref name="size"/> filled with an integer: int64 unless a dtype is given, as in PyTorch.</summary>
    public static Tensor full(long[] size, long fill_value, ScalarType? dtype = null, bool requires_grad = false)
        => full(size, (double)fill_value, dtype ?? int64, requires_grad);

    /// <summary>A tensor of <paramref name="size"/> filled with a bool: a bool tensor unless a dtype is given.</summary>
    public static Tensor full(long[] size, bool fill_value, ScalarType? dtype = null, bool requires_grad = false)
        => full(size, fill_value ? 1.0 : 0.0, dtype ?? @bool, requires_grad);

    /// <summary>A 2-D tensor with ones on the diagonal and zeros elsewhere; <paramref name="m"/> columns (-1: as many as rows).</summary>
    public static Tensor eye(long n, long m = -1, ScalarType? dtype = null, bool requires_grad = false)
    {
        if (n < 0) throw new RuntimeError($"n must be greater or equal to 0, got {n}");
        if (m == -1) m = n;
        if (m < 0) throw new RuntimeError($"m must be greater or equal to 0, got {m}");
        var (rows, columns) = (checked((int)n), checked((int)m));
        var values = new double[rows * columns];
        for (var i = 0; i < Math.Min(rows, columns); i++) values[i * columns + i] = 1;
        return Make(values, [rows, columns], dtype ?? float32, requires_grad);
    }

    /// <summary>A 1-D tensor from a list (float32 unless a dtype is given).</summary>
    public static Tensor tensor(IList<double> values, ScalarType? dtype = null, bool requires_grad = false)
        => Make(values.ToArray(), [values.Count], dtype ?? float32, requires_grad);

    /// <summary>A 1-D int64 tensor from a list.</summary>
    public static Tensor tensor(IList<long> values, ScalarType? dtype = null, bool requires_grad = false)
        => Make(values.ToArray(), [values.Count], dtype ?? int64, requires_grad);

    /// <summary>A 2-D tensor from rows of equal length (float32 unless a dtype is given).</summary>
    public static Tensor tensor(double[][] values, ScalarType? dtype = null, bool requires_grad = false)
    {
        var columns = values.Length == 0 ? 0 : values[0].Length;
        var data = new double[values.Length * columns];
        for (var r = 0; r < values.Length; r++)
        {
            if (values[r].Length != columns)
                throw new ValueError($"expected sequence of length {columns} at dim 1 (got {values[r].Length})");
            values[r].CopyTo(data, r * columns);
        }
        return Make(data, [values.Length, columns], dtype ?? float32, requires_grad);
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
        if (requiresGrad && !dtype.IsFloatingPoint()) throw new RuntimeError(Messages.FactoryOnlyFloatCanRequireGrad);
        var t = new Tensor(Conversion.Convert(data, dtype), sizes, dtype);
        if (requiresGrad) t.requires_grad = true;
        return t;
    }
}
