using GradRepl.Tensors.Autograd;
using GradRepl.Tensors.Kernels;
using GradRepl.Tensors.Random;

namespace GradRepl.Tensors;

// In-place operations. Each computes its new value with the out-of-place op (which records the backward node
// when grad is on), writes it through this view into the shared storage and bumps the storage's version.
// A write through a view of a tensor in the graph becomes a CopySlices node on the base, as in PyTorch.
public partial class Tensor
{
    /// <summary>How many in-place writes this tensor's storage has seen (PyTorch's <c>_version</c>).</summary>
    internal int Version => _storage.Version;

    /// <summary>The storage's version counter (what a backward node watches).</summary>
    internal VersionCounter VersionCounter => _storage.Counter;

    /// <summary>PyTorch's <c>_version</c>: the in-place writes this tensor's storage has seen (shared by its views).</summary>
    public long _version => _storage.Version;

    /// <summary>Adds <paramref name="other"/> (broadcast) in place.</summary>
    public Tensor add_(Tensor other) => InPlace(other, self => self.add(other));

    /// <summary>Adds a scalar in place.</summary>
    public Tensor add_(double other) => InPlace(null, self => self.add(other));

    /// <summary>Adds an integer in place (integer tensors stay integer).</summary>
    public Tensor add_(long other) => InPlace(null, self => self.add(other));

    /// <summary>Subtracts <paramref name="other"/> (broadcast) in place.</summary>
    public Tensor sub_(Tensor other) => InPlace(other, self => self.sub(other));

    /// <summary>Subtracts a scalar in place.</summary>
    public Tensor sub_(double other) => InPlace(null, self => self.sub(other));

    /// <summary>Subtracts an integer in place.</summary>
    public Tensor sub_(long other) => InPlace(null, self => self.sub(other));

    /// <summary>Multiplies by <paramref name="other"/> (broadcast) in place.</summary>
    public Tensor mul_(Tensor other) => InPlace(other, self => self.mul(other));

    /// <summary>Multiplies by a scalar in place.</summary>
    public Tensor mul_(double other) => InPlace(null, self => self.mul(other));

    /// <summary>Multiplies by an integer in place.</summary>
    public Tensor mul_(long other) => InPlace(null, self => self.mul(other));

    /// <summary>Divides by <paramref name="other"/> (broadcast) in place.</summary>
    public Tensor div_(Tensor other) => InPlace(other, self => self.div(other));

    /// <summary>Divides by a scalar in place.</summary>
    public Tensor div_(double other) => InPlace(null, self => self.div(other));

    /// <summary>Raises every element to a power in place.</summary>
    public Tensor pow_(double exponent) => InPlace(null, self => self.pow(exponent));

    /// <summary>Raises every element to the matching element of <paramref name="exponent"/> in place.</summary>
    public Tensor pow_(Tensor exponent) => InPlace(exponent, self => self.pow(exponent));

    /// <summary>Clamps every element into [min, max] in place.</summary>
    public Tensor clamp_(double? min = null, double? max = null) => InPlace(null, self => self.clamp(min, max));

    /// <summary>Sets every element to zero in place and returns this tensor (used to reset <c>.grad</c>).</summary>
    public Tensor zero_() => InPlace(null, self => self.Filled(0, "ZeroBackward0"), writesOneValue: true);

    /// <summary>Sets every element to <paramref name="value"/> in place.</summary>
    public Tensor fill_(double value) => InPlace(null, self => self.Filled(value, "FillBackward2"), writesOneValue: true);

    /// <summary>Copies the elements of <paramref name="src"/> (broadcast, cast to this dtype) into this tensor.</summary>
    public Tensor copy_(Tensor src) => InPlace(src, self => self.CopiedFrom(src));

    /// <summary>Fills with uniform random numbers in [<paramref name="from"/>, <paramref name="to"/>), PyTorch's draws for a seed.</summary>
    public Tensor uniform_(double from = 0, double to = 1)
    {
        var generator = torch.DefaultGenerator;
        return InPlace(null, self =>
        {
            if (!dtype.IsFloatingPoint()) throw new RuntimeError($"\"uniform_\" not implemented for '{dtype.CppName()}'");
            var values = Conversion.Uninitialized(dtype, Count);
            if (values is float[] f)
            {
                // PyTorch computes in float: 24 random bits scaled, times (to - from) in float, plus from, the last
                // two fused into one multiply-add as its AVX2 build compiles them (nn.init's bounds show the difference).
                float low = (float)from, range = (float)to - (float)from;
                for (var i = 0; i < f.Length; i++) f[i] = MathF.FusedMultiplyAdd(generator.NextFloat(), range, low);
            }
            else
            {
                var d = (double[])values;
                for (var i = 0; i < d.Length; i++) d[i] = Math.FusedMultiplyAdd(generator.NextDouble(), to - from, from);
            }
            return self.Filled(InMemoryOrder(values), "UniformBackward0");
        });
    }

