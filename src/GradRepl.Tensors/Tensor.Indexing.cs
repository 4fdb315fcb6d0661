using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Indexing, Python's way. Integers and slices give views (SelectBackward0, SliceBackward0); a boolean mask or
// int64 indices give a copy (IndexBackward0). Assigning to any of them writes into this tensor's storage,
// as copy_ into the view or PyTorch's index_put_ (Tensor.IndexPut.cs).
public partial class Tensor
{
    /// <summary>The sub-tensor at <paramref name="index"/> along the first dimension (a view; negative counts from the end).</summary>
    public Tensor this[long index]
    {
        get => Index(index);
        set => Index(index).copy_(value);
    }

    /// <summary>The element or sub-tensor at [<paramref name="i"/>, <paramref name="j"/>] (a view).</summary>
    public Tensor this[long i, long j]
    {
        get => Index(i, j);
        set => Index(i, j).copy_(value);
    }

    /// <summary>The element or sub-tensor at [<paramref name="i"/>, <paramref name="j"/>, <paramref name="k"/>] (a view).</summary>
    public Tensor this[long i, long j, long k]
    {
        get => Index(i, j, k);
        set => Index(i, j, k).copy_(value);
    }

    /// <summary>
    /// Python's indexing with integers, ranges (<c>1..3</c>, <c>..</c>), <c>^1</c>, <see cref="TensorIndex.Slice"/> with a
    /// step, <see cref="TensorIndex.Ellipsis"/> and <see cref="TensorIndex.None"/>: a view. Assigning writes into it
    /// (a scalar or a tensor, broadcast). Tensor indices may sit among the others (<c>m[rows, 1..3]</c>): that read is a
    /// copy, and assigning writes the elements it picks in place, as in PyTorch.
    /// </summary>
    public Tensor this[params TensorIndex[] indices]
    {
        get => index(indices);
        set => SetItem(indices, value);
    }

    /// <summary>
    /// The elements where the boolean <paramref name="index"/> is true, or the rows an int64 tensor names (a copy,
    /// node IndexBackward0). Assigning writes those elements in place (PyTorch's index_put_).
    /// </summary>
    public Tensor this[Tensor index]
    {
        get => this.index(TensorIndex.Tensor(index));
        set => SetItem([TensorIndex.Tensor(index)], value);
    }

    /// <summary>TorchSharp's spelling of indexing: <c>x.index(TensorIndex.Slice(0, null, 2))</c> is Python's <c>x[0::2]</c>.</summary>
    public Tensor index(params TensorIndex[] indices)
    {
        if (indices is [{ Kind: TensorIndex.IndexKind.Tensor, IndexTensor.Sizes.Length: > 0 } only]) return IndexRows(only.IndexTensor);
        var (result, tensorIndices) = Sliced(indices);
        return tensorIndices.Count == 0 ? result : result.AdvancedIndex(result.PlanAdvancedIndex(tensorIndices));
    }

    /// <summary>Python's <c>x[...] = v</c>: copy_ into the view the ints and slices make, or index_put_ on it with the tensors.</summary>
    private void SetItem(TensorIndex[] indices, Tensor value)
    {
        var (sliced, tensorIndices) = Sliced(indices);
        if (tensorIndices.Count == 0) sliced.copy_(value);
        else sliced.IndexPutInPlace(tensorIndices, WithoutLeadingOnes(value));
    }

