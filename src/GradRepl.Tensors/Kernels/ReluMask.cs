using System.Runtime.Intrinsics;

namespace GradRepl.Tensors.Kernels;

/// <summary>
/// relu's forward pass with a bit per element of where its output is not &lt;= 0 (positive, or NaN), and its backward
/// pass from those bits: PyTorch's threshold_backward(grad, result, 0) without keeping the result. The graph then
/// holds 1 bit per element instead of the whole output, so the output can die as soon as the caller drops it (a 4 MB
/// array fewer for the collector to copy in the middle of a backward), and backward reads 1/32 of the memory.
/// </summary>
internal sealed class ReluMask
{
    /// <summary>
    /// Above this many elements the vectorised loops are used; below, plain loops that ReadyToRun precompiles. The
    /// vector loops' code is JIT-compiled in every process (precompiled code cannot know the vector width), which costs
    /// more than a plain pass over a few thousand floats, such as a lesson's 1,000 points. Methods that only dispatch
    /// never touch Vector512 themselves, so their precompiled code stays valid.
    /// </summary>
    private const int PlainMaxLength = Conversion.PlainLoopMaxLength;

    private readonly ulong[] _bits;

    private ReluMask(int length)
    {
        Length = length;
        // One spare word: 16 bits set at an unaligned position may reach into the word after the last.
        _bits = new ulong[(length + 63) / 64 + 1];
    }

    /// <summary>How many elements the mask covers.</summary>
    public int Length { get; }

    /// <summary>Whether the output at <paramref name="index"/> was positive or NaN (the gradient passes there).</summary>
    public bool Passes(int index) => (_bits[index >> 6] & (1UL << index)) != 0;

    /// <summary>result = max(x, 0) (NaN stays NaN, -0 becomes 0, as TensorPrimitives.Max), and the mask of result.</summary>
    public static ReluMask Forward(float[] x, float[] result)
    {
        var mask = new ReluMask(x.Length);
        if (x.Length <= PlainMaxLength) mask.ForwardPlain(x, result, 0, x.Length);
        else CoreSplit.Ranges(x.Length, (from, to) => mask.ForwardRange(x, result, from, to));
        return mask;
    }

    /// <summary>The float64 form of <see cref="Forward(float[], float[])"/> (plain loop).</summary>
    public static ReluMask Forward(double[] x, double[] result)
    {
        var mask = new ReluMask(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var passes = !(v <= 0);
            result[i] = passes ? v : 0d;
            if (passes) mask.Set(i);
        }
        return mask;
    }

    /// <summary>output = grad where the mask passes, else 0, for a gradient that is one value everywhere.</summary>
    public void Backward(float grad, float[] output)
    {
        if (output.Length <= PlainMaxLength) BackwardPlain(grad, output, 0, output.Length);
        else CoreSplit.Ranges(output.Length, (from, to) => BackwardRange(grad, output, from, to));
    }

    /// <summary>output = grad where the mask passes, else 0 (same-length arrays).</summary>
    public void Backward(float[] grad, float[] output)
    {
        for (var i = 0; i < output.Length; i++) output[i] = Passes(i) ? grad[i] : 0f;
    }

    /// <summary>The float64 form, for a single-valued gradient.</summary>
    public void Backward(double grad, double[] output)
    {
        for (var i = 0; i < output.Length; i++) output[i] = Passes(i) ? grad : 0d;
    }

    /// <summary>The float64 form.</summary>
    public void Backward(double[] grad, double[] output)
    {
        for (var i = 0; i < output.Length; i++) output[i] = Passes(i) ? grad[i] : 0d;
    }

    private void ForwardPlain(float[] x, float[] result, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var v = x[i];
            var passes = !(v <= 0);
            result[i] = passes ? v : 0f;
            if (passes) Set(i);
        }
    }

    private void BackwardPlain(float grad, float[] output, int from, int to)
    {
        for (var i = from; i < to; i++) output[i] = Passes(i) ? grad : 0f;
    }

    // Elements [from, to): 16 floats per step from the output's first 64-byte boundary (whole cache lines; the elements
    // before it, and the tail, take the plain loop). One compare gives the 16 mask bits. The bits written stay inside
    // the range's words, as CoreSplit's chunks are whole words. Plain stores, not streaming ones: the sum or the
    // gradient's next user reads the output right away, from the cache (streaming stores measured 1.3x against 1.6x
    // PyTorch's speed on relu + sum + backward of 1e6, bench (b)).
    private unsafe void ForwardRange(float[] x, float[] result, int from, int to)
    {
        var i = from;
        if (Vector512.IsHardwareAccelerated)
        {
            fixed (float* px = x, pr = result)
            {
                i += ElementsToAlignment(pr + from, to - from);
                ForwardPlain(x, result, from, i);
                for (; i <= to - 16; i += 16)
                {
                    var v = Vector512.Load(px + i);
                    var passes = ~Vector512.LessThanOrEqual(v, Vector512<float>.Zero).AsUInt32();
                    var kept = Vector512.ConditionalSelect(passes.AsSingle(), v, Vector512<float>.Zero);
                    Vector512.StoreAligned(kept, pr + i);
                    SetBits(i, (uint)passes.ExtractMostSignificantBits());
                }
            }
        }
        ForwardPlain(x, result, i, to);
    }

    private unsafe void BackwardRange(float grad, float[] output, int from, int to)
    {
        var i = from;
        if (Vector512.IsHardwareAccelerated)
        {
            var lanes = Vector512.Create(1u, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);
            var g = Vector512.Create(grad);
            fixed (float* po = output)
            {
                i += ElementsToAlignment(po + from, to - from);
                BackwardPlain(grad, output, from, i);
                for (; i <= to - 16; i += 16)
                {
                    var passes = Vector512.Equals(Vector512.Create(GetBits(i)) & lanes, lanes);
                    var value = Vector512.ConditionalSelect(passes.AsSingle(), g, Vector512<float>.Zero);
                    Vector512.StoreAligned(value, po + i);
                }
            }
        }
        BackwardPlain(grad, output, i, to);
    }

    /// <summary>How many floats from <paramref name="p"/> to the next 64-byte boundary (at most <paramref name="length"/>).</summary>
    private static unsafe int ElementsToAlignment(float* p, int length) =>
        (int)Math.Min((uint)length, ((64 - ((nuint)p & 63)) & 63) / sizeof(float));

    private void Set(int index) => _bits[index >> 6] |= 1UL << index;

    /// <summary>ORs 16 bits in at element <paramref name="index"/> (they may straddle two words).</summary>
    private void SetBits(int index, uint sixteen)
    {
        var word = index >> 6;
        var shift = index & 63;
        _bits[word] |= (ulong)sixteen << shift;
        if (shift > 48) _bits[word + 1] |= (ulong)sixteen >> (64 - shift);
    }

    /// <summary>The 16 bits from element <paramref name="index"/> on.</summary>
    private uint GetBits(int index)
    {
        var word = index >> 6;
        var shift = index & 63;
        var bits = _bits[word] >> shift;
        if (shift > 48) bits |= _bits[word + 1] << (64 - shift);
        return (uint)bits & 0xFFFF;
    }
}
