namespace GradRepl.Tensors;

/// <summary>
/// One index of a tensor indexer, TorchSharp's <c>TensorIndex</c>: an integer (removes a dimension), a slice with
/// optional step, <c>...</c> (Ellipsis), <c>None</c> (a new dimension) or a tensor. C# ints, <see cref="System.Index"/>
/// (<c>^1</c>), <see cref="System.Range"/> (<c>1..3</c>, <c>..</c>) and tensors convert to it, so <c>m[.., 0]</c> and
/// <c>x[1..^1]</c> read as Python's <c>m[:, 0]</c> and <c>x[1:-1]</c>.
/// </summary>
public sealed class TensorIndex
{
    internal enum IndexKind { Single, Slice, Ellipsis, None, Tensor }

    private TensorIndex(IndexKind kind) => Kind = kind;

    internal IndexKind Kind { get; }
    internal long Index { get; private init; }
    internal long? Start { get; private init; }
    internal long? Stop { get; private init; }
    internal long Step { get; private init; } = 1;
    internal Tensor? IndexTensor { get; private init; }

    /// <summary>One position (negative counts from the end); the dimension is removed.</summary>
    public static TensorIndex Single(long index) => new(IndexKind.Single) { Index = index };

    /// <summary>Python's <c>start:stop:step</c>; null bounds mean the whole dimension. Bounds clamp as Python's do.</summary>
    public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) => new(IndexKind.Slice) { Start = start, Stop = stop, Step = step ?? 1 };

    /// <summary>Python's <c>:</c>, the whole dimension.</summary>
    public static TensorIndex Colon => Slice();

    /// <summary>Python's <c>...</c>: as many whole dimensions as the other indices leave.</summary>
    public static TensorIndex Ellipsis { get; } = new(IndexKind.Ellipsis);

    /// <summary>Python's <c>None</c>: a new dimension of size 1.</summary>
    public static TensorIndex None { get; } = new(IndexKind.None);

    /// <summary>A boolean mask or int64 indices.</summary>
    public static TensorIndex Tensor(Tensor index) => new(IndexKind.Tensor) { IndexTensor = index };

    /// <summary>An integer index.</summary>
    public static implicit operator TensorIndex(long index) => Single(index);

    /// <summary>An integer index.</summary>
    public static implicit operator TensorIndex(int index) => Single(index);

    /// <summary>A C# index: <c>^1</c> is the last element.</summary>
    public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);

    /// <summary>A C# range as a slice: <c>1..3</c>, <c>..^1</c>, <c>..</c>.</summary>
    public static implicit operator TensorIndex(Range range) => Slice(
        range.Start.IsFromEnd ? (range.Start.Value == 0 ? long.MaxValue : -range.Start.Value) : range.Start.Value,
        range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value);

    /// <summary>A boolean mask or int64 indices.</summary>
    public static implicit operator TensorIndex(Tensor index) => Tensor(index);
}
