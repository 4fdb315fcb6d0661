using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Statistics and other reductions beyond sum/mean/max/min: var, std, prod, norm, logsumexp, cumsum,
// argmax/argmin. Accumulated in double (PyTorch's CPU accumulate type for float32) and rounded once.
public partial class Tensor
{
    /// <summary>The variance of all elements, with Bessel's correction unless <paramref name="unbiased"/> is false.</summary>
    public Tensor var(bool unbiased = true) => Moment(AllDims(), unbiased, false, std: false);

    /// <summary>The variance along one dimension.</summary>
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => var([dim], unbiased, keepdim);

    /// <summary>The variance along several dimensions.</summary>
    public Tensor var(long[] dim, bool unbiased = true, bool keepdim = false) => Moment(dim, unbiased, keepdim, std: false);

    /// <summary>The standard deviation of all elements, with Bessel's correction unless <paramref name="unbiased"/> is false.</summary>
    public Tensor std(bool unbiased = true) => Moment(AllDims(), unbiased, false, std: true);

    /// <summary>The standard deviation along one dimension.</summary>
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => std([dim], unbiased, keepdim);

    /// <summary>The standard deviation along several dimensions.</summary>
    public Tensor std(long[] dim, bool unbiased = true, bool keepdim = false) => Moment(dim, unbiased, keepdim, std: true);

    private long[] AllDims() => Enumerable.Range(0, Sizes.Length).Select(d => (long)d).ToArray();

    private Tensor Moment(long[] dim, bool unbiased, bool keepdim, bool std)
    {
        if (!dtype.IsFloatingPoint())
            throw new RuntimeError($"std and var only support floating point and complex dtypes");
        var reduce = ReducedDims(dim);
        var rows = Groups.Rows(this, reduce, out var kept);
        var correction = unbiased ? 1 : 0;
        var values = Groups.Apply(rows, row =>
        {
            var mean = row.Sum() / row.Length;
            var squares = 0.0;
            foreach (var v in row) squares += (v - mean) * (v - mean);
            var variance = squares / Math.Max(0, row.Length - correction);
            return std ? Math.Sqrt(variance) : variance;
        });
        var result = new Tensor(Conversion.Convert(values, dtype), keepdim ? kept : Squeezed(kept, reduce), dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        var n = rows.Length == 0 ? 0 : rows[0].Length;
        // d var/dx = 2(x - mean)/(n - c); d std/dx = (x - mean)/((n - c)·std)
        return Recorder.Record(result, std ? "StdBackward0" : "VarBackward0", [this], true, (g, _) =>
        {
            var centred = self - self.mean(dim, keepdim: true);
            var gk = g.reshape(kept);
            return [std ? gk * centred / (result.reshape(kept) * (double)(n - correction)) : gk * centred * (2.0 / (n - correction))];
        });
    }

    /// <summary>The product of all elements (integer and bool tensors give int64).</summary>
    public Tensor prod() => Product(AllDims(), false, "ProdBackward0");

    /// <summary>The product along one dimension.</summary>
    public Tensor prod(long dim, bool keepdim = false) => Product([dim], keepdim, "ProdBackward1");

    private Tensor Product(long[] dim, bool keepdim, string nodeName)
    {
        var reduce = ReducedDims(dim);
        var resultType = dtype.IsFloatingPoint() ? dtype : ScalarType.Int64;
        var rows = Groups.Rows(this, reduce, out var kept);
        // integer products wrap around as int64 arithmetic does (the rows hold integers exactly up to 2^53)
        Array values = resultType == ScalarType.Int64
            ? rows.Select(r => r.Aggregate(1L, (p, v) => unchecked(p * (long)v))).ToArray()
            : Conversion.Convert(Groups.Apply(rows, r => r.Aggregate(1.0, (p, v) => p * v)), resultType);
        var result = new Tensor(values, keepdim ? kept : Squeezed(kept, reduce), resultType);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        var sizes = Sizes;
        return Recorder.Record(result, nodeName, [this], true, (g, _) =>
        {
            var gk = g.reshape(kept).expand(sizes);
            // d(Πx)/dx_i = Π_{j≠i} x_j: result/x_i when nothing is zero, else the product of the others counted directly
            if (!self.eq(0.0).any().item<bool>()) return [gk * result.reshape(kept) / self];
            return [gk * ProductOfOthers(self, reduce)];
        });
    }

    /// <summary>For each element, the product of the other elements of its group (a constant: not differentiated again).</summary>
    private static Tensor ProductOfOthers(Tensor x, bool[] reduce)
    {
        var flat = x.ToDoubleArray();
        var rows = Groups.Rows(Of(Enumerable.Range(0, x.Count).Select(i => (double)i).ToArray(), x.Sizes), reduce, out _);
        var others = new double[flat.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                var p = 1.0;
                for (var j = 0; j < row.Length; j++) if (j != i) p *= flat[(int)row[j]];
                others[(int)row[i]] = p;
            }
        }
        return new Tensor(Conversion.Convert(others, x.dtype), x.Sizes, x.dtype);
    }

