using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;

namespace GradRepl.Tensors;

// Shape changes. Each is a view, as in PyTorch: a new header (offset, sizes, strides) over the same storage,
// so writes through one show in the other. reshape copies only when no view can show the new shape, and
// contiguous() only when the tensor is not contiguous.
public partial class Tensor
{
    /// <summary>The tensor this view was made from (the root that owns the storage); null for tensors that are not views.</summary>
    private Tensor? _base;

    /// <summary>A view of a tensor that requires grad, made under no_grad: PyTorch forbids writing into it with grad on.</summary>
    private bool _madeInNoGrad;

    /// <summary>A view of this tensor's storage, with a backward node named <paramref name="nodeName"/> when recording.</summary>
    private Tensor MakeView(int offset, int[] sizes, int[] strides, string nodeName, BackwardFunction backward)
    {
        var result = new Tensor(this, offset, sizes, strides) { _base = _base ?? this };
        if (!GradMode.IsEnabled)
        {
            result._madeInNoGrad = requires_grad;
            return result;
        }
        if (requires_grad) Recorder.Record(result, nodeName, [this], false, backward);
        result._gradFnVersion = _storage.Version;
        return result;
    }

    /// <summary>The same elements in a new shape; a view where the strides allow one, else a copy. One dimension may be -1 (inferred).</summary>
    public Tensor reshape(params long[] shape)
    {
        var sizes = InferShape(shape);
        if (sizes.AsSpan().SequenceEqual(Sizes)) return this;
        if (Geometry.ViewStrides(Sizes, _strides, sizes) is { } strides)
            return ViewAs(sizes, strides, "ReshapeAliasBackward0");
        // No view can show the new shape: copy (CloneBackward0) and view the copy (UnsafeViewBackward0).
        var copy = contiguous();
        var original = Sizes;
        var result = new Tensor(copy.Storage, sizes, dtype);
        if (!Recorder.ShouldRecord(copy)) return result;
        return Recorder.Record(result, "UnsafeViewBackward0", [copy], false, (g, _) => [g.reshape(original)]);
    }

