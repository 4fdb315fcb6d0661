using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Reductions: sum, mean, max, min over everything or along dimensions.
public partial class Tensor
{
    /// <summary>The sum of all elements (integer and bool tensors sum to int64).</summary>
    public Tensor sum()
    {
        var resultType = dtype.IsFloatingPoint() ? dtype : ScalarType.Int64;
        var result = new Tensor(Conversion.Filled(resultType, 1, Reduction.SumAll(Storage)), [], resultType);
        if (resultType == ScalarType.Int64 && Storage is long[] l) ((long[])result.Storage)[0] = System.Numerics.Tensors.TensorPrimitives.Sum<long>(l);
        if (!Recorder.ShouldRecord(this)) return result;
        var sizes = Sizes;
        // d(Σx)/dx_i = 1
        return Recorder.Record(result, "SumBackward0", [this], false, (g, _) => [g.expand(sizes)]);
    }

    /// <summary>Sums along one dimension.</summary>
    public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);

    /// <summary>Sums along several dimensions.</summary>
    public Tensor sum(long[] dim, bool keepdim = false)
    {
        var reduce = ReducedDims(dim);
        var resultType = dtype.IsFloatingPoint() ? dtype : ScalarType.Int64;
        var data = Reduction.SumDims(this, reduce, resultType, out var kept);
        var result = new Tensor(data, keepdim ? kept : Squeezed(kept, reduce), resultType);
        if (!Recorder.ShouldRecord(this)) return result;
        var sizes = Sizes;
        return Recorder.Record(result, "SumBackward1", [this], false, (g, _) => [g.reshape(kept).expand(sizes)]);
    }

    /// <summary>Sums a broadcast gradient back to <paramref name="size"/> (PyTorch's sum_to_size).</summary>
    public Tensor sum_to_size(params long[] size) => sum_to_size(Array.ConvertAll(size, s => checked((int)s)));

    internal Tensor sum_to_size(int[] size)
    {
        if (Sizes.AsSpan().SequenceEqual(size)) return this;
        var lead = Sizes.Length - size.Length;
        if (lead < 0) throw new RuntimeError($"size {{{string.Join(", ", size)}}} is not expandable to size {{{string.Join(", ", Sizes)}}}.");
        var dims = new List<long>();
        for (var d = 0; d < Sizes.Length; d++)
        {
            if (d < lead) dims.Add(d);
            else if (size[d - lead] == 1 && Sizes[d] != 1) dims.Add(d);
            else if (size[d - lead] != Sizes[d]) throw new RuntimeError($"size {{{string.Join(", ", size)}}} is not expandable to size {{{string.Join(", ", Sizes)}}}.");
        }
        var summed = dims.Count == 0 ? this : sum(dims.ToArray(), keepdim: true);
        return summed.Sizes.AsSpan().SequenceEqual(size) ? summed : summed.reshape(size);
    }

    /// <summary>The mean of all elements (floating-point tensors only, as in PyTorch).</summary>
    public Tensor mean()
    {
        RequireFloatForMean();
        var n = Count;
        // PyTorch divides the sum by the count in the tensor's dtype: for float32 by (float)n, which is inexact above 2^24.
        var sum = Reduction.SumAll(Storage);
        var mean = dtype == ScalarType.Float32 ? (float)sum / (float)n : sum / n;
        var result = new Tensor(Conversion.Filled(dtype, 1, mean), [], dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var sizes = Sizes;
        // d(mean x)/dx_i = 1/n
        return Recorder.Record(result, "MeanBackward0", [this], false, (g, _) => [g.expand(sizes) / (double)n]);
    }

    /// <summary>The mean along one dimension.</summary>
    public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);

    /// <summary>The mean along several dimensions.</summary>
    public Tensor mean(long[] dim, bool keepdim = false)
    {
        RequireFloatForMean();
        var reduce = ReducedDims(dim);
        var count = 1;
        for (var d = 0; d < reduce.Length; d++) if (reduce[d]) count *= Sizes[d];
        Tensor summed;
        using (torch.no_grad()) summed = sum(dim, keepdim) / (double)count;
        var result = summed.detach();
        if (!Recorder.ShouldRecord(this)) return result;
        var sizes = Sizes;
        var kept = (int[])Sizes.Clone();
        for (var d = 0; d < kept.Length; d++) if (reduce[d]) kept[d] = 1;
        return Recorder.Record(result, "MeanBackward1", [this], false, (g, _) => [g.reshape(kept).expand(sizes) / (double)count]);
    }

    /// <summary>The largest element; with ties, backward splits the gradient evenly among them (as PyTorch 1.13).</summary>
    public Tensor max() => Extremum(true);

    /// <summary>The smallest element; with ties, backward splits the gradient evenly among them.</summary>
    public Tensor min() => Extremum(false);

    private Tensor Extremum(bool isMax)
    {
        if (Count == 0)
            throw new RuntimeError($"{(isMax ? "max" : "min")}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        var flat = reshape(-1).detach();
        var (values, _, _) = Reduction.ArgExtremum(flat, 0, isMax);
        var result = new Tensor(values, [], dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        return Recorder.Record(result, isMax ? "MaxBackward1" : "MinBackward1", [this], true, (g, _) =>
        {
            var ties = self.eq(result);
            var count = (double)ties.sum().item();
            return [(g / count).expand(self.Sizes).KeepWhere(ties)];
        });
    }

    private (Tensor, Tensor) ExtremumAlong(long dim, bool keepdim, bool isMax)
    {
        var d = Shapes.WrapDim(dim, Sizes.Length);
        var source = Sizes.Length == 0 ? reshape(1) : this;
        var (values, indices, kept) = Reduction.ArgExtremum(source.detach(), d, isMax);
        var reduce = new bool[source.Sizes.Length];
        reduce[d] = true;
        var outShape = keepdim || Sizes.Length == 0 ? (Sizes.Length == 0 ? [] : kept) : Squeezed(kept, reduce);
        var result = new Tensor(values, outShape, dtype);
        var index = Of(indices, outShape);
        if (!Recorder.ShouldRecord(this)) return (result, index);
        var sizes = Sizes;
        var recorded = Recorder.Record(result, isMax ? "MaxBackward0" : "MinBackward0", [this], true, (g, _) =>
        {
            // the gradient goes to the chosen index along dim
            var chosen = Of(OneHot(indices, kept, sizes, d), sizes);
            return [g.reshape(kept.Length == 0 ? [] : kept).expand(sizes).KeepWhere(chosen)];
        });
        return (recorded, index);
    }

    private static bool[] OneHot(long[] indices, int[] kept, int[] sizes, int dim)
    {
        var mask = new bool[Shapes.Numel(sizes)];
        var inner = 1;
        for (var d = dim + 1; d < sizes.Length; d++) inner *= sizes[d];
        var len = sizes.Length == 0 ? 1 : sizes[dim];
        for (var k = 0; k < indices.Length; k++)
        {
            var o = k / inner;
            var i = k % inner;
            mask[(o * len + (int)indices[k]) * inner + i] = true;
        }
        return mask;
    }

    private void RequireFloatForMean()
    {
        if (!dtype.IsFloatingPoint())
            throw new RuntimeError($"mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {(dtype == ScalarType.Bool ? "Bool" : "Long")}");
    }

    private bool[] ReducedDims(long[] dims)
    {
        var reduce = new bool[Sizes.Length];
        foreach (var dim in dims)
        {
            var d = Shapes.WrapDim(dim, Sizes.Length);
            if (Sizes.Length == 0) continue;
            if (reduce[d]) throw new RuntimeError($"dim {d} appears multiple times in the list of dims");
            reduce[d] = true;
        }
        return reduce;
    }

    private static int[] Squeezed(int[] kept, bool[] reduce)
    {
        var result = new List<int>();
        for (var d = 0; d < kept.Length; d++) if (!reduce[d]) result.Add(kept[d]);
        return result.ToArray();
    }
}