    /// <summary>Fills with normal random numbers of the given mean and standard deviation, PyTorch's draws for a seed.</summary>
    public Tensor normal_(double mean = 0, double std = 1)
    {
        var generator = torch.DefaultGenerator;
        return InPlace(null, self =>
        {
            if (!dtype.IsFloatingPoint()) throw new RuntimeError($"\"normal_kernel_cpu\" not implemented for '{dtype.CppName()}'");
            return self.Filled(InMemoryOrder(NormalValues(generator, mean, std)), "NormalBackward0");
        });
    }

    /// <summary>
    /// Values drawn in the order the elements sit in memory (PyTorch's kernels walk the storage, so a transposed view
    /// gets its numbers column by column), rearranged into this view's row-major order.
    /// </summary>
    private Array InMemoryOrder(Array drawn)
    {
        if (IsContiguousView) return drawn;
        // Dimensions from the largest stride to the smallest: row-major over them is the storage's order.
        var order = Enumerable.Range(0, Sizes.Length).OrderByDescending(d => _strides[d]).ToArray();
        var inverse = new long[order.Length];
        for (var i = 0; i < order.Length; i++) inverse[order[i]] = i;
        var inMemory = new Tensor(drawn, Array.ConvertAll(order, d => Sizes[d]), dtype);
        using (torch.no_grad()) return inMemory.permute(inverse).Storage;
    }

    private Array NormalValues(MersenneTwister generator, double mean, double std)
    {
        // Small tensors draw one double normal per element, scaled in double; larger ones the 16-wide fill, scaled in the dtype.
        var values = Conversion.Uninitialized(dtype, Count);
        switch (values)
        {
            case float[] f:
                NormalDistribution.Fill(f, generator, mean, std);
                break;
            case double[] d:
                NormalDistribution.Fill(d, generator, mean, std);
                break;
        }
        return values;
    }

    /// <summary>A tensor of this shape and dtype holding <paramref name="value"/> everywhere, its gradient zero (node <paramref name="nodeName"/>).</summary>
    private Tensor Filled(double value, string nodeName) => Filled(Conversion.Filled(dtype, Count, value), nodeName);

    private Tensor Filled(Array values, string nodeName)
    {
        var result = new Tensor(values, Sizes, dtype);
        if (!Recorder.ShouldRecord(this)) return result;
        // the old values are gone: nothing flows back to them
        return Recorder.Record(result, nodeName, [this], false, (g, _) => [g * 0.0]);
    }

    /// <summary><paramref name="src"/> broadcast to this shape and cast to this dtype (node CopyBackwards).</summary>
    private Tensor CopiedFrom(Tensor src)
    {
        var result = new Tensor(Conversion.NewStorage(dtype, Count), Sizes, dtype);
        result.WriteElements(src);
        if (!Recorder.ShouldRecord(this, src)) return result;
        var source = InputInfo.Of(src);
        // the copy replaces this tensor's values: the gradient goes to the source only
        return Recorder.Record(result, "CopyBackwards", [this, src], false,
            (g, needs) => [needs[0] ? g * 0.0 : null, needs[1] ? source.Reduce(g) : null]);
    }

    /// <summary><paramref name="src"/>'s elements broadcast to this shape (PyTorch's expand error when they do not broadcast).</summary>
    private Tensor BroadcastToThis(Tensor src)
        => src.Sizes.AsSpan().SequenceEqual(Sizes) ? src : src.detach().expand(Array.ConvertAll(Sizes, s => (long)s));

