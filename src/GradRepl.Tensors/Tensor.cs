using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Formatting;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

/// <summary>
/// An n-dimensional array with reverse-mode autograd, shaped like PyTorch's <c>torch.Tensor</c>.
/// Elements live in one contiguous row-major array (float[], double[], long[] or bool[] by dtype);
/// the garbage collector owns it, so a tensor never needs disposing.
/// </summary>
public sealed partial class Tensor
{
    /// <summary>Null only while a uniform tensor still holds just its one value (Tensor.Uniform.cs).</summary>
    private Array? _storage;

    /// <summary>
    /// The elements, row-major: float[] (float32), double[] (float64), long[] (int64) or bool[] (bool).
    /// Reading it gives a uniform tensor its full array; kernels that can use the single value ask
    /// <see cref="TryGetUniformValue"/> first.
    /// </summary>
    internal Array Storage => _storage ?? Materialize();

    /// <summary>Dimension sizes; empty for a 0-dim (scalar) tensor.</summary>
    internal readonly int[] Sizes;

    internal Tensor(Array storage, int[] sizes, ScalarType dtype)
    {
        _storage = storage;
        Sizes = sizes;
        Count = storage.Length;
        this.dtype = dtype;
    }

    internal static Tensor Of(float[] data, int[] sizes) => new(data, sizes, ScalarType.Float32);
    internal static Tensor Of(double[] data, int[] sizes) => new(data, sizes, ScalarType.Float64);
    internal static Tensor Of(long[] data, int[] sizes) => new(data, sizes, ScalarType.Int64);
    internal static Tensor Of(bool[] data, int[] sizes) => new(data, sizes, ScalarType.Bool);

    /// <summary>The element type.</summary>
    public ScalarType dtype { get; }

    /// <summary>The shape, printed as <c>torch.Size([...])</c>.</summary>
    public Size shape => new(Sizes);

    /// <summary>The shape (PyTorch's method spelling).</summary>
    public Size size() => shape;

    /// <summary>The size of one dimension; negative dims count from the end.</summary>
    public long size(int dim) => Sizes[Shapes.WrapDim(dim, Sizes.Length)];

    /// <summary>The number of dimensions.</summary>
    public long dim() => Sizes.Length;

    /// <summary>The number of dimensions (PyTorch's property spelling).</summary>
    public long ndim => Sizes.Length;

    /// <summary>The number of elements.</summary>
    public long numel() => Count;

    /// <summary>The number of elements (known without materialising a uniform tensor).</summary>
    internal int Count { get; }

    internal Span<float> F32 => (float[])Storage;
    internal Span<double> F64 => (double[])Storage;
    internal Span<long> I64 => (long[])Storage;
    internal Span<bool> B => (bool[])Storage;

    /// <summary>Element <paramref name="i"/> (row-major) widened to double.</summary>
    internal double GetAsDouble(int i) => Storage switch
    {
        float[] f => f[i],
        double[] d => d[i],
        long[] l => l[i],
        bool[] b => b[i] ? 1 : 0,
        _ => throw new InvalidOperationException("unknown storage"),
    };

    /// <summary>All elements widened to double, row-major.</summary>
    internal double[] ToDoubleArray()
    {
        switch (Storage)
        {
            case double[] d: return (double[])d.Clone();
            case float[] f: return (double[])Conversion.Convert(f, ScalarType.Float64);
            default:
            {
                var r = new double[Count];
                for (var i = 0; i < r.Length; i++) r[i] = GetAsDouble(i);
                return r;
            }
        }
    }

    /// <summary>The value of a one-element tensor as a double.</summary>
    public double item()
    {
        if (Count != 1) throw new ValueError("only one element tensors can be converted to Python scalars");
        return GetAsDouble(0);
    }

    /// <summary>The value of a one-element tensor as <typeparamref name="T"/> (float, double, long, int or bool).</summary>
    public T item<T>()
    {
        var v = item();
        object boxed = typeof(T) switch
        {
            var t when t == typeof(double) => v,
            var t when t == typeof(float) => (float)v,
            var t when t == typeof(long) => Storage is long[] l ? l[0] : (long)v,
            var t when t == typeof(int) => checked((int)(Storage is long[] l2 ? l2[0] : (long)v)),
            var t when t == typeof(bool) => v != 0,
            _ => throw new ArgumentException($"item<{typeof(T).Name}>() is not supported; use float, double, long, int or bool"),
        };
        return (T)boxed;
    }

    /// <summary>PyTorch's repr, byte for byte, e.g. <c>tensor(4., grad_fn=&lt;PowBackward0&gt;)</c>.</summary>
    public override string ToString()
    {
        // int64 from its own values: a double would round those above 2^53.
        if (Storage is long[] integers) return TensorPrinter.Repr(integers, shape.ToArray(), grad_fn?.name());
        // PyTorch prints requires_grad=True only on tensors without a grad_fn (leaves).
        return TensorPrinter.Repr(ToDoubleArray(), shape.ToArray(), dtype, requires_grad && grad_fn is null, grad_fn?.name());
    }
}