    /// <summary>
    /// The p-norm (2 by default; also 1, 0, ±infinity) of all elements, or along <paramref name="dim"/>; PyTorch's
    /// argument order, so <c>x.norm(1)</c> is the 1-norm and <c>x.norm(2, 1)</c> or <c>x.norm(dim: 1)</c> works along dim 1.
    /// </summary>
    public Tensor norm(double p = 2, long? dim = null, bool keepdim = false) => Norm(dim is { } d ? [d] : AllDims(), keepdim, p);

    /// <summary>The p-norm along several dimensions.</summary>
    public Tensor norm(double p, long[] dim, bool keepdim = false) => Norm(dim, keepdim, p);

    private Tensor Norm(long[] dim, bool keepdim, double p)
    {
        if (!dtype.IsFloatingPoint())
            throw new RuntimeError($"linalg.vector_norm: Expected a floating point or complex tensor as input. Got {dtype.CppName()}");
        var reduce = ReducedDims(dim);
        var rows = Groups.Rows(this, reduce, out var kept);
        var values = Groups.Apply(rows, row => p switch
        {
            2 => Math.Sqrt(row.Sum(v => v * v)),
            1 => row.Sum(Math.Abs),
            0 => row.Count(v => v != 0),
            double.PositiveInfinity => row.Length == 0 ? 0 : row.Max(Math.Abs),
            double.NegativeInfinity => row.Length == 0 ? double.PositiveInfinity : row.Min(Math.Abs),
            _ => Math.Pow(row.Sum(v => Math.Pow(Math.Abs(v), p)), 1 / p),
        });
        var result = new Tensor(Conversion.Convert(values, dtype), keepdim ? kept : Squeezed(kept, reduce), dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        return Recorder.Record(result, "NormBackward1", [this], true, (g, _) =>
        {
            var gk = g.reshape(kept);
            var nk = result.reshape(kept);
            if (p == 0) return [torch.zeros_like(self)];
            // d‖x‖₁/dx = sign x
            if (p == 1) return [self.sign() * gk];
            if (double.IsInfinity(p))
            {
                // the gradient is shared by the elements whose |x| is the norm
                var chosen = self.abs().eq(nk).to(self.dtype);
                return [self.sign() * (gk / chosen.sum(dim, keepdim: true)) * chosen];
            }
            // d‖x‖_p/dx = x·|x|^(p-2)/‖x‖^(p-1), zero where the norm is zero
            var scale = p == 2 ? self / nk : self * self.abs().pow(p - 2) / nk.pow(p - 1);
            return [torch.where(nk.eq(0.0), torch.zeros_like(scale), scale * gk)];
        });
    }

    /// <summary>log Σ e^x along dimensions, computed stably from the largest element.</summary>
    public Tensor logsumexp(long dim, bool keepdim = false) => logsumexp([dim], keepdim);

    /// <summary>log Σ e^x along several dimensions.</summary>
    public Tensor logsumexp(long[] dim, bool keepdim = false)
    {
        var reduce = ReducedDims(dim);
        var rows = Groups.Rows(this, reduce, out var kept);
        var values = Groups.Apply(rows, row =>
        {
            if (row.Length == 0) return double.NegativeInfinity;
            var max = row.Max();
            if (double.IsInfinity(max)) return max;
            return max + Math.Log(row.Sum(v => Math.Exp(v - max)));
        });
        var resultType = TypePromotion.FloatFor(dtype);
        var result = new Tensor(Conversion.Convert(values, resultType), keepdim ? kept : Squeezed(kept, reduce), resultType);
        if (!Recorder.ShouldRecord(this)) return result;
        var self = this;
        // d logsumexp/dx = e^(x - logsumexp) = softmax
        return Recorder.Record(result, "LogsumexpBackward0", [this], true, (g, _) => [g.reshape(kept) * (self - result.reshape(kept)).exp()]);
    }

    /// <summary>Running sums along <paramref name="dim"/> (integer and bool tensors give int64).</summary>
    public Tensor cumsum(long dim) => CumulativeSum(Shapes.WrapDim(dim, Math.Max(1, Sizes.Length)), reverse: false, "CumsumBackward0");

    private Tensor CumulativeSum(int dim, bool reverse, string nodeName)
    {
        var resultType = dtype.IsFloatingPoint() ? dtype : ScalarType.Int64;
        var (outer, size, inner) = AlongDim.AroundDim(Sizes, dim);
        Array data;
        if (resultType == ScalarType.Int64)
        {
            var src = (long[])Conversion.Convert(Storage, ScalarType.Int64);
            var dst = new long[src.Length];
            Scan(src, dst, outer, size, inner, reverse, (a, b) => a + b);
            data = dst;
        }
        else if (Storage is float[] f)
        {
            var dst = new float[f.Length];
            Scan(f, dst, outer, size, inner, reverse, (a, b) => a + b);
            data = dst;
        }
        else
        {
            var d = (double[])Storage;
            var dst = new double[d.Length];
            Scan(d, dst, outer, size, inner, reverse, (a, b) => a + b);
            data = dst;
        }
        var result = new Tensor(data, Sizes, resultType);
        if (!Recorder.ShouldRecord(this)) return result;
        // each input reaches every later running sum: the gradient is the sum of g from there to the end
        return Recorder.Record(result, nodeName, [this], false, (g, _) => [g.CumulativeSum(dim, !reverse, "CumsumBackward0")]);
    }

    private static void Scan<T>(T[] src, T[] dst, int outer, int size, int inner, bool reverse, Func<T, T, T> add) where T : struct
    {
        for (var o = 0; o < outer; o++)
        {
            for (var k = 0; k < inner; k++)
            {
                var acc = default(T);
                for (var step = 0; step < size; step++)
                {
                    var i = reverse ? size - 1 - step : step;
                    var at = (o * size + i) * inner + k;
                    acc = add(acc, src[at]);
                    dst[at] = acc;
                }
            }
        }
    }

    /// <summary>The flat index of the largest element (int64, 0-dim).</summary>
    public Tensor argmax() => reshape(-1).detach().ArgAlong(0, false, true);

    /// <summary>The indices of the largest values along <paramref name="dim"/>.</summary>
    public Tensor argmax(long dim, bool keepdim = false) => ArgAlong(dim, keepdim, true);

    /// <summary>The flat index of the smallest element (int64, 0-dim).</summary>
    public Tensor argmin() => reshape(-1).detach().ArgAlong(0, false, false);

    /// <summary>The indices of the smallest values along <paramref name="dim"/>.</summary>
    public Tensor argmin(long dim, bool keepdim = false) => ArgAlong(dim, keepdim, false);

    private Tensor ArgAlong(long dim, bool keepdim, bool isMax)
    {
        var d = Shapes.WrapDim(dim, Math.Max(1, Sizes.Length));
        if (Count == 0) throw new IndexError($"{(isMax ? "argmax" : "argmin")}(): Expected reduction dim {d} to have non-zero size.");
        var source = Sizes.Length == 0 ? reshape(1) : this;
        var (_, indices, kept) = Reduction.ArgExtremum(source.detach(), d, isMax);
        var reduce = new bool[source.Sizes.Length];
        reduce[d] = true;
        var shape = Sizes.Length == 0 ? [] : keepdim ? kept : Squeezed(kept, reduce);
        return Of(indices, shape);
    }

    /// <summary>Whether every element along <paramref name="dim"/> is nonzero (a bool tensor).</summary>
    public Tensor all(long dim, bool keepdim = false) => Truth(dim, keepdim, every: true);

    /// <summary>Whether some element along <paramref name="dim"/> is nonzero (a bool tensor).</summary>
    public Tensor any(long dim, bool keepdim = false) => Truth(dim, keepdim, every: false);

    private Tensor Truth(long dim, bool keepdim, bool every)
    {
        var reduce = ReducedDims([dim]);
        var rows = Groups.Rows(this, reduce, out var kept);
        var values = rows.Select(row => every ? row.All(v => v != 0) : row.Any(v => v != 0)).ToArray();
        return Of(values, keepdim ? kept : Squeezed(kept, reduce));
    }
}
