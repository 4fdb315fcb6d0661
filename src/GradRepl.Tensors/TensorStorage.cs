using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

/// <summary>
/// The elements a tensor and all its views share (PyTorch's Storage), with the version counter that every
/// in-place write bumps, so backward can tell when a tensor it saved has changed since. A uniform storage
/// (one value repeated, Tensor.Uniform.cs) keeps just the value until something reads its elements.
/// </summary>
internal sealed class TensorStorage
{
    private Array? _data;
    private readonly Array? _uniformValue;
    private readonly ScalarType _dtype;

    public TensorStorage(Array data)
    {
        _data = data;
        Length = data.Length;
    }

    /// <summary>A storage of <paramref name="length"/> copies of the one element of <paramref name="uniformValue"/>, built when first read.</summary>
    public TensorStorage(Array uniformValue, int length, ScalarType dtype)
    {
        _uniformValue = uniformValue;
        Length = length;
        _dtype = dtype;
    }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The elements: float[], double[], long[] or bool[] (a uniform storage builds them now, once).</summary>
    public Array Data => _data ?? Materialize();

    /// <summary>The elements if they exist yet (null while uniform), without building them.</summary>
    public Array? BuiltData => _data;

    /// <summary>The one value (a one-element array) while the storage is still uniform and unread; else null.</summary>
    public Array? UniformValue => _data is null ? _uniformValue : null;

    /// <summary>How many in-place writes this storage has seen (PyTorch's <c>_version</c>).</summary>
    public int Version => _counter?.Value ?? 0;

    // Made on first use: most tensors are never written in place nor saved for backward.
    private VersionCounter? _counter;

    /// <summary>The version counter alone, which backward nodes keep instead of the elements.</summary>
    public VersionCounter Counter => _counter ??= new VersionCounter();

    public void BumpVersion() => Counter.Value++;

    private Array Materialize()
    {
        var data = Conversion.Uninitialized(_dtype, Length);
        switch (_uniformValue)
        {
            case float[] f: Conversion.Fill((float[])data, f[0]); break;
            case double[] d: Conversion.Fill((double[])data, d[0]); break;
            default: throw new InvalidOperationException("only a uniform storage lacks its array");
        }
        // Publish once: a second reader racing this one must see the same array, not a copy of its own.
        return Interlocked.CompareExchange(ref _data, data, null) ?? data;
    }
}

/// <summary>A storage's count of in-place writes, kept apart so a graph can watch it without keeping the elements alive.</summary>
internal sealed class VersionCounter
{
    public int Value { get; set; }
}