    /// <summary>The same elements in a new shape, sharing storage (PyTorch's view); fails when the strides allow no such view.</summary>
    public Tensor view(params long[] shape)
    {
        var sizes = InferShape(shape);
        var strides = Geometry.ViewStrides(Sizes, _strides, sizes)
            ?? throw new RuntimeError("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        return ViewAs(sizes, strides, "ViewBackward0");
    }

    internal Tensor reshape(int[] shape) => reshape(Array.ConvertAll(shape, s => (long)s));

    private Tensor ViewAs(int[] sizes, int[] strides, string nodeName)
    {
        var original = Sizes;
        return MakeView(_offset, sizes, strides, nodeName, (g, _) => [g.reshape(original)]);
    }

    /// <summary>All elements in one dimension (a view when the tensor is contiguous).</summary>
    public Tensor flatten() => Sizes.Length == 1 ? this : reshape(-1);

    /// <summary>A contiguous tensor with the same elements: this tensor if it already is, else a copy (CloneBackward0).</summary>
    public Tensor contiguous() => IsContiguousView ? this : clone();

    /// <summary>Whether the elements sit row-major and gap-free in the storage.</summary>
    public bool is_contiguous() => IsContiguousView;

    /// <summary>How far apart in the storage consecutive indices of each dimension are (PyTorch's <c>stride()</c>).</summary>
    public long[] stride() => Array.ConvertAll(_strides, s => (long)s);

    /// <summary>The stride of one dimension.</summary>
    public long stride(long dim) => _strides[Shapes.WrapDim(dim, Sizes.Length)];

    /// <summary>Where this view's first element sits in its storage.</summary>
    public long storage_offset() => _offset;

    /// <summary>
    /// A view repeating the tensor along dimensions of size 1 (and new leading dimensions) to <paramref name="size"/>,
    /// without copying (stride 0); -1 keeps a size.
    /// </summary>
    public Tensor expand(params long[] size)
    {
        var target = new int[size.Length];
        var strides = new int[size.Length];
        var lead = size.Length - Sizes.Length;
        if (lead < 0)
            throw new RuntimeError($"expand({dtype.LegacyTypeName()}{{[{string.Join(", ", Sizes)}]}}, size=[{string.Join(", ", size)}]): the number of sizes provided ({size.Length}) must be greater or equal to the number of dimensions in the tensor ({Sizes.Length})");
        for (var d = 0; d < size.Length; d++)
        {
            var own = d >= lead ? Sizes[d - lead] : 1;
            target[d] = size[d] == -1 && d >= lead ? own : checked((int)size[d]);
            if (own != 1 && own != target[d])
                throw new RuntimeError($"The expanded size of the tensor ({target[d]}) must match the existing size ({own}) at non-singleton dimension {d}.  Target sizes: [{string.Join(", ", size)}].  Tensor sizes: [{string.Join(", ", Sizes)}]");
            strides[d] = d >= lead && own == target[d] ? _strides[d - lead] : 0;
        }
        var original = Sizes;
        // expanding shows one value in many places: the gradient sums them back
        return MakeView(_offset, target, strides, "ExpandBackward0", (g, _) => [g.sum_to_size(original)]);
    }

    /// <summary>
    /// This tensor broadcast to <paramref name="size"/> for a gradient (node ExpandBackward0): one value stays
    /// one value (a uniform tensor) until read, anything else is copied.
    /// </summary>
    internal Tensor expand(int[] size)
    {
        if (size.AsSpan().SequenceEqual(Sizes)) return this;
        var result = expand_as_copy(size);
        if (!Recorder.ShouldRecord(this)) return result;
        var original = Sizes;
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

    /// <summary>
    /// The transpose of a 2-D tensor; other ranks get their dimensions reversed, as in PyTorch 1.13, which warns once that
    /// this is deprecated (0-D and 1-D tensors come back as they are).
    /// </summary>
    public Tensor T
    {
        get
        {
            // PyTorch 1.13 still reverses the dimensions of other than 2-D tensors, with a deprecation warning once.
            if (Sizes.Length != 2 && Sizes.Length != 0 && Interlocked.Exchange(ref s_reversingTWarned, 1) == 0)
                TorchWarnings.Warn(Messages.ReversingTDeprecated);
            if (Sizes.Length < 2) return this;
            return Sizes.Length == 2
                ? Transposed(0, 1, "PermuteBackward0")
                : permute(Enumerable.Range(0, Sizes.Length).Reverse().Select(d => (long)d).ToArray());
        }
    }

    private static int s_reversingTWarned;

    /// <summary>Lets the next <see cref="T"/> of other than two dimensions warn again (for tests).</summary>
    internal static void ResetReversingTWarning() => s_reversingTWarned = 0;

    /// <summary>The transpose of a tensor of at most two dimensions (node TBackward0).</summary>
    public Tensor t()
    {
        if (Sizes.Length > 2) throw new RuntimeError($"t() expects a tensor with <= 2 dimensions, but self is {Sizes.Length}D");
        return Sizes.Length < 2 ? this : Transposed(0, 1, "TBackward0");
    }

    /// <summary>Swaps two dimensions (a view).</summary>
    public Tensor transpose(long dim0, long dim1)
        => Transposed(Shapes.WrapDim(dim0, Sizes.Length), Shapes.WrapDim(dim1, Sizes.Length), "TransposeBackward0");

    private Tensor Transposed(int d0, int d1, string nodeName)
    {
        var sizes = (int[])Sizes.Clone();
        var strides = (int[])_strides.Clone();
        (sizes[d0], sizes[d1]) = (sizes[d1], sizes[d0]);
        (strides[d0], strides[d1]) = (strides[d1], strides[d0]);
        return MakeView(_offset, sizes, strides, nodeName, (g, _) => [g.transpose(d0, d1)]);
    }

    /// <summary>The dimensions reordered: dimension i of the result is dimension <paramref name="dims"/>[i] of this tensor (a view).</summary>
    public Tensor permute(params long[] dims)
    {
        if (dims.Length != Sizes.Length)
            throw new RuntimeError($"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {Sizes.Length} is not equal to len(dims) = {dims.Length}");
        var order = new int[dims.Length];
        var inverse = new long[dims.Length];
        var seen = new bool[dims.Length];
        for (var i = 0; i < dims.Length; i++)
        {
            order[i] = Shapes.WrapDim(dims[i], Sizes.Length);
            if (seen[order[i]]) throw new RuntimeError("permute(): duplicate dims are not allowed.");
            seen[order[i]] = true;
            inverse[order[i]] = i;
        }
        var sizes = Array.ConvertAll(order, d => Sizes[d]);
        var strides = Array.ConvertAll(order, d => _strides[d]);
        return MakeView(_offset, sizes, strides, "PermuteBackward0", (g, _) => [g.permute(inverse)]);
    }

    /// <summary>Inserts a dimension of size 1 at <paramref name="dim"/> (a view).</summary>
    public Tensor unsqueeze(long dim)
    {
        var d = Shapes.WrapDim(dim, Sizes.Length + 1);
        var sizes = Sizes.ToList();
        var strides = _strides.ToList();
        sizes.Insert(d, 1);
        strides.Insert(d, d >= Sizes.Length ? 1 : Sizes[d] * _strides[d]);
        return MakeView(_offset, sizes.ToArray(), strides.ToArray(), "UnsqueezeBackward0", (g, _) => [g.squeeze(d)]);
    }

    /// <summary>Removes every dimension of size 1 (a view).</summary>
    public Tensor squeeze()
    {
        var original = Sizes;
        var keep = Enumerable.Range(0, Sizes.Length).Where(d => Sizes[d] != 1).ToArray();
        return MakeView(_offset, Array.ConvertAll(keep, d => Sizes[d]), Array.ConvertAll(keep, d => _strides[d]),
            "SqueezeBackward0", (g, _) => [g.reshape(original)]);
    }

    /// <summary>Removes dimension <paramref name="dim"/> if its size is 1 (a view).</summary>
    public Tensor squeeze(long dim) => Squeezed(dim, "SqueezeBackward1");

    private Tensor Squeezed(long dim, string nodeName)
    {
        var d = Shapes.WrapDim(dim, Sizes.Length);
        var original = Sizes;
        var keep = Enumerable.Range(0, Sizes.Length).Where(k => Sizes.Length == 0 || k != d || Sizes[d] != 1).ToArray();
        return MakeView(_offset, Array.ConvertAll(keep, k => Sizes[k]), Array.ConvertAll(keep, k => _strides[k]),
            nodeName, (g, _) => [g.reshape(original)]);
    }

    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, with that dimension removed (a view).</summary>
    public Tensor select(long dim, long index)
    {
        if (Sizes.Length == 0) throw new IndexError("select() cannot be applied to a 0-dim tensor.");
        var d = Shapes.WrapDim(dim, Sizes.Length);
        if (index < -Sizes[d] || index >= Sizes[d])
            throw new IndexError($"select(): index {index} out of range for tensor of size {Shapes.Format(Sizes)} at dimension {d}");
        return Selected(d, index);
    }

    /// <summary>The view <see cref="select"/> makes, for an index already checked.</summary>
    private Tensor Selected(int d, long index)
    {
        var i = (int)(index < 0 ? index + Sizes[d] : index);
        var sizes = Sizes.Where((_, k) => k != d).ToArray();
        var strides = _strides.Where((_, k) => k != d).ToArray();
        var original = Sizes;
        // the gradient lands on the selected slice; everything else gets zero
        return MakeView(_offset + i * _strides[d], sizes, strides, "SelectBackward0",
            (g, _) => [g.ScatteredIntoZeros(original, t => t.select(d, i), "SelectBackwardBackward0")]);
    }

    /// <summary>
    /// Elements <paramref name="start"/> to <paramref name="end"/> (exclusive) every <paramref name="step"/> along
    /// <paramref name="dim"/> (a view). Bounds clamp as Python's slices do; null means the start or the end.
    /// </summary>
    public Tensor slice(long dim, long? start, long? end, long step = 1)
    {
        if (Sizes.Length == 0) throw new IndexError("slice() cannot be applied to a 0-dim tensor.");
        if (step == 0) throw new ValueError("slice step cannot be zero");
        if (step < 0) throw new ValueError("step must be greater than zero");
        var d = Shapes.WrapDim(dim, Sizes.Length);
        var size = Sizes[d];
        var from = ClampSliceBound(start ?? 0, size);
        var to = Math.Max(from, ClampSliceBound(end ?? size, size));
        var sizes = (int[])Sizes.Clone();
        var strides = (int[])_strides.Clone();
        sizes[d] = (int)((to - from + step - 1) / step);
        strides[d] = checked((int)(_strides[d] * step));
        var original = Sizes;
        return MakeView(_offset + (int)from * _strides[d], sizes, strides, "SliceBackward0",
            (g, _) => [g.ScatteredIntoZeros(original, t => t.slice(d, from, to, step), "SliceBackwardBackward0")]);
    }

    private static long ClampSliceBound(long bound, int size) => Math.Clamp(bound < 0 ? bound + size : bound, 0, size);

    /// <summary><paramref name="length"/> elements from <paramref name="start"/> along <paramref name="dim"/> (a view, node SliceBackward0).</summary>
    public Tensor narrow(long dim, long start, long length)
    {
        if (Sizes.Length == 0) throw new RuntimeError("narrow() cannot be applied to a 0-dim tensor.");
        var d = Shapes.WrapDim(dim, Sizes.Length);
        var size = Sizes[d];
        // PyTorch 1.13 wraps start as it wraps a dimension (hence the text), letting start == size through.
        if (start != size) start = Shapes.WrapDim(start, size);
        if (length < 0 || start > size - length)
            throw new RuntimeError($"start ({start}) + length ({length}) exceeds dimension size ({size}).");
        return slice(d, start, start + length);
    }

    /// <summary>Zeros of <paramref name="sizes"/> with this tensor written into the view <paramref name="region"/> picks.</summary>
    private Tensor ScatteredIntoZeros(int[] sizes, Func<Tensor, Tensor> region, string nodeName)
    {
        var result = new Tensor(Conversion.NewStorage(dtype, Shapes.Numel(sizes)), sizes, dtype);
        region(result).WriteElements(this);
        if (!Recorder.ShouldRecord(this)) return result;
        return Recorder.Record(result, nodeName, [this], false, (g, _) => [region(g)]);
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
