namespace GradRepl.Tensors;

// The ops of Tensor.Ops*.cs as free functions: torch.f(x, ...) is x.f(...).
public static partial class torch
{
    /// <summary>Tensors joined along an existing dimension: <c>torch.cat([a, b], 1)</c>.</summary>
    public static Tensor cat(IList<Tensor> tensors, long dim = 0) => Tensor.Cat(tensors, dim);

    /// <summary>Alias of <see cref="cat"/>.</summary>
    public static Tensor concat(IList<Tensor> tensors, long dim = 0) => Tensor.Cat(tensors, dim);

    /// <summary>Tensors of one shape joined along a new dimension.</summary>
    public static Tensor stack(IList<Tensor> tensors, long dim = 0) => Tensor.Stack(tensors, dim);

    /// <summary><paramref name="x"/> where <paramref name="condition"/> is true, else <paramref name="y"/> (broadcast).</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y) => Tensor.Where(condition, x, y);

    /// <summary><paramref name="x"/> where <paramref name="condition"/> is true, else the scalar <paramref name="y"/>.</summary>
    public static Tensor where(Tensor condition, Tensor x, double y) => Tensor.Where(condition, x, ScalarFor(x, y));

    /// <summary>The scalar <paramref name="x"/> where <paramref name="condition"/> is true, else <paramref name="y"/>.</summary>
    public static Tensor where(Tensor condition, double x, Tensor y) => Tensor.Where(condition, ScalarFor(y, x), y);

    // A C# double next to a tensor: a 0-dim float tensor, which keeps a float tensor's dtype (as a Python float does).
    private static Tensor ScalarFor(Tensor other, double value)
    {
        var type = other.dtype.IsFloatingPoint() ? other.dtype : float32;
        return tensor(value, type);
    }

    /// <summary>e^x / Σ e^x along <paramref name="dim"/>.</summary>
    public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
    /// <summary>log(softmax(x)) along <paramref name="dim"/>.</summary>
    public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);
    /// <summary>log Σ e^x along <paramref name="dim"/>.</summary>
    public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => input.logsumexp(dim, keepdim);

    /// <summary>Sum along several dimensions.</summary>
    public static Tensor sum(Tensor input, long[] dim, bool keepdim = false) => input.sum(dim, keepdim);
    /// <summary>Mean along several dimensions.</summary>
    public static Tensor mean(Tensor input, long[] dim, bool keepdim = false) => input.mean(dim, keepdim);
    /// <summary>Variance of all elements.</summary>
    public static Tensor var(Tensor input, bool unbiased = true) => input.var(unbiased);
    /// <summary>Variance along a dimension.</summary>
    public static Tensor var(Tensor input, long dim, bool unbiased = true, bool keepdim = false) => input.var(dim, unbiased, keepdim);
    /// <summary>Standard deviation of all elements.</summary>
    public static Tensor std(Tensor input, bool unbiased = true) => input.std(unbiased);
    /// <summary>Standard deviation along a dimension.</summary>
    public static Tensor std(Tensor input, long dim, bool unbiased = true, bool keepdim = false) => input.std(dim, unbiased, keepdim);
    /// <summary>Product of all elements.</summary>
    public static Tensor prod(Tensor input) => input.prod();
    /// <summary>Product along a dimension.</summary>
    public static Tensor prod(Tensor input, long dim, bool keepdim = false) => input.prod(dim, keepdim);
    /// <summary>Running sums along a dimension.</summary>
    public static Tensor cumsum(Tensor input, long dim) => input.cumsum(dim);
    /// <summary>The p-norm of all elements, or along <paramref name="dim"/>.</summary>
    public static Tensor norm(Tensor input, double p = 2, long? dim = null, bool keepdim = false) => input.norm(p, dim, keepdim);
    /// <summary>Flat index of the largest element.</summary>
    public static Tensor argmax(Tensor input) => input.argmax();
    /// <summary>Indices of the largest values along a dimension.</summary>
    public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
    /// <summary>Flat index of the smallest element.</summary>
    public static Tensor argmin(Tensor input) => input.argmin();
    /// <summary>Indices of the smallest values along a dimension.</summary>
    public static Tensor argmin(Tensor input, long dim, bool keepdim = false) => input.argmin(dim, keepdim);
    /// <summary>Largest values along a dimension and their indices.</summary>
    public static ValuesIndices max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    /// <summary>Smallest values along a dimension and their indices.</summary>
    public static ValuesIndices min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    /// <summary>Sorted values along a dimension and their indices.</summary>
    public static ValuesIndices sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) => input.sort(dim, descending, stable);
    /// <summary>The k largest (or smallest) values along a dimension and their indices.</summary>
    public static ValuesIndices topk(Tensor input, int k, int dim = -1, bool largest = true, bool sorted = true) => input.topk(k, dim, largest, sorted);

    /// <summary>Rounds down.</summary>
    public static Tensor floor(Tensor input) => input.floor();
    /// <summary>Rounds up.</summary>
    public static Tensor ceil(Tensor input) => input.ceil();
    /// <summary>Rounds to nearest, halves to even.</summary>
    public static Tensor round(Tensor input) => input.round();

    /// <summary>Rounds to <paramref name="decimals"/> decimal places, halves to even (PyTorch's <c>torch.round(x, decimals=...)</c>).</summary>
    public static Tensor round(Tensor input, long decimals) => input.round(decimals);
    /// <summary>Rounds toward zero.</summary>
    public static Tensor trunc(Tensor input) => input.trunc();
    /// <summary>2^x.</summary>
    public static Tensor exp2(Tensor input) => input.exp2();
    /// <summary>e^x - 1.</summary>
    public static Tensor expm1(Tensor input) => input.expm1();
    /// <summary>Base-2 logarithm.</summary>
    public static Tensor log2(Tensor input) => input.log2();
    /// <summary>Base-10 logarithm.</summary>
    public static Tensor log10(Tensor input) => input.log10();
    /// <summary>log(1 + x).</summary>
    public static Tensor log1p(Tensor input) => input.log1p();

    /// <summary>Element-wise logical and.</summary>
    public static Tensor logical_and(Tensor input, Tensor other) => input.logical_and(other);
    /// <summary>Element-wise logical or.</summary>
    public static Tensor logical_or(Tensor input, Tensor other) => input.logical_or(other);
    /// <summary>Element-wise logical not.</summary>
    public static Tensor logical_not(Tensor input) => input.logical_not();
    /// <summary>Whether every element is nonzero.</summary>
    public static Tensor all(Tensor input) => input.all();
    /// <summary>Whether some element is nonzero.</summary>
    public static Tensor any(Tensor input) => input.any();
    /// <summary>Element-wise closeness (a bool tensor).</summary>
    public static Tensor isclose(Tensor input, Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) => input.isclose(other, rtol, atol, equal_nan);

    /// <summary>Fills <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
    public static Tensor masked_fill(Tensor input, Tensor mask, double value) => input.masked_fill(mask, value);
    /// <summary>Values picked along a dimension by an index tensor.</summary>
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    /// <summary>Batched matrix product.</summary>
    public static Tensor bmm(Tensor input, Tensor mat2) => input.bmm(mat2);
}
