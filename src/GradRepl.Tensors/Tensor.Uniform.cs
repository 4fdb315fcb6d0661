using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Uniform tensors: one floating-point value expanded to a shape, such as the gradient sum() and mean() hand
// back. PyTorch makes that expand a stride-0 view of the one element; here the storage keeps just the value
// and builds its full array the first time anything reads the elements (TensorStorage). Kernels with a scalar
// path (element-wise arithmetic, threshold_backward, in-place gradient sums) read the value instead, so a
// gradient of 1e6 ones costs nothing unless something really needs the array.
public partial class Tensor
{
    private Tensor(int[] sizes, ScalarType dtype, Array uniformValue)
    {
        Sizes = sizes;
        _strides = Shapes.Strides(sizes);
        _isPlain = true;
        Count = Shapes.Numel(sizes);
        _storage = new TensorStorage(uniformValue, Count, dtype);
        this.dtype = dtype;
    }

    /// <summary>
    /// A tensor of <paramref name="sizes"/> whose every element is the one element of <paramref name="single"/>
    /// (a one-element or uniform floating-point tensor). The value is copied now, so later changes to
    /// <paramref name="single"/> do not show, just as with a full copy.
    /// </summary>
    internal static Tensor Uniform(Tensor single, int[] sizes)
    {
        var value = single.UniformValue ?? single.Storage;
        if (value.Length != 1 || !single.dtype.IsFloatingPoint())
            throw new InvalidOperationException("a uniform tensor is made from one floating-point value");
        var n = Shapes.Numel(sizes);
        if (n >= 2) return new Tensor(sizes, single.dtype, (Array)value.Clone());
        // Nothing to save for zero or one element: an ordinary array.
        var data = Conversion.Uninitialized(single.dtype, n);
        Array.Copy(value, data, n);
        return new Tensor(data, sizes, single.dtype);
    }

    /// <summary>The one value while this tensor is uniform (a plain view of a storage not yet built); else null.</summary>
    private Array? UniformValue => _isPlain ? _storage.UniformValue : null;

    /// <summary>True while this tensor holds only its one value (it is uniform and nothing has read Storage yet).</summary>
    internal bool IsUniform => UniformValue is not null;

    /// <summary>The value of every element, if this tensor is still uniform (never materialises it).</summary>
    internal bool TryGetUniformValue(out double value)
    {
        switch (UniformValue)
        {
            case float[] f: value = f[0]; return true;
            case double[] d: value = d[0]; return true;
            default: value = 0; return false;
        }
    }

    /// <summary>The one value as a 0-dim tensor, for computing an element-wise op once; null unless uniform.</summary>
    internal Tensor? UniformValueTensor() => UniformValue is { } value ? new Tensor((Array)value.Clone(), [], dtype) : null;

    /// <summary>
    /// Whether the two tensors are views of one storage, or of one elements array wrapped twice (asked without
    /// building a uniform storage's array).
    /// </summary>
    internal bool SharesStorageWith(Tensor other)
        => ReferenceEquals(_storage, other._storage) || (_storage.BuiltData is { } data && ReferenceEquals(data, other._storage.BuiltData));
}
