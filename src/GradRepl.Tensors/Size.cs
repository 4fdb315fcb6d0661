using System.Collections;
using System.Text;

namespace GradRepl.Tensors;

/// <summary>A tensor's shape, printed as PyTorch prints it: <c>torch.Size([2, 3])</c>.</summary>
public sealed class Size : IReadOnlyList<long>, IEquatable<Size>
{
    private readonly long[] _dims;

    internal Size(ReadOnlySpan<int> dims)
    {
        _dims = new long[dims.Length];
        for (var i = 0; i < dims.Length; i++) _dims[i] = dims[i];
    }

    /// <summary>The size of dimension <paramref name="index"/>; negative indices count from the end.</summary>
    public long this[int index] => _dims[index < 0 ? index + _dims.Length : index];

    /// <summary>The number of dimensions.</summary>
    public int Count => _dims.Length;

    /// <summary>The number of dimensions (array-style spelling).</summary>
    public int Length => _dims.Length;

    /// <summary>The dimensions as a new array.</summary>
    public long[] ToArray() => (long[])_dims.Clone();

    /// <summary>Lets a shape be passed where TorchSharp-style code expects <c>long[]</c>.</summary>
    public static implicit operator long[](Size size) => size.ToArray();

    /// <inheritdoc/>
    public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)_dims).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _dims.GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Size? other) => other is not null && _dims.AsSpan().SequenceEqual(other._dims);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Size s && Equals(s);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in _dims) hash.Add(d);
        return hash.ToHashCode();
    }

    /// <summary>PyTorch's form, e.g. <c>torch.Size([2, 3])</c>.</summary>
    public override string ToString()
    {
        // A loop, not string.Join over the long[]: that enumerates through IEnumerable<long>, whose code the JIT
        // compiles afresh in every process.
        var sb = new StringBuilder("torch.Size([");
        for (var i = 0; i < _dims.Length; i++) sb.Append(i == 0 ? "" : ", ").Append(_dims[i]);
        return sb.Append("])").ToString();
    }
}
