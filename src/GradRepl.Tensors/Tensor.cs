using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Formatting;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

/// <summary>
/// An n-dimensional array with reverse-mode autograd, shaped like PyTorch's <c>torch.Tensor</c>.
/// A tensor is a view of a storage (float[], double[], long[] or bool[] by dtype): an offset, sizes and
/// strides, so slicing, <c>view</c>, <c>t()</c>, <c>detach()</c> and <c>.data</c> share elements as in PyTorch.
/// The garbage collector owns the storage, so a tensor never needs disposing.
/// </summary>
// Not sealed only so that torch.nn's Parameter can be a Tensor (as in PyTorch and TorchSharp): optimizers take
// IEnumerable<Tensor> and a module's parameters() is one. Every constructor is internal or private protected, so
// no type outside this assembly can derive from it.
public partial class Tensor
{
    /// <summary>The elements this tensor views (shared with every view of it).</summary>
    private TensorStorage _storage;

    /// <summary>Where element [0, 0, ...] sits in the storage.</summary>
    private int _offset;

    /// <summary>How far apart in the storage consecutive indices of each dimension are.</summary>
    private int[] _strides;

    /// <summary>True when the storage holds exactly this tensor's elements, row-major from 0 (the fast path).</summary>
    private bool _isPlain;

    /// <summary>
    /// The elements, contiguous and row-major: float[] (float32), double[] (float64), long[] (int64) or bool[] (bool).
    /// For a plain tensor this is the storage itself; for any other view it is a fresh copy, so it is for reading
    /// only: writes go through <see cref="WriteElements"/>. Reading it gives a uniform tensor its full array;
    /// kernels that can use the single value ask <see cref="TryGetUniformValue"/> first.
    /// </summary>
    internal Array Storage => _isPlain ? _storage.Data : Strided.Gather(_storage.Data, _offset, Sizes, _strides);

    /// <summary>Dimension sizes; empty for a 0-dim (scalar) tensor.</summary>
    internal int[] Sizes;

    internal Tensor(Array storage, int[] sizes, ScalarType dtype)
    {
        _storage = new TensorStorage(storage);
        Sizes = sizes;
        _strides = Shapes.Strides(sizes);
        Count = storage.Length;
        _isPlain = true;
        this.dtype = dtype;
    }

    /// <summary>A view of all of <paramref name="source"/>'s elements, sharing its storage (no autograd): a Parameter's start.</summary>
    private protected Tensor(Tensor source) : this(source, source._offset, source.Sizes, source._strides)
    {
    }

    /// <summary>A view of <paramref name="source"/>'s storage with its own geometry (no autograd).</summary>
    private Tensor(Tensor source, int offset, int[] sizes, int[] strides)
    {
        _storage = source._storage;
        _offset = offset;
        Sizes = sizes;
        _strides = strides;
        Count = Shapes.Numel(sizes);
        _isPlain = offset == 0 && Count == _storage.Length && Geometry.IsContiguous(sizes, strides);
        dtype = source.dtype;
    }

    internal static Tensor Of(float[] data, int[] sizes) => new(data, sizes, ScalarType.Float32);
    internal static Tensor Of(double[] data, int[] sizes) => new(data, sizes, ScalarType.Float64);
    internal static Tensor Of(long[] data, int[] sizes) => new(data, sizes, ScalarType.Int64);
    internal static Tensor Of(bool[] data, int[] sizes) => new(data, sizes, ScalarType.Bool);

    /// <summary>The element type.</summary>
    public ScalarType dtype { get; private set; }

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
    internal int Count { get; private set; }

    // The elements for reading, row-major (a slice of the storage when the view is contiguous, else a copy).
    internal Span<float> F32 => ContiguousSpan<float>();
    internal Span<double> F64 => ContiguousSpan<double>();
    internal Span<long> I64 => ContiguousSpan<long>();
    internal Span<bool> B => ContiguousSpan<bool>();

    private Span<T> ContiguousSpan<T>() => _isPlain || !IsContiguousView
        ? (T[])Storage
        : ((T[])_storage.Data).AsSpan(_offset, Count);

    /// <summary>Whether the storage holds exactly this tensor's elements, row-major from 0 (so <see cref="Storage"/> is the storage itself).</summary>
    internal bool IsPlain => _isPlain;

    /// <summary>Whether the elements sit row-major and side by side in the storage (at any offset).</summary>
    private bool IsContiguousView => _isPlain || Geometry.IsContiguous(Sizes, _strides);

    /// <summary>Element <paramref name="i"/> (row-major) widened to double.</summary>
    internal double GetAsDouble(int i) => (_isPlain ? Storage : _storage.Data) switch
    {
        _ when !_isPlain => ElementAt(Strided.Position(i, _offset, Sizes, _strides)),
        float[] f => f[i],
        double[] d => d[i],
        long[] l => l[i],
        bool[] b => b[i] ? 1 : 0,
        _ => throw new InvalidOperationException("unknown storage"),
    };

    /// <summary>The storage element at <paramref name="position"/> widened to double.</summary>
    private double ElementAt(int position) => _storage.Data switch
    {
        float[] f => f[position],
        double[] d => d[position],
        long[] l => l[position],
        bool[] b => b[position] ? 1 : 0,
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
