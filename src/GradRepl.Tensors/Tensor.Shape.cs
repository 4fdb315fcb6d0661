using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Shape changes and indexing. Storage is always contiguous row-major, so reshape shares the
// elements while transposes, expands and indexing copy them (an expand of one value makes a uniform
// tensor, Tensor.Uniform.cs, which holds only that value until read).
public sealed partial class Tensor
{
    /// <summary>The same elements in a new shape; one dimension may be -1 (inferred).</summary>
    public Tensor reshape(params long[] shape) => Reshaped(shape, "ReshapeAliasBackward0");

    /// <summary>The same elements in a new shape (PyTorch's view: the storage is shared).</summary>
    public Tensor view(params long[] shape) => Reshaped(shape, "ViewBackward0");

    internal Tensor reshape(int[] shape) => reshape(Array.ConvertAll(shape, s => (long)s));

    private Tensor Reshaped(long[] shape, string nodeName)
    {
        var sizes = InferShape(shape);
        if (sizes.AsSpan().SequenceEqual(Sizes) && nodeName == "ReshapeAliasBackward0") return this;
        var result = new Tensor(Storage, sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var original = Sizes;
        return Recorder.Record(result, nodeName, [this], false, (g, _) => [g.reshape(original)]);
    }

    /// <summary>All elements in one dimension.</summary>
    public Tensor flatten() => Sizes.Length == 1 ? this : reshape(-1);

    /// <summary>The tensor repeated along dimensions of size 1 (and new leading dimensions) to <paramref name="size"/>; -1 keeps a size.</summary>
    public Tensor expand(params long[] size)
    {
        var target = new int[size.Length];
        var lead = size.Length - Sizes.Length;
        if (lead < 0)
            throw new RuntimeError($"expand({dtype.LegacyTypeName()}{{[{string.Join(", ", Sizes)}]}}, size=[{string.Join(", ", size)}]): the number of sizes provided ({size.Length}) must be greater or equal to the number of dimensions in the tensor ({Sizes.Length})");
        for (var d = 0; d < size.Length; d++)
        {
            var own = d >= lead ? Sizes[d - lead] : 1;
            target[d] = size[d] == -1 && d >= lead ? own : checked((int)size[d]);
            if (own != 1 && own != target[d])
                throw new RuntimeError($"The expanded size of the tensor ({target[d]}) must match the existing size ({own}) at non-singleton dimension {d}.  Target sizes: [{string.Join(", ", size)}].  Tensor sizes: [{string.Join(", ", Sizes)}]");
        }
        return expand(target);
    }

    internal Tensor expand(int[] size)
    {
        if (size.AsSpan().SequenceEqual(Sizes)) return this;
        var result = expand_as_copy(size);
        if (!Recorder.ShouldRecord(this)) return result;
        var original = Sizes;
        // expanding copies a value to many places: the gradient sums them back
        return Recorder.Record(result, "ExpandBackward0", [this], false, (g, _) => [g.sum_to_size(original)]);
    }

    /// <summary>A copy of the elements broadcast to <paramref name="size"/>, without autograd.</summary>
    internal Tensor expand_as_copy(int[] size)
    {
        if (size.AsSpan().SequenceEqual(Sizes)) return detach();
        // One value expanded stays one value until something needs every element (PyTorch: a stride-0 view).
        if (dtype.IsFloatingPoint() && (Count == 1 || IsUniform)) return Uniform(this, size);
        Array data = Storage switch
        {
            float[] f => Shapes.Expand(f, Sizes, size),
            double[] d => Shapes.Expand(d, Sizes, size),
            long[] l => Shapes.Expand(l, Sizes, size),
            bool[] b => Shapes.Expand(b, Sizes, size),
            _ => throw new InvalidOperationException(),
        };
        return new Tensor(data, size, dtype);
    }

    /// <summary>The transpose of a 2-D tensor (1-D and 0-D tensors are returned as they are).</summary>
    public Tensor T => Sizes.Length < 2 ? this : Sizes.Length == 2 ? Transposed(0, 1, "PermuteBackward0")
        : throw new RuntimeError($"The use of `x.T` on tensors of dimension other than 2 to reverse their shape is not supported; this engine supports x.T for dimensions 0 to 2, got {Sizes.Length}");

    /// <summary>The transpose of a tensor of at most two dimensions (node TBackward0).</summary>
    public Tensor t()
    {
        if (Sizes.Length > 2) throw new RuntimeError($"t() expects a tensor with <= 2 dimensions, but self is {Sizes.Length}D");
        return Sizes.Length < 2 ? this : Transposed(0, 1, "TBackward0");
    }

    /// <summary>Swaps two dimensions.</summary>
    public Tensor transpose(long dim0, long dim1)
        => Transposed(Shapes.WrapDim(dim0, Sizes.Length), Shapes.WrapDim(dim1, Sizes.Length), "TransposeBackward0");

    private Tensor Transposed(int d0, int d1, string nodeName)
    {
        var sizes = (int[])Sizes.Clone();
        (sizes[d0], sizes[d1]) = (sizes[d1], sizes[d0]);
        var srcStrides = Shapes.Strides(Sizes);
        (srcStrides[d0], srcStrides[d1]) = (srcStrides[d1], srcStrides[d0]);
        var data = Conversion.Uninitialized(dtype, Count);
        var index = new int[sizes.Length];
        for (var i = 0; i < Count; i++)
        {
            var src = 0;
            for (var d = 0; d < sizes.Length; d++) src += index[d] * srcStrides[d];
            Array.Copy(Storage, src, data, i, 1);
            for (var d = sizes.Length - 1; d >= 0; d--)
            {
                if (++index[d] < sizes[d]) break;
                index[d] = 0;
            }
        }
        var result = new Tensor(data, sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, nodeName, [this], false, (g, _) => [g.transpose(d0, d1)]);
    }

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/>.</summary>
    public Tensor unsqueeze(long dim)
    {
        var d = Shapes.WrapDim(dim, Sizes.Length + 1);
        var sizes = Sizes.ToList();
        sizes.Insert(d, 1);
        var result = new Tensor(Storage, sizes.ToArray(), dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, "UnsqueezeBackward0", [this], false, (g, _) => [g.squeeze(d)]);
    }

    /// <summary>Removes every dimension of size 1.</summary>
    public Tensor squeeze()
    {
        var original = Sizes;
        var result = new Tensor(Storage, Sizes.Where(s => s != 1).ToArray(), dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, "SqueezeBackward0", [this], false, (g, _) => [g.reshape(original)]);
    }

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1.</summary>
    public Tensor squeeze(long dim) => Squeezed(dim, "SqueezeBackward1");

    private Tensor Squeezed(long dim, string nodeName)
    {
        var d = Shapes.WrapDim(dim, Sizes.Length);
        var original = Sizes;
        var sizes = Sizes.Length > 0 && Sizes[d] == 1 ? Sizes.Where((_, i) => i != d).ToArray() : Sizes;
        var result = new Tensor(Storage, sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, nodeName, [this], false, (g, _) => [g.reshape(original)]);
    }

    /// <summary>The sub-tensor at <paramref name="index"/> along the first dimension (negative counts from the end).</summary>
    public Tensor this[long index] => select(0, index);

    /// <summary>The element or sub-tensor at [<paramref name="i"/>, <paramref name="j"/>].</summary>
    public Tensor this[long i, long j] => Index(i, j);

    /// <summary>The element or sub-tensor at [<paramref name="i"/>, <paramref name="j"/>, <paramref name="k"/>].</summary>
    public Tensor this[long i, long j, long k] => Index(i, j, k);

    private Tensor Index(params long[] indices)
    {
        if (indices.Length > Sizes.Length)
            throw new IndexError($"too many indices for tensor of dimension {Sizes.Length}");
        // Check every index against its own dimension first, so errors name the right dimension.
        for (var d = 0; d < indices.Length; d++)
            if (indices[d] < -Sizes[d] || indices[d] >= Sizes[d])
                throw new IndexError($"index {indices[d]} is out of bounds for dimension {d} with size {Sizes[d]}");
        var result = this;
        foreach (var index in indices) result = result.select(0, index);
        return result;
    }

    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, with that dimension removed.</summary>
    public Tensor select(long dim, long index)
    {
        if (Sizes.Length == 0)
            throw new IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        var d = Shapes.WrapDim(dim, Sizes.Length);
        var size = Sizes[d];
        if (index < -size || index >= size)
            throw new IndexError($"index {index} is out of bounds for dimension {d} with size {size}");
        var i = (int)(index < 0 ? index + size : index);
        var outer = 1;
        for (var k = 0; k < d; k++) outer *= Sizes[k];
        var inner = 1;
        for (var k = d + 1; k < Sizes.Length; k++) inner *= Sizes[k];
        var sizes = Sizes.Where((_, k) => k != d).ToArray();
        var data = Conversion.Uninitialized(dtype, outer * inner);
        for (var o = 0; o < outer; o++) Array.Copy(Storage, (o * size + i) * inner, data, o * inner, inner);
        var result = new Tensor(data, sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        var original = Sizes;
        // the gradient lands on the selected slice; everything else gets zero
        return Recorder.Record(result, "SelectBackward0", [this], false, (g, _) => [g.SelectBackward(original, d, i)]);
    }

    /// <summary>Zeros of <paramref name="sizes"/> with this tensor written at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    private Tensor SelectBackward(int[] sizes, int dim, int index)
    {
        var outer = 1;
        for (var k = 0; k < dim; k++) outer *= sizes[k];
        var inner = 1;
        for (var k = dim + 1; k < sizes.Length; k++) inner *= sizes[k];
        var data = Conversion.NewStorage(dtype, Shapes.Numel(sizes));
        for (var o = 0; o < outer; o++) Array.Copy(Storage, o * inner, data, (o * sizes[dim] + index) * inner, inner);
        var result = new Tensor(data, sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, "SelectBackwardBackward0", [this], false, (g, _) => [g.select(dim, index)]);
    }

    private int[] InferShape(long[] shape)
    {
        var sizes = new int[shape.Length];
        var inferred = -1;
        long known = 1;
        for (var d = 0; d < shape.Length; d++)
        {
            if (shape[d] == -1)
            {
                if (inferred >= 0) throw new RuntimeError("only one dimension can be inferred");
                inferred = d;
                continue;
            }
            if (shape[d] < 0) throw new RuntimeError($"invalid shape dimension {shape[d]}");
            sizes[d] = checked((int)shape[d]);
            known *= shape[d];
        }
        var valid = inferred >= 0 ? known != 0 && Count % known == 0 : known == Count;
        if (!valid) throw new RuntimeError($"shape '[{string.Join(", ", shape)}]' is invalid for input of size {Count}");
        if (inferred >= 0) sizes[inferred] = (int)(Count / known);
        return sizes;
    }
}
