using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Reading by index along a dimension (gather, sort, topk, max/min along dim), masked_fill and one_hot.
// Their gradients are written into fresh zero tensors by a scatter-add, itself differentiable (by gather).
public partial class Tensor
{
    /// <summary>Values picked along <paramref name="dim"/> by an int64 <paramref name="index"/> of the same rank.</summary>
    public Tensor gather(long dim, Tensor index)
    {
        var d = Shapes.WrapDim(dim, Sizes.Length);
        if (index.dtype != ScalarType.Int64) throw new RuntimeError("gather(): Expected dtype int64 for index");
        if (index.Sizes.Length != Math.Max(1, Sizes.Length) && !(index.Sizes.Length == 0 && Sizes.Length == 0))
            throw new RuntimeError("Index tensor must have the same number of dimensions as input tensor");
        for (var k = 0; k < index.Sizes.Length; k++)
            if (k != d && index.Sizes[k] > Sizes[k])
                throw new RuntimeError($"Size does not match at dimension {k} expected index {Shapes.Format(index.Sizes)} to be smaller than self {Shapes.Format(Sizes)} apart from dimension {d}");
        var offsets = Gather.Offsets(Sizes.Length == 0 ? [1] : Sizes, d, (long[])index.Storage, index.Sizes.Length == 0 ? [1] : index.Sizes);
        var result = new Tensor(Gather.Read(Storage, offsets), index.Sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var sizes = Sizes;
        // each picked value's gradient returns to where it was read from (summed when read twice)
        return Recorder.Record(result, "GatherBackward0", [this], true, (g, _) => [g.ScatterAddInto(sizes, offsets, d, index)]);
    }

    /// <summary>Zeros of <paramref name="sizes"/> with this tensor's elements added at <paramref name="offsets"/>.</summary>
    private Tensor ScatterAddInto(int[] sizes, int[] offsets, int dim, Tensor index)
    {
        var result = new Tensor(Gather.AddInto(Storage, offsets, Shapes.Numel(sizes)), sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, "ScatterAddBackward0", [this], false, (g, _) => [g.gather(dim, index)]);
    }

    /// <summary>The largest values along a dimension and their indices (<c>torch.return_types.max</c>).</summary>
    public ValuesIndices max(long dim, bool keepdim = false)
    {
        var (values, indices) = ExtremumAlong(dim, keepdim, true);
        return new ValuesIndices("max", values, indices);
    }

    /// <summary>The smallest values along a dimension and their indices (<c>torch.return_types.min</c>).</summary>
    public ValuesIndices min(long dim, bool keepdim = false)
    {
        var (values, indices) = ExtremumAlong(dim, keepdim, false);
        return new ValuesIndices("min", values, indices);
    }

    /// <summary>The elements sorted along <paramref name="dim"/> and where each came from (<c>torch.return_types.sort</c>).</summary>
    public ValuesIndices sort(long dim = -1, bool descending = false, bool stable = false)
    {
        var d = Shapes.WrapDim(dim, Sizes.Length);
        var size = Sizes.Length == 0 ? 1 : Sizes[d];
        return Ordered(d, size, descending, "sort", "SortBackward0");
    }

    /// <summary>The <paramref name="k"/> largest (or smallest) elements along <paramref name="dim"/> and their indices.</summary>
    public ValuesIndices topk(int k, int dim = -1, bool largest = true, bool sorted = true)
    {
        var d = Shapes.WrapDim(dim, Sizes.Length);
        var size = Sizes.Length == 0 ? 1 : Sizes[d];
        if (k < 0 || k > size) throw new RuntimeError("selected index k out of range");
        return Ordered(d, k, largest, "topk", "TopkBackward0");
    }

    /// <summary>The first <paramref name="keep"/> elements along <paramref name="dim"/> in sorted order (NaN counts as largest; ties keep their order).</summary>
    private ValuesIndices Ordered(int dim, int keep, bool descending, string name, string nodeName)
    {
        var sizes = Sizes.Length == 0 ? [1] : Sizes;
        var (outer, size, inner) = AlongDim.AroundDim(sizes, dim);
        var values = ToDoubleArray();
        var outSizes = (int[])sizes.Clone();
        outSizes[dim] = keep;
        var indices = new long[outer * keep * inner];
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var at = Enumerable.Range(0, size).Select(k => (o * size + k) * inner + i).ToArray();
                var order = descending
                    ? Enumerable.Range(0, size).OrderByDescending(k => values[at[k]], NanLargest.Instance)
                    : Enumerable.Range(0, size).OrderBy(k => values[at[k]], NanLargest.Instance);
                var r = 0;
                foreach (var k in order.Take(keep)) indices[(o * keep + r++) * inner + i] = k;
            }
        }
        var index = Of(indices, Sizes.Length == 0 ? [] : outSizes);
        Tensor result;
        using (GradMode.Disable()) result = gather(dim, index).detach();
        if (Recorder.ShouldRecord(this))
        {
            var (original, offsets) = (sizes, Gather.Offsets(sizes, dim, indices, outSizes));
            result = Recorder.Record(result, nodeName, [this], true, (g, _) => [g.ScatterAddInto(original, offsets, dim, index).reshape(Sizes)]);
        }
        return new ValuesIndices(name, result, index);
    }

    /// <summary>PyTorch's order for sorting: NaN above every number.</summary>
    private sealed class NanLargest : IComparer<double>
    {
        public static readonly NanLargest Instance = new();
        public int Compare(double x, double y) => double.IsNaN(x) ? (double.IsNaN(y) ? 0 : 1) : double.IsNaN(y) ? -1 : x.CompareTo(y);
    }

    /// <summary>This tensor with <paramref name="value"/> where the bool <paramref name="mask"/> (broadcast to this shape) is true.</summary>
    public Tensor masked_fill(Tensor mask, double value)
    {
        if (mask.dtype != ScalarType.Bool)
        {
            // PyTorch 1.13 still takes a 0/1 mask of another dtype
            if (mask.ToDoubleArray().Any(v => v is not (0 or 1))) throw new RuntimeError("Mask tensor can take 0 and 1 values only");
            mask = mask.to(ScalarType.Bool);
        }
        var shape = Shapes.Broadcast(Sizes, mask.Sizes);
        if (!shape.AsSpan().SequenceEqual(Sizes))
            throw new RuntimeError($"The expanded size of the tensor ({Sizes.LastOrDefault()}) must match the existing size ({shape.LastOrDefault()}) at non-singleton dimension {Sizes.Length - 1}.  Target sizes: {Shapes.Format(Sizes)}.  Tensor sizes: {Shapes.Format(shape)}");
        var fill = new Tensor(Conversion.Filled(dtype, 1, value), [], dtype);
        Tensor result;
        using (GradMode.Disable()) result = torch.where(mask, fill, this).detach();
        if (!Recorder.ShouldRecord(this)) return result;
        // filled places no longer depend on the input
        return Recorder.Record(result, "MaskedFillBackward0", [this], true, (g, _) => [torch.where(mask, torch.zeros_like(g), g)]);
    }

    /// <summary>
    /// A tensor with one more dimension of size <paramref name="num_classes"/> (-1: the largest class + 1), 1 at each
    /// element's class and 0 elsewhere (int64; <c>torch.nn.functional.one_hot</c>).
    /// </summary>
    internal Tensor OneHot(long num_classes)
    {
        if (dtype != ScalarType.Int64) throw new RuntimeError("one_hot is only applicable to index tensor.");
        var classes = (long[])Storage;
        if (classes.Length > 0 && classes.Min() < 0) throw new RuntimeError("Class values must be non-negative.");
        if (num_classes == -1)
        {
            if (classes.Length == 0) throw new RuntimeError("Can not infer total number of classes from empty tensor.");
            num_classes = classes.Max() + 1;
        }
        else if (classes.Length > 0 && classes.Max() >= num_classes) throw new RuntimeError("Class values must be smaller than num_classes.");
        var c = checked((int)num_classes);
        var data = new long[classes.Length * c];
        for (var i = 0; i < classes.Length; i++) data[i * c + classes[i]] = 1;
        return Of(data, [.. Sizes, c]);
    }

    /// <summary>Whether each element is close to <paramref name="other"/>'s: |a - b| &lt;= atol + rtol·|b| (a bool tensor).</summary>
    public Tensor isclose(Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
    {
        if (dtype != other.dtype)
            throw new RuntimeError($"{dtype.CppName()} did not match {other.dtype.CppName()}");
        var shape = Shapes.Broadcast(Sizes, other.Sizes);
        var a = expand_as_copy(shape).ToDoubleArray();
        var b = other.expand_as_copy(shape).ToDoubleArray();
        var close = new bool[a.Length];
        for (var i = 0; i < a.Length; i++)
            close[i] = a[i] == b[i] || (equal_nan && double.IsNaN(a[i]) && double.IsNaN(b[i]))
                || (double.IsFinite(a[i]) && double.IsFinite(b[i]) && Math.Abs(a[i] - b[i]) <= atol + rtol * Math.Abs(b[i]));
        return Of(close, shape);
    }
}