    /// <summary>
    /// The view the integers, slices, None and ... among <paramref name="indices"/> make (PyTorch's applySlicing), and the
    /// tensor indices left over, each with the dimension of that view it indexes.
    /// </summary>
    private (Tensor Sliced, List<(int Dim, Tensor Index)> TensorIndices) Sliced(TensorIndex[] indices)
    {
        // A tensor index takes as many dimensions as it has for a mask, one for int64 indices.
        var consumed = indices.Sum(i => i.Kind switch
        {
            TensorIndex.IndexKind.Single or TensorIndex.IndexKind.Slice => 1,
            TensorIndex.IndexKind.Tensor => i.IndexTensor!.dtype == ScalarType.Bool ? i.IndexTensor.Sizes.Length : 1,
            _ => 0,
        });
        if (consumed > Sizes.Length && Sizes.Length > 0) throw new IndexError($"too many indices for tensor of dimension {Sizes.Length}");
        if (indices.Count(i => i.Kind == TensorIndex.IndexKind.Ellipsis) > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
        var result = this;
        var dim = 0;
        var advanced = new List<(int Dim, Tensor Index)>();
        foreach (var given in indices)
        {
            var i = given;
            // A 0-dim int64 tensor is an integer; a 0-dim bool a new dimension, taken whole or not at all (PyTorch's applySlicing).
            if (i is { Kind: TensorIndex.IndexKind.Tensor, IndexTensor: { Sizes.Length: 0 } zeroDim })
            {
                if (zeroDim.dtype == ScalarType.Int64) i = TensorIndex.Single(((long[])zeroDim.Storage)[0]);
                else if (zeroDim.dtype == ScalarType.Bool)
                {
                    result = result.unsqueeze(dim);
                    var picks = ((bool[])zeroDim.Storage)[0] ? new long[] { 0 } : [];
                    advanced.Add((dim++, Of(picks, [picks.Length])));
                    continue;
                }
            }
            switch (i.Kind)
            {
                case TensorIndex.IndexKind.Tensor:
                    // As in PyTorch, a tensor index moves on one dimension here, even a mask of several.
                    advanced.Add((dim++, i.IndexTensor!));
                    break;
                case TensorIndex.IndexKind.Single:
                    if (result.Sizes.Length == 0) throw new IndexError(Messages.IndexOfZeroDim);
                    CheckIndexInRange(i.Index, dim, result.Sizes[dim]);
                    result = result.Selected(dim, i.Index);
                    break;
                case TensorIndex.IndexKind.Slice:
                    result = result.slice(dim, i.Start, i.Stop, i.Step);
                    dim++;
                    break;
                case TensorIndex.IndexKind.None:
                    result = result.unsqueeze(dim);
                    dim++;
                    break;
                case TensorIndex.IndexKind.Ellipsis:
                    dim += Sizes.Length - consumed;
                    break;
            }
        }
        return (result, advanced);
    }

    /// <summary>
    /// PyTorch's advanced indexing worked out before any element is read: the indexed dimensions in order, each one's
    /// int64 indices, their broadcast shape, and the shape of the result (the broadcast shape where the first indexed
    /// dimension was when they are adjacent, else in front, then the dimensions not indexed).
    /// </summary>
    private readonly record struct IndexPlan(int[] Dims, Tensor[] Indices, int[] Broadcast, int[] ResultShape);

    /// <summary>
    /// Checks and plans advanced indexing after the integers and slices: each mask becomes int64 indices for the
    /// dimensions it covers (from its place on, PyTorch's expandTensors) and the indices broadcast together.
    /// </summary>
    private IndexPlan PlanAdvancedIndex(List<(int Dim, Tensor Index)> tensorIndices)
    {
        var advanced = new List<(int Dim, Tensor Index)>();
        var position = 0;
        var byDim = tensorIndices.ToDictionary(t => t.Dim, t => t.Index);
        for (var d = 0; d < Sizes.Length || byDim.Keys.Any(k => k >= d); d++)
        {
            if (!byDim.TryGetValue(d, out var index)) { position++; continue; }
            if (index.dtype == ScalarType.Bool)
            {
                foreach (var perDim in MaskIndices(index, position)) advanced.Add((position++, perDim));
            }
            else
            {
                if (index.dtype != ScalarType.Int64) throw new IndexError(IndexDtypeMessage);
                advanced.Add((position++, index));
            }
        }
        if (advanced.Any(a => a.Dim >= Sizes.Length)) throw new IndexError($"too many indices for tensor of dimension {Sizes.Length}");

        int[] shape;
        try
        {
            shape = advanced.Select(a => a.Index.Sizes).Aggregate(Shapes.Broadcast);
        }
        catch (RuntimeError)
        {
            throw new IndexError("shape mismatch: indexing tensors could not be broadcast together with shapes " + string.Join(", ", advanced.Select(a => Shapes.Format(a.Index.Sizes))));
        }
        var dims = advanced.Select(a => a.Dim).ToArray();
        var rest = Enumerable.Range(0, Sizes.Length).Except(dims).Select(d => Sizes[d]).ToArray();
        var lead = KeepsPlace(dims) ? dims[0] : 0;
        return new IndexPlan(dims, advanced.Select(a => a.Index).ToArray(), shape, [.. rest[..lead], .. shape, .. rest[lead..]]);
    }

    /// <summary>Adjacent indexed dimensions after the first keep their place in the result; any others go in front.</summary>
    private static bool KeepsPlace(int[] dims) => dims[0] > 0 && dims.Zip(dims.Skip(1)).All(p => p.Second == p.First + 1);

    /// <summary>
    /// Reads by a plan (<see cref="PlanAdvancedIndex"/>): a permute (indexed dimensions first), a reshape to one row
    /// dimension, and a row gather (IndexBackward0), moved back into place when the indexed dimensions keep theirs.
    /// </summary>
    private Tensor AdvancedIndex(IndexPlan plan)
    {
        var (dims, shape) = (plan.Dims, plan.Broadcast);
        var rest = Enumerable.Range(0, Sizes.Length).Except(dims).ToArray();
        var rows = new long[Shapes.Numel(shape)];
        // Each combination of indices is one row of the indexed dimensions flattened row-major. An index out of range
        // is named by its place among the indexed dimensions, as PyTorch moves them to the front first.
        for (var k = 0; k < dims.Length; k++)
        {
            var size = Sizes[dims[k]];
            var picks = (long[])plan.Indices[k].expand(Array.ConvertAll(shape, s => (long)s)).contiguous().Storage;
            for (var r = 0; r < rows.Length; r++)
            {
                var pick = picks[r];
                if (pick < -size || pick >= size) throw new IndexError($"index {pick} is out of bounds for dimension {k} with size {size}");
                rows[r] = rows[r] * size + (pick < 0 ? pick + size : pick);
            }
        }
        var restSizes = rest.Select(d => (long)Sizes[d]).ToArray();
        // the row count written out: -1 cannot be inferred when a dimension left is empty
        var indexedCount = dims.Aggregate(1L, (product, d) => product * Sizes[d]);
        var flat = permute(dims.Concat(rest).Select(d => (long)d).ToArray()).reshape([indexedCount, .. restSizes]);
        var result = flat.IndexRows(Tensor.Of(rows, shape));
        if (!KeepsPlace(dims)) return result;
        // Adjacent indexed dimensions keep their place: move the broadcast dimensions behind the leading ones.
        var b = shape.Length;
        var order = Enumerable.Range(b, dims[0]).Concat(Enumerable.Range(0, b)).Concat(Enumerable.Range(b + dims[0], rest.Length - dims[0]));
        return result.permute(order.Select(d => (long)d).ToArray());
    }

    /// <summary>A mask's true positions as int64 indices, one tensor per dimension it covers from <paramref name="dim"/> on.</summary>
    private List<Tensor> MaskIndices(Tensor mask, int dim)
    {
        var k = mask.Sizes.Length;
        for (var d = 0; d < k; d++)
            if (dim + d >= Sizes.Length || mask.Sizes[d] != Sizes[dim + d])
                throw new IndexError($"The shape of the mask {Shapes.Format(mask.Sizes)} at index {d} does not match the shape of the indexed tensor {Shapes.Format(Sizes)} at index {dim + d}");
        var values = (bool[])mask.Storage;
        var strides = Shapes.Strides(mask.Sizes);
        var trues = Enumerable.Range(0, values.Length).Where(p => values[p]).ToArray();
        var result = new List<Tensor>(k);
        for (var d = 0; d < k; d++) result.Add(Tensor.Of(trues.Select(p => (long)(p / strides[d] % mask.Sizes[d])).ToArray(), [trues.Length]));
        return result;
    }

    private Tensor Index(params long[] indices)
    {
        if (Sizes.Length == 0) throw new IndexError(Messages.IndexOfZeroDim);
        if (indices.Length > Sizes.Length)
            throw new IndexError($"too many indices for tensor of dimension {Sizes.Length}");
        // Check every index against its own dimension first, so errors name the right dimension.
        for (var d = 0; d < indices.Length; d++) CheckIndexInRange(indices[d], d, Sizes[d]);
        var result = this;
        foreach (var index in indices) result = result.Selected(0, index);
        return result;
    }

    private static void CheckIndexInRange(long index, int dim, int size)
    {
        if (index < -size || index >= size)
            throw new IndexError($"index {index} is out of bounds for dimension {dim} with size {size}");
    }

    private const string IndexDtypeMessage = "tensors used as indices must be long, byte or bool tensors";

    /// <summary>
    /// Which rows an index picks: positions in this tensor seen as [rows, rest...], where rows flattens the
    /// dimensions a mask covers (or the first, for int64 indices); the shape those rows take in the result.
    /// </summary>
    private (int[] Positions, int[] LeadShape, int Lead) RowsOf(Tensor index)
    {
        if (index.dtype == ScalarType.Bool)
        {
            var lead = index.Sizes.Length;
            if (lead > Sizes.Length) throw new IndexError($"too many indices for tensor of dimension {Sizes.Length}");
            for (var d = 0; d < lead; d++)
                if (index.Sizes[d] != Sizes[d])
                    throw new IndexError($"The shape of the mask {Shapes.Format(index.Sizes)} at index {d} does not match the shape of the indexed tensor {Shapes.Format(Sizes)} at index {d}");
            var mask = (bool[])index.Storage;
            var positions = Enumerable.Range(0, mask.Length).Where(p => mask[p]).ToArray();
            return (positions, [positions.Length], lead);
        }
        if (index.dtype != ScalarType.Int64) throw new IndexError(IndexDtypeMessage);
        if (Sizes.Length == 0) throw new IndexError("too many indices for tensor of dimension 0");
        var size = Sizes[0];
        var picks = (long[])index.Storage;
        var rows = new int[picks.Length];
        for (var i = 0; i < picks.Length; i++)
        {
            if (picks[i] < -size || picks[i] >= size) throw new IndexError($"index {picks[i]} is out of bounds for dimension 0 with size {size}");
            rows[i] = (int)(picks[i] < 0 ? picks[i] + size : picks[i]);
        }
        return (rows, index.Sizes, 1);
    }

    private Tensor IndexRows(Tensor index)
    {
        var (positions, leadShape, lead) = RowsOf(index);
        var rest = Sizes[lead..];
        var result = GatherRows(positions, leadShape.Concat(rest).ToArray(), Shapes.Numel(rest));
        if (!Recorder.ShouldRecord(this)) return result;
        var original = Sizes;
        // each picked element's gradient goes back to where it came from (summed where a row is picked twice)
        return Recorder.Record(result, "IndexBackward0", [this], false, (g, _) => [g.RowsAddedIntoZeros(positions, original)]);
    }

    /// <summary>The rows at <paramref name="positions"/> (each <paramref name="rowSize"/> elements) in a new tensor of <paramref name="sizes"/>.</summary>
    private Tensor GatherRows(int[] positions, int[] sizes, int rowSize)
    {
        var source = Storage;
        var data = Conversion.Uninitialized(dtype, positions.Length * rowSize);
        for (var i = 0; i < positions.Length; i++) Array.Copy(source, positions[i] * rowSize, data, i * rowSize, rowSize);
        return new Tensor(data, sizes, dtype);
    }

    /// <summary>Zeros of <paramref name="sizes"/> with this tensor's rows added at <paramref name="positions"/> (the backward of row indexing).</summary>
    private Tensor RowsAddedIntoZeros(int[] positions, int[] sizes)
    {
        var n = Shapes.Numel(sizes);
        var rowSize = positions.Length == 0 ? 1 : Count / positions.Length;
        var source = ToDoubleArray();
        var sums = new double[n];
        for (var i = 0; i < positions.Length; i++)
            for (var k = 0; k < rowSize; k++) sums[positions[i] * rowSize + k] += source[i * rowSize + k];
        return new Tensor(Conversion.Convert(sums, dtype), sizes, dtype);
    }
}
