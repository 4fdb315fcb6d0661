using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GradRepl.Tensors.Kernels;

/// <summary>
/// The loops of threshold_backward (relu's gradient): the gradient where the result is positive, else 0, so a
/// NaN result lets the gradient through, as in PyTorch.
/// </summary>
internal static class Threshold
{
    /// <summary>Outputs from this size up are written with streaming stores (the size from which TensorPrimitives streams its own outputs).</summary>
    private const int StreamingBytes = 256 * 1024;

    /// <summary>output[i] = result[i] &lt;= 0 ? 0 : grad[i].</summary>
    public static void ZeroWhereNotPositive<T>(T[] grad, T[] result, T[] output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var gv = MemoryMarshal.Cast<T, Vector<T>>(grad.AsSpan());
            var rv = MemoryMarshal.Cast<T, Vector<T>>(result.AsSpan());
            var ov = MemoryMarshal.Cast<T, Vector<T>>(output.AsSpan());
            for (var k = 0; k < ov.Length; k++)
                ov[k] = Vector.ConditionalSelect(Vector.LessThanOrEqual(rv[k], Vector<T>.Zero), Vector<T>.Zero, gv[k]);
            i = ov.Length * Vector<T>.Count;
        }
        for (; i < output.Length; i++) output[i] = result[i] <= T.Zero ? T.Zero : grad[i];
    }

    /// <summary>output[i] = result[i] &lt;= 0 ? 0 : grad, for a gradient that is one value everywhere.</summary>
    public static void ZeroWhereNotPositive<T>(T grad, T[] result, T[] output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector512.IsHardwareAccelerated && (long)output.Length * Unsafe.SizeOf<T>() >= StreamingBytes)
        {
            Streaming(grad, result, output);
            return;
        }
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var g = new Vector<T>(grad);
            var rv = MemoryMarshal.Cast<T, Vector<T>>(result.AsSpan());
            var ov = MemoryMarshal.Cast<T, Vector<T>>(output.AsSpan());
            for (var k = 0; k < ov.Length; k++)
                ov[k] = Vector.ConditionalSelect(Vector.LessThanOrEqual(rv[k], Vector<T>.Zero), Vector<T>.Zero, g);
            i = ov.Length * Vector<T>.Count;
        }
        for (; i < output.Length; i++) output[i] = result[i] <= T.Zero ? T.Zero : grad;
    }

    /// <summary>
    /// The same with non-temporal (streaming) stores. The output is a fresh array nobody reads during this
    /// backward: ordinary stores would first fetch each of its cache lines from memory (read for ownership),
    /// a third more memory traffic than the kernel needs.
    /// </summary>
    private static unsafe void Streaming<T>(T grad, T[] result, T[] output) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = output.Length;
        fixed (T* r = result, o = output)
        {
            var i = 0;
            // Streaming stores need 64-byte aligned addresses: single elements up to the first boundary.
            for (; i < n && ((nuint)(o + i) & 63) != 0; i++) o[i] = r[i] <= T.Zero ? T.Zero : grad;
            var g = Vector512.Create(grad);
            for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                var keep = Vector512.LessThanOrEqual(Vector512.Load(r + i), Vector512<T>.Zero);
                Vector512.StoreAlignedNonTemporal(Vector512.ConditionalSelect(keep, Vector512<T>.Zero, g), o + i);
            }
            for (; i < n; i++) o[i] = r[i] <= T.Zero ? T.Zero : grad;
        }
        // Streaming stores are weakly ordered: fence them before the array is handed on (possibly to another thread).
        Sse.StoreFence();
    }
}
