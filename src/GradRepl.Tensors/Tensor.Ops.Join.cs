using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Joining tensors (cat, stack) and choosing between two (where). Gradients are split back by copying
// slices out of the incoming gradient (narrow copies), never by writing into an input.
public partial class Tensor
{
    /// <summary>Tensors joined along an existing dimension (node CatBackward0).</summary>
    internal static Tensor Cat(IList<Tensor> tensors, long dim)
    {
        if (tensors.Count == 0) throw new RuntimeError("torch.cat(): expected a non-empty list of Tensors");
        // PyTorch skips legacy empty 1-D tensors of shape [0]
        var parts = tensors.Where(t => !(t.Sizes.Length == 1 && t.Count == 0)).ToList();
        if (parts.Count == 0) return tensors[0].detach();
        var first = parts[0];
        if (first.Sizes.Length == 0) throw new RuntimeError("zero-dimensional tensor (at position 0) cannot be concatenated");
        var d = Shapes.WrapDim(dim, first.Sizes.Length);
        var dtype = parts.Select(t => t.dtype).Aggregate(TypePromotion.Promote);
        for (var p = 0; p < parts.Count; p++)
        {
            var t = parts[p];
            if (t.Sizes.Length == 0) throw new RuntimeError($"zero-dimensional tensor (at position {tensors.IndexOf(t)}) cannot be concatenated");
            if (t.Sizes.Length != first.Sizes.Length)
                throw new RuntimeError($"Tensors must have same number of dimensions: got {first.Sizes.Length} and {t.Sizes.Length}");
            for (var k = 0; k < first.Sizes.Length; k++)
                if (k != d && t.Sizes[k] != first.Sizes[k])
                    throw new RuntimeError($"Sizes of tensors must match except in dimension {d}. Expected size {first.Sizes[k]} but got size {t.Sizes[k]} for tensor number {tensors.IndexOf(t)} in the list.");
        }
        var sizes = (int[])first.Sizes.Clone();
        sizes[d] = parts.Sum(t => t.Sizes[d]);
        var (outer, total, inner) = AlongDim.AroundDim(sizes, d);
        var data = Conversion.Uninitialized(dtype, Shapes.Numel(sizes));
        var at = 0;
        var starts = new int[parts.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            var t = parts[p];
            var src = t.dtype == dtype ? t.Storage : Conversion.Convert(t.Storage, dtype);
            var block = t.Sizes[d] * inner;
            for (var o = 0; o < outer; o++) Array.Copy(src, o * block, data, (o * total + at) * inner, block);
            starts[p] = at;
            at += t.Sizes[d];
        }
        var result = new Tensor(data, sizes, dtype);
        if (!GradMode.IsEnabled || !parts.Any(t => t.requires_grad)) return result;
        var infos = parts.Select(InputInfo.Of).ToArray();
        // each input gets back the slice of the gradient its elements were copied to
        return Recorder.Record(result, "CatBackward0", parts.ToArray(), false, (g, needs) =>
            [.. parts.Select((t, p) => needs[p] ? g.NarrowCopy(d, starts[p], t.Sizes[d]).to(infos[p].Dtype) : null)]);
    }

    /// <summary>Tensors of one shape joined along a new dimension (node StackBackward0).</summary>
    internal static Tensor Stack(IList<Tensor> tensors, long dim)
    {
        if (tensors.Count == 0) throw new RuntimeError("stack expects a non-empty TensorList");
        var first = tensors[0];
        var d = Shapes.WrapDim(dim, first.Sizes.Length + 1);
        for (var p = 1; p < tensors.Count; p++)
            if (!tensors[p].Sizes.AsSpan().SequenceEqual(first.Sizes))
                throw new RuntimeError($"stack expects each tensor to be equal size, but got {Shapes.Format(first.Sizes)} at entry 0 and {Shapes.Format(tensors[p].Sizes)} at entry {p}");
        Tensor result;
        using (GradMode.Disable()) result = Cat(tensors.Select(t => t.unsqueeze(d)).ToList(), d).detach();
        if (!GradMode.IsEnabled || !tensors.Any(t => t.requires_grad)) return result;
        var types = tensors.Select(t => t.dtype).ToArray();
        return Recorder.Record(result, "StackBackward0", tensors.ToArray(), false, (g, needs) =>
            [.. tensors.Select((_, p) => needs[p] ? g.select(d, p).to(types[p]) : null)]);
    }

    /// <summary>The elements [start, start + length) along <paramref name="dim"/>, copied.</summary>
    internal Tensor NarrowCopy(int dim, int start, int length)
    {
        var (outer, size, inner) = AlongDim.AroundDim(Sizes, dim);
        var sizes = (int[])Sizes.Clone();
        sizes[dim] = length;
        var data = Conversion.Uninitialized(dtype, outer * length * inner);
        for (var o = 0; o < outer; o++) Array.Copy(Storage, (o * size + start) * inner, data, o * length * inner, length * inner);
        var result = new Tensor(data, sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, "SliceBackward0", [this], false, (g, _) => [g.PadAlong(dim, start, size)]);
    }

    /// <summary>Zeros of size <paramref name="size"/> along <paramref name="dim"/> with this tensor written from <paramref name="start"/>.</summary>
    private Tensor PadAlong(int dim, int start, int size)
    {
        var (outer, length, inner) = AlongDim.AroundDim(Sizes, dim);
        var sizes = (int[])Sizes.Clone();
        sizes[dim] = size;
        var data = Conversion.NewStorage(dtype, outer * size * inner);
        for (var o = 0; o < outer; o++) Array.Copy(Storage, o * length * inner, data, (o * size + start) * inner, length * inner);
        var result = new Tensor(data, sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, "SliceBackwardBackward0", [this], false, (g, _) => [g.NarrowCopy(dim, start, length)]);
    }

    /// <summary>Element-wise choice: <paramref name="x"/> where <paramref name="condition"/> is true, else <paramref name="y"/> (broadcast).</summary>
    internal static Tensor Where(Tensor condition, Tensor x, Tensor y)
    {
        if (condition.dtype != ScalarType.Bool)
            throw new RuntimeError($"where expected condition to be a boolean tensor, but got a tensor with dtype {condition.dtype.CppName()}");
        var shape = Shapes.Broadcast(Shapes.Broadcast(condition.Sizes, x.Sizes), y.Sizes);
        var dtype = TypePromotion.ResultType(x, y);
        var c = (bool[])condition.expand_as_copy(shape).Storage;
        var a = Conversion.Convert(x.expand_as_copy(shape).Storage, dtype);
        var b = Conversion.Convert(y.expand_as_copy(shape).Storage, dtype);
        var data = Conversion.Uninitialized(dtype, c.Length);
        for (var i = 0; i < c.Length; i++) Array.Copy(c[i] ? a : b, i, data, i, 1);
        var result = new Tensor(data, shape, dtype);
        if (!Recorder.ShouldRecord(x, y)) return result;
        var (xi, yi) = (InputInfo.Of(x), InputInfo.Of(y));
        // the gradient goes to whichever input was chosen
        return Recorder.Record(result, "WhereBackward0", [x, y], false, (g, needs) =>
        [
            needs[0] ? xi.Reduce(Where(condition, g, torch.zeros_like(g))) : null,
            needs[1] ? yi.Reduce(Where(condition, torch.zeros_like(g), g)) : null,
        ]);
    }
}