    /// <summary>
    /// Runs an in-place op: checks it is allowed, computes the new value with <paramref name="compute"/> (an
    /// out-of-place op), writes it through this view, bumps the version and moves this tensor's history on.
    /// </summary>
    /// <param name="other">The op's tensor operand, if any (it decides whether the op is recorded).</param>
    /// <param name="writesOneValue">Every element gets the same value, so elements sharing a storage position are fine (fill_, zero_).</param>
    private Tensor InPlace(Tensor? other, Func<Tensor, Tensor> compute, bool writesOneValue = false)
    {
        Interruption.ThrowIfRequested();
        var recording = GradMode.IsEnabled && (requires_grad || other is { requires_grad: true });
        if (GradMode.IsEnabled && requires_grad && is_leaf) throw new RuntimeError(Messages.LeafInPlace);
        if (recording && _base is { } root && root.requires_grad && root.is_leaf) throw new RuntimeError(Messages.ViewOfLeafInPlace);
        if (GradMode.IsEnabled && _madeInNoGrad) throw new RuntimeError(Messages.NoGradViewInPlace);
        if (!writesOneValue && Geometry.HasInternalOverlap(Sizes, _strides)) throw new RuntimeError(Messages.OverlappingWrite);
        // Backward must see the old values, which the write is about to overwrite: record against a copy.
        var value = compute(recording ? Snapshot() : this);
        if (!TypePromotion.CanCast(value.dtype, dtype))
            throw new RuntimeError($"result type {value.dtype.CppName()} can't be cast to the desired output type {dtype.CppName()}");
        if (!value.Sizes.AsSpan().SequenceEqual(Sizes))
            throw new RuntimeError($"output with shape {Shapes.Format(Sizes)} doesn't match the broadcast shape {Shapes.Format(value.Sizes)}");
        WriteElements(value);
        _storage.BumpVersion();
        if (recording && value.grad_fn is { } node) MoveHistory(node);
        return this;
    }

    /// <summary>A copy of the elements that stands for this tensor in the graph (same grad_fn), for an op about to overwrite it.</summary>
    private Tensor Snapshot()
    {
        var copy = new Tensor(Storage is var s && _isPlain ? (Array)s.Clone() : s, Sizes, dtype);
        copy._gradFn = CurrentGradFn();
        return copy;
    }

    /// <summary>Makes <paramref name="node"/> (the in-place op's) this tensor's grad_fn, or for a view, its base's through CopySlices.</summary>
    private void MoveHistory(Node node)
    {
        if (_base is null)
        {
            _gradFn = node;
            return;
        }
        var root = _base;
        if (!root._isPlain)
            throw new RuntimeError("an in-place write into a view is differentiable here only when the viewed tensor is contiguous; call contiguous() on it first");
        var (offset, sizes, strides) = (_offset, Sizes, _strides);
        var inputs = node.Inputs.ToArray();
        inputs[0] = root.GradEdge();
        // The base's gradient passes through unchanged outside the view; inside it, the op's gradient for its self input.
        root._gradFn = new Node("CopySlices", inputs, (g, _) =>
        {
            var baseGrad = new Tensor((Array)g.Storage.Clone(), g.Sizes, g.dtype);
            var region = new Tensor(baseGrad, offset, sizes, strides);
            // The op's gradients must not share the array the region is written into next.
            var opGrads = node.Apply(new Tensor(region._isPlain ? (Array)region.Storage.Clone() : region.Storage, sizes, g.dtype));
            region.WriteElements(opGrads.Length > 0 && opGrads[0] is { } selfGrad ? selfGrad : torch.zeros_like(region));
            var result = new Tensor?[inputs.Length];
            result[0] = baseGrad;
            for (var i = 1; i < inputs.Length; i++) result[i] = i < opGrads.Length ? opGrads[i] : null;
            return result;
        }, savesTensors: false);
        RegenerateGradFn();
    }

    /// <summary>
    /// Writes <paramref name="source"/>'s elements (broadcast to this shape, cast to this dtype) through this view into
    /// the storage, without autograd or a version bump: the engine's own write path for fresh tensors and in-place ops.
    /// </summary>
    internal void WriteElements(Tensor source)
    {
        var data = Conversion.Convert(BroadcastToThis(source).Storage, dtype);
        if (_isPlain)
        {
            if (!ReferenceEquals(data, _storage.Data)) Array.Copy(data, _storage.Data, Count);
            return;
        }
        // Reading a view of this same storage gave a copy, but a plain tensor's Storage is the array itself.
        if (ReferenceEquals(data, _storage.Data)) data = (Array)data.Clone();
        Strided.Scatter(data, _storage.Data, _offset, Sizes, _strides);
    }
}
