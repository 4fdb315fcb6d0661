using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Uniform tensors: one floating-point value expanded to a shape, such as the gradient sum() and mean() hand
// back. PyTorch makes that expand a stride-0 view of the one element; here the tensor keeps just the value and
// builds its full array the first time anything reads Storage. Kernels with a scalar path (element-wise
// arithmetic, threshold_backward, in-place gradient sums) read the value instead, so a gradient of 1e6 ones
// costs nothing unless something really needs the array.
public sealed partial class Tensor
{
    /// <summary>The one value of a uniform tensor, as a one-element array of the storage type; null for other tensors.</summary>
    private readonly Array? _uniformValue;

    private Tensor(int[] sizes, ScalarType dtype, Array uniformValue)
    {
        _uniformValue = uniformValue;
        Sizes = sizes;
        Count = Shapes.Numel(sizes);
        this.dtype = dtype;
    }

    /// <summary>
    /// A tensor of <paramref name="sizes"/> whose every element is the one element of <paramref name="single"/>
    /// (a one-element or uniform floating-point tensor). The value is copied now, so later changes to
    /// <paramref name="single"/> do not show, just as with a full copy.
    /// </summary>
    internal static Tensor Uniform(Tensor single, int[] sizes)
    {
        var value = single._storage is null ? single._uniformValue! : single.Storage;
        if (value.Length != 1 || !single.dtype.IsFloatingPoint())
            throw new InvalidOperationException("a uniform tensor is made from one floating-point value");
        var n = Shapes.Numel(sizes);
        if (n >= 2) return new Tensor(sizes, single.dtype, (Array)value.Clone());
        // Nothing to save for zero or one element: an ordinary array.
        var data = Conversion.Uninitialized(single.dtype, n);
        Array.Copy(value, data, n);
        return new Tensor(data, sizes, single.dtype);
    }

    /// <summary>True while this tensor holds only its one value (it is uniform and nothing has read Storage yet).</summary>
    internal bool IsUniform => _storage is null;

    /// <summary>The value of every element, if this tensor is still uniform (never materialises it).</summary>
    internal bool TryGetUniformValue(out double value)
    {
        switch (_storage is null ? _uniformValue : null)
        {
            case float[] f: value = f[0]; return true;
            case double[] d: value = d[0]; return true;
            default: value = 0; return false;
        }
    }

    /// <summary>The one value as a 0-dim tensor, for computing an element-wise op once; null unless uniform.</summary>
    internal Tensor? UniformValueTensor() => _storage is null ? new Tensor((Array)_uniformValue!.Clone(), [], dtype) : null;

    /// <summary>
    /// Whether the two tensors hold the same elements array, asked without materialising either: a uniform
    /// tensor's array does not exist yet, so it shares with nothing but itself.
    /// </summary>
    internal bool SharesStorageWith(Tensor other) => ReferenceEquals(_storage ?? (object)this, other._storage ?? (object)other);

    /// <summary>Builds the full array of a uniform tensor on the first read of Storage; every later read gets the same array.</summary>
    private Array Materialize()
    {
        var data = Conversion.Uninitialized(dtype, Count);
        switch (_uniformValue)
        {
            case float[] f: Conversion.Fill((float[])data, f[0]); break;
            case double[] d: Conversion.Fill((double[])data, d[0]); break;
            default: throw new InvalidOperationException("only a uniform tensor lacks its array");
        }
        // Publish once: a second reader racing this one must see the same array, not a copy of its own.
        return Interlocked.CompareExchange(ref _storage, data, null) ?? data;
    }
}
