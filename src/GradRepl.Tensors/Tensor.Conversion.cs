using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Casts, copies and copying the elements out to .NET arrays and lists.
public partial class Tensor
{
    /// <summary>This tensor in another dtype (itself when the dtype already matches).</summary>
    public Tensor to(ScalarType dtype)
    {
        if (dtype == this.dtype) return this;
        var result = new Tensor(Conversion.Convert(Storage, dtype), Sizes, dtype);
        if (!Recorder.ShouldRecord(this) || !dtype.IsFloatingPoint()) return result;
        var original = this.dtype;
        return Recorder.Record(result, "ToCopyBackward0", [this], false, (g, _) => [g.to(original)]);
    }

    /// <summary>As float32.</summary>
    public Tensor @float() => to(ScalarType.Float32);

    /// <summary>As float64.</summary>
    public Tensor @double() => to(ScalarType.Float64);

    /// <summary>As int64 (floats truncate toward zero).</summary>
    public Tensor @long() => to(ScalarType.Int64);

    /// <summary>As bool (nonzero is true).</summary>
    public Tensor @bool() => to(ScalarType.Bool);

    /// <summary>A copy with its own storage; gradients flow back through it.</summary>
    public Tensor clone()
    {
        var result = new Tensor((Array)Storage.Clone(), Sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, "CloneBackward0", [this], false, (g, _) => [g]);
    }

    /// <summary>
    /// The elements copied into a .NET array of this tensor's rank and element type (float[], double[,], ...),
    /// like PyTorch's <c>numpy()</c>; a 0-dim tensor gives a one-element array, which <see cref="ZeroDimArrays"/> knows
    /// (so <c>print</c> shows it as NumPy shows a 0-d array).
    /// </summary>
    public Array numpy()
    {
        if (requires_grad) throw new RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
        if (Sizes.Length == 0) return ZeroDimArrays.Mark((Array)Storage.Clone());
        if (Sizes.Length <= 1) return (Array)Storage.Clone();
        var elementType = Storage.GetType().GetElementType()!;
        var result = Array.CreateInstance(elementType, Sizes);
        // A multi-dimensional .NET array is row-major like the storage: copy the bytes across.
        Buffer.BlockCopy(Storage, 0, result, 0, Buffer.ByteLength(Storage));
        return result;
    }

    /// <summary>The elements as doubles in a flat row-major array (handy for plotting).</summary>
    public double[] ToArray() => ToDoubleArray();

    /// <summary>
    /// The elements as nested lists, like PyTorch's <c>tolist()</c>: a 0-dim tensor gives its value (double, long or bool),
    /// a 1-D tensor a List&lt;double&gt; (or long/bool), deeper tensors lists of those.
    /// </summary>
    public object tolist() => ToList(0, 0);

    private object ToList(int dim, int offset)
    {
        if (Sizes.Length == 0) return BoxedElement(0);
        var size = Sizes[dim];
        var stride = 1;
        for (var d = dim + 1; d < Sizes.Length; d++) stride *= Sizes[d];
        if (dim == Sizes.Length - 1)
        {
            return Storage switch
            {
                float[] f => f.AsSpan(offset, size).ToArray().Select(v => (double)v).ToList(),
                double[] d => d.AsSpan(offset, size).ToArray().ToList(),
                long[] l => l.AsSpan(offset, size).ToArray().ToList(),
                bool[] b => (object)b.AsSpan(offset, size).ToArray().ToList(),
                _ => throw new InvalidOperationException(),
            };
        }
        var rows = new List<object>(size);
        for (var i = 0; i < size; i++) rows.Add(ToList(dim + 1, offset + i * stride));
        return rows;
    }

    private object BoxedElement(int i) => Storage switch
    {
        long[] l => l[i],
        bool[] b => b[i],
        _ => GetAsDouble(i),
    };
}

public partial class Tensor
{
    /// <summary>An empty float32 tensor (stands in for freed saved tensors).</summary>
    internal static readonly Tensor Empty = new(Array.Empty<float>(), [0], ScalarType.Float32);

    /// <summary>Ones with the shape and dtype of <paramref name="t"/>.</summary>
    internal static Tensor OnesLike(Tensor t) => new(Conversion.Filled(t.dtype, t.Count, 1), t.Sizes, t.dtype);
}
