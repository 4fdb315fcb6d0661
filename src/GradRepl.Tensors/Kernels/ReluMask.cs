using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>From this many bytes of output, streaming stores (the output is fresh and nobody reads it during the pass).</summary>
    private const int StreamingBytes = 256 * 1024;

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
        var done = x.Length > PlainMaxLength ? mask.ForwardVector512(x, result) : 0;
        mask.ForwardPlain(x, result, done, x.Length);
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
        var done = output.Length > PlainMaxLength ? BackwardVector512(grad, output) : 0;
        BackwardPlain(grad, output, done, output.Length);
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

    // 16 floats per step from the output's first 64-byte boundary (streaming stores need it; the elements before it
    // take the plain loop): one compare gives the 16 mask bits. Returns how far it got (0 without 512-bit vectors);
    // the caller finishes the tail.
    private unsafe int ForwardVector512(float[] x, float[] result)
    {
        if (!Vector512.IsHardwareAccelerated) return 0;
        var streaming = (long)result.Length * sizeof(float) >= StreamingBytes;
        fixed (float* px = x, pr = result)
        {
            var i = ElementsToAlignment(pr, result.Length);
            ForwardPlain(x, result, 0, i);
            for (; i <= result.Length - 16; i += 16)
            {
                var v = Vector512.Load(px + i);
                var passes = ~Vector512.LessThanOrEqual(v, Vector512<float>.Zero).AsUInt32();
                var kept = Vector512.ConditionalSelect(passes.AsSingle(), v, Vector512<float>.Zero);
                if (streaming) Vector512.StoreAlignedNonTemporal(kept, pr + i);
                else Vector512.StoreAligned(kept, pr + i);
                SetBits(i, (uint)passes.ExtractMostSignificantBits());
            }
            // Streaming stores are weakly ordered: fence them before the array is handed on.
            if (streaming) Sse.StoreFence();
            return i;
        }
    }

    private unsafe int BackwardVector512(float grad, float[] output)
    {
        if (!Vector512.IsHardwareAccelerated) return 0;
        var lanes = Vector512.Create(1u, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);
        var g = Vector512.Create(grad);
        var streaming = (long)output.Length * sizeof(float) >= StreamingBytes;
        fixed (float* po = output)
        {
            var i = ElementsToAlignment(po, output.Length);
            BackwardPlain(grad, output, 0, i);
            for (; i <= output.Length - 16; i += 16)
            {
                var passes = Vector512.Equals(Vector512.Create(GetBits(i)) & lanes, lanes);
                var value = Vector512.ConditionalSelect(passes.AsSingle(), g, Vector512<float>.Zero);
                if (streaming) Vector512.StoreAlignedNonTemporal(value, po + i);
                else Vector512.StoreAligned(value, po + i);
            }
            if (streaming) Sse.StoreFence();
            return i;
        }
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
