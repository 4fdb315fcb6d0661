using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Writes through tensor indices: PyTorch's index_put_ (accumulate=False), which Python's x[...] = v calls on the view
// that the ints and slices among the indices make. The write is an in-place op on that view, so the base gets a
// CopySlices node when it is a view and IndexPutBackward0 when not; the positions written are found by indexing a
// tensor of element offsets exactly as a read would index the elements.
public partial class Tensor
{
    /// <summary>Writes <paramref name="values"/> (broadcast) where the boolean <paramref name="index"/> is true, or into the rows an int64 tensor names.</summary>
    public Tensor index_put_(Tensor index, Tensor values) => IndexPutInPlace([(0, index)], values);

    /// <summary>
    /// PyTorch's value for <c>x[...] = v</c>: leading dimensions of size 1 dropped (slicePrefix1sSize, a view), so a
    /// value may carry more of them than the indexed result has.
    /// </summary>
    private static Tensor WithoutLeadingOnes(Tensor value)
    {
        var ones = value.Sizes.TakeWhile(s => s == 1).Count();
        return ones == 0 ? value : value.view(value.Sizes[ones..].Select(s => (long)s).ToArray());
    }

    /// <summary>Writes <paramref name="values"/> at the elements the tensor indices pick, in place (index_put_ with accumulate=False).</summary>
    /// <param name="indices">Each tensor index with the dimension of this tensor it indexes.</param>
    /// <param name="values">The values, broadcast to the indexed result's shape.</param>
    private Tensor IndexPutInPlace(List<(int Dim, Tensor Index)> indices, Tensor values)
    {
        // One mask with a one-element value is a masked_fill_ in PyTorch, which checks neither overlap, shape nor dtype.
        var fillsThroughMask = values.Count == 1 && indices.Count == 1 && indices[0].Index.dtype == ScalarType.Bool;
        return InPlace(values, self =>
        {
            // this, not self: self may be the copy that stands for this tensor in the graph.
            if (!fillsThroughMask && OverlapsInMemory(values)) throw new RuntimeError(Messages.SourceOverlapsWrite);
            var plan = self.PlanAdvancedIndex(indices);
            if (!fillsThroughMask && !IsExpandable(values.Sizes, plan.ResultShape))
                throw new RuntimeError($"shape mismatch: value tensor of shape {Shapes.Format(values.Sizes)} cannot be broadcast to indexing result of shape {Shapes.Format(plan.ResultShape)}");
            // A C# number stands for a Python scalar, which PyTorch converts to this dtype before writing.
            if (!fillsThroughMask && !values.IsWrappedNumber && values.dtype != dtype)
                throw new RuntimeError($"Index put requires the source and destination dtypes match, got {dtype.CppName()} for the destination and {values.dtype.CppName()} for the source.");
            var offsets = (long[])ElementOffsets(self.Sizes).AdvancedIndex(plan).Storage;
            return self.WithValuesAt(Array.ConvertAll(offsets, o => (int)o), plan.ResultShape, values);
        });
    }

    /// <summary>Each element's row-major offset in a tensor of <paramref name="sizes"/> (int64), to index as the elements would be.</summary>
    private static Tensor ElementOffsets(int[] sizes)
    {
        var offsets = new long[Shapes.Numel(sizes)];
        for (var i = 0; i < offsets.Length; i++) offsets[i] = i;
        return Of(offsets, sizes);
    }

    /// <summary>Whether a value of <paramref name="sizes"/> broadcasts to <paramref name="target"/> without changing it (PyTorch's is_expandable_to).</summary>
    private static bool IsExpandable(int[] sizes, int[] target)
    {
        if (sizes.Length > target.Length) return false;
        for (var d = 1; d <= sizes.Length; d++)
            if (sizes[^d] != 1 && sizes[^d] != target[^d]) return false;
        return true;
    }

    /// <summary>
    /// Whether a write into this tensor would read <paramref name="source"/> from the memory it writes (PyTorch's
    /// assert_no_overlap: only views that fill one block each are compared; others are too hard to tell, and pass).
    /// </summary>
    private bool OverlapsInMemory(Tensor source)
    {
        if (ReferenceEquals(this, source)) return true;
        if (Count == 0 || source.Count == 0 || !SharesStorageWith(source)) return false;
        if (!Geometry.IsNonOverlappingAndDense(Sizes, _strides) || !Geometry.IsNonOverlappingAndDense(source.Sizes, source._strides)) return false;
        return _offset < source._offset + source.Count && source._offset < _offset + Count;
    }

    /// <summary>
    /// A copy of this tensor with <paramref name="values"/> (broadcast to <paramref name="shape"/>, cast to this dtype)
    /// written at <paramref name="offsets"/>, row-major offsets laid out in that shape; where an offset repeats, the
    /// last write stays, as PyTorch's CPU kernel leaves it (node IndexPutBackward0).
    /// </summary>
    private Tensor WithValuesAt(int[] offsets, int[] shape, Tensor values)
    {
        var picked = new Tensor(Conversion.NewStorage(dtype, offsets.Length), shape, dtype);
        // a one-element value fills whatever its shape (the masked_fill_ path)
        picked.WriteElements(values.Count == 1 ? new Tensor(values.Storage, [], values.dtype) : values);
        var data = (Array)Storage.Clone();
        Gather.Write(data, offsets, picked.Storage);
        var result = new Tensor(data, Sizes, dtype);
        if (!Recorder.ShouldRecord(this, values)) return result;
        var info = InputInfo.Of(values);
        var positions = Of(Array.ConvertAll(offsets, o => (long)o), shape);
        // The written places' gradient goes to the values, every index's (one written over too, as PyTorch's
        // grad.index(indices)); the rest stays with this tensor.
        return Recorder.Record(result, "IndexPutBackward0", [this, values], false, (g, needs) =>
        [
            needs[0] ? g.WithValuesAt(offsets, shape, new Tensor(Conversion.NewStorage(g.dtype, 1), [], g.dtype)) : null,
            needs[1] ? info.Reduce(g.reshape(-1).IndexRows(positions)) : null,
        ]);
    }
}
