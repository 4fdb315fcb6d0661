using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradRepl.Tensors.Kernels;

/// <summary>
/// Matrix products as the reference BLAS behind PyTorch's build computes them: every element of the result is
/// Σ_k a_ik·b_kj added one term at a time, k from 0 up, skipping terms whose a_ik is 0, each product and each sum
/// rounded in the operands' precision: float for float32 (so a float32 loss after a Linear prints PyTorch's last digit),
/// double otherwise (int64 operands are computed in double). Never fused multiply-adds, which round once where the BLAS
/// rounds twice. The blocked kernel for large products keeps exactly that order per element, so it gives the same bits
/// as the plain loop. Operands are read through their strides (a transposed view, as backward passes in, is never
/// copied first).
/// </summary>
internal static class MatrixProduct
{
    /// <summary>
    /// Below this many multiply-adds, plain loops (precompiled by ReadyToRun; a lesson's small products pay no JIT).
    /// The blocked kernel's vector code is JIT-compiled in every process, which only pays off for larger products.
    /// </summary>
    private const long BlockedMinWork = 32 * 1024;

    /// <summary>From this many multiply-adds the row blocks are shared among the cores (a split costs ~10-20 µs).</summary>
    private const long ParallelMinWork = 2 * 1024 * 1024;

    /// <summary>Rows of the result that one step of the blocked kernel holds in registers (times two vectors of columns).</summary>
    private const int BlockRows = 4;

    /// <summary>C[n×p] = A[n×m]·B[m×p].</summary>
    public static Tensor Mm(Tensor a, Tensor b) =>
        a.dtype == ScalarType.Float32 ? Mm<float>(a, b) : Mm<double>(a, b);

    private static Tensor Mm<T>(Tensor a, Tensor b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = a.Sizes[0], m = a.Sizes[1], p = b.Sizes[1];
        var work = (long)n * m * p;
        if (work >= BlockedMinWork) return BlockedMm<T>(a, b, n, m, p, work >= ParallelMinWork);
        var c = new T[n * p];
        PlainProduct(Read(a, m, new T[n * m]), Read(b, p, new T[m * p]), c, n, m, p, p);
        return new Tensor(Conversion.Convert(c, a.dtype), [n, p], a.dtype);
    }

    /// <summary>
    /// The large products: operands read into pooled buffers, B and C padded to whole blocks of columns (the padding
    /// is never copied out), the blocks of rows shared among the cores when <paramref name="parallel"/>.
    /// </summary>
    private static Tensor BlockedMm<T>(Tensor a, Tensor b, int n, int m, int p, bool parallel) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var blockColumns = 2 * (Vector512.IsHardwareAccelerated ? Vector512<T>.Count : Vector256<T>.Count);
        var stride = (p + blockColumns - 1) / blockColumns * blockColumns;
        var pool = ArrayPool<T>.Shared;
        T[] x = pool.Rent(n * m), y = pool.Rent(m * stride), padded = pool.Rent(n * stride);
        try
        {
            Read(a, m, x);
            Read(b, stride, y);
            // Skipping a zero a_ik only changes a sum when b_kj is infinite or NaN (0·inf is NaN), so with a finite
            // B the blocked kernel adds every term; otherwise the plain loop keeps the reference BLAS's NaN pattern.
            if (AllFinite<T>(y.AsSpan(0, m * stride)))
                BlockedProduct(x, y, padded, n, m, stride, parallel);
            else
            {
                padded.AsSpan(0, n * stride).Clear();
                PlainProduct(x, y, padded, n, m, p, stride);
            }
            return new Tensor(Unpad(padded, n, p, stride, a.dtype), [n, p], a.dtype);
        }
        finally
        {
            pool.Return(x);
            pool.Return(y);
            pool.Return(padded);
        }
    }

    /// <summary>Σ a_i·b_i as a 0-dim tensor, one term at a time in the operands' precision (the BLAS's dot).</summary>
    public static Tensor Dot(Tensor a, Tensor b)
    {
        if (a.dtype == ScalarType.Float32)
        {
            float[] x = (float[])a.Storage, y = (float[])b.Storage;
            var sum = 0f;
            for (var i = 0; i < x.Length; i++) sum += x[i] * y[i];
            return new Tensor(new[] { sum }, [], a.dtype);
        }
        var xd = (double[])Conversion.Convert(a.Storage, ScalarType.Float64);
        var yd = (double[])Conversion.Convert(b.Storage, ScalarType.Float64);
        var total = 0.0;
        for (var i = 0; i < xd.Length; i++) total += xd[i] * yd[i];
        return new Tensor(Conversion.Filled(a.dtype, 1, total), [], a.dtype);
    }

    /// <summary>
    /// The 2-D tensor's elements in <typeparamref name="T"/> into <paramref name="result"/>, row-major, each row
    /// <paramref name="rowStride"/> long (the columns past the tensor's width set to 0), read through the view's strides.
    /// </summary>
    private static T[] Read<T>(Tensor t, int rowStride, T[] result) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (storage, offset, strides) = t.StorageView;
        int rows = t.Sizes[0], columns = t.Sizes[1];
        switch (storage)
        {
            case float[] f: Read(f, offset, strides[0], strides[1], rows, columns, result, rowStride); break;
            case double[] d: Read(d, offset, strides[0], strides[1], rows, columns, result, rowStride); break;
            default:
                // int64 (and anything else): through the generic element reader.
                for (var i = 0; i < rows; i++)
                for (var j = 0; j < columns; j++) result[i * rowStride + j] = T.CreateTruncating(t.GetAsDouble(i * columns + j));
                break;
        }
        if (rowStride > columns)
            for (var i = 0; i < rows; i++) result.AsSpan(i * rowStride + columns, rowStride - columns).Clear();
        return result;
    }

    private static void Read<TSource, T>(TSource[] source, int offset, int rowStep, int columnStep, int rows, int columns, T[] result, int rowStride)
        where TSource : INumberBase<TSource> where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < rows; i++)
        {
            var from = offset + i * rowStep;
            var row = result.AsSpan(i * rowStride, columns);
            if (columnStep == 1 && typeof(TSource) == typeof(T))
                ((T[])(object)source).AsSpan(from, columns).CopyTo(row);
            else
                for (var j = 0; j < columns; j++) row[j] = T.CreateTruncating(source[from + j * columnStep]);
        }
    }

    private static bool AllFinite<T>(ReadOnlySpan<T> values) where T : IFloatingPointIeee754<T>
    {
        foreach (var v in values)
            if (!T.IsFinite(v)) return false;
        return true;
    }

    /// <summary>The first <paramref name="p"/> columns of each row, in <paramref name="dtype"/>.</summary>
    private static Array Unpad<T>(T[] padded, int n, int p, int stride, ScalarType dtype) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var c = GC.AllocateUninitializedArray<T>(n * p);
        for (var i = 0; i < n; i++) padded.AsSpan(i * stride, p).CopyTo(c.AsSpan(i * p, p));
        return Conversion.Convert(c, dtype);
    }

    /// <summary>The reference loop: i-k-j order, each step adds a scaled row of B to a row of C, skipping zero a_ik.</summary>
    private static void PlainProduct<T>(T[] x, T[] y, T[] c, int n, int m, int p, int stride) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < n; i++)
        {
            // Once per row (m·p multiply-adds): a large product stops soon after Ctrl+C.
            Interruption.ThrowIfRequested();
            var row = c.AsSpan(i * stride, p);
            for (var k = 0; k < m; k++)
            {
                var aik = x[i * m + k];
                if (aik != T.Zero) AddScaledRow(y.AsSpan(k * stride, p), aik, row);
            }
        }
    }

    /// <summary>
    /// row += a·b element by element, rounded after the product and after the sum. Written out rather than
    /// TensorPrimitives.MultiplyAdd, whose vector path may fuse the two (one rounding where the BLAS has two).
    /// </summary>
    private static void AddScaledRow<T>(ReadOnlySpan<T> b, T a, Span<T> row) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated && row.Length >= Vector<T>.Count)
        {
            var av = new Vector<T>(a);
            var bv = MemoryMarshal.Cast<T, Vector<T>>(b);
            var rv = MemoryMarshal.Cast<T, Vector<T>>(row);
            for (var v = 0; v < rv.Length; v++) rv[v] = Vector.Add(Vector.Multiply(bv[v], av), rv[v]);
            j = rv.Length * Vector<T>.Count;
        }
        for (; j < row.Length; j++) row[j] = b[j] * a + row[j];
    }

    /// <summary>
    /// C = A·B with B and C <paramref name="stride"/> columns wide (whole blocks of columns), in blocks of 4 rows × 2
    /// vectors kept in registers while k runs from 0 to m.
    /// </summary>
    private static void BlockedProduct<T>(T[] x, T[] y, T[] c, int n, int m, int stride, bool parallel) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rowBlocks = (n + BlockRows - 1) / BlockRows;
        if (!parallel)
        {
            for (var block = 0; block < rowBlocks; block++)
            {
                // Once per block of rows: a large product stops soon after Ctrl+C.
                Interruption.ThrowIfRequested();
                RowBlock(x, y, c, n, m, stride, block);
            }
            return;
        }
        // Each block writes its own rows, so the result does not depend on which core ran it (CoreSplit also stops at
        // Ctrl+C, and stays on one core while the machine is too busy for a second).
        CoreSplit.Parts(rowBlocks, block => RowBlock(x, y, c, n, m, stride, block));
    }

    private static void RowBlock<T>(T[] x, T[] y, T[] c, int n, int m, int stride, int block) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var i = block * BlockRows;
        if (i + BlockRows <= n && Vector512.IsHardwareAccelerated)
        {
            for (var j = 0; j < stride; j += 2 * Vector512<T>.Count) FourRows512(x, y, c, i, j, m, stride);
            return;
        }
        if (i + BlockRows <= n && Vector256.IsHardwareAccelerated)
        {
            for (var j = 0; j < stride; j += 2 * Vector256<T>.Count) FourRows256(x, y, c, i, j, m, stride);
            return;
        }
        // The last rows (fewer than four), one element at a time in the same order.
        for (; i < n && i < (block + 1) * BlockRows; i++)
        for (var j = 0; j < stride; j++)
        {
            var sum = T.Zero;
            for (var k = 0; k < m; k++) sum += x[i * m + k] * y[k * stride + j];
            c[i * stride + j] = sum;
        }
    }

    /// <summary>c[i..i+4, j..j+2w] = Σ_k a[i.., k]·b[k, j..], k in order, in eight 512-bit registers (w lanes each).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRows512<T>(T[] x, T[] y, T[] c, int i, int j, int m, int stride) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var width = (nuint)Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default, c30 = default, c31 = default;
        ref var a0 = ref x[i * m];
        ref var a1 = ref Unsafe.Add(ref a0, m);
        ref var a2 = ref Unsafe.Add(ref a1, m);
        ref var a3 = ref Unsafe.Add(ref a2, m);
        ref var bk = ref y[j];
        for (var k = 0; k < m; k++, bk = ref Unsafe.Add(ref bk, stride))
        {
            var b0 = Vector512.LoadUnsafe(ref bk);
            var b1 = Vector512.LoadUnsafe(ref bk, width);
            var v = Vector512.Create(Unsafe.Add(ref a0, k));
            c00 += v * b0;
            c01 += v * b1;
            v = Vector512.Create(Unsafe.Add(ref a1, k));
            c10 += v * b0;
            c11 += v * b1;
            v = Vector512.Create(Unsafe.Add(ref a2, k));
            c20 += v * b0;
            c21 += v * b1;
            v = Vector512.Create(Unsafe.Add(ref a3, k));
            c30 += v * b0;
            c31 += v * b1;
        }
        ref var r = ref c[i * stride + j];
        var s = (nuint)stride;
        c00.StoreUnsafe(ref r); c01.StoreUnsafe(ref r, width);
        c10.StoreUnsafe(ref r, s); c11.StoreUnsafe(ref r, s + width);
        c20.StoreUnsafe(ref r, 2 * s); c21.StoreUnsafe(ref r, 2 * s + width);
        c30.StoreUnsafe(ref r, 3 * s); c31.StoreUnsafe(ref r, 3 * s + width);
    }

    /// <summary>The same block with 256-bit registers, for machines without AVX-512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRows256<T>(T[] x, T[] y, T[] c, int i, int j, int m, int stride) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var width = (nuint)Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default, c30 = default, c31 = default;
        ref var a0 = ref x[i * m];
        ref var a1 = ref Unsafe.Add(ref a0, m);
        ref var a2 = ref Unsafe.Add(ref a1, m);
        ref var a3 = ref Unsafe.Add(ref a2, m);
        ref var bk = ref y[j];
        for (var k = 0; k < m; k++, bk = ref Unsafe.Add(ref bk, stride))
        {
            var b0 = Vector256.LoadUnsafe(ref bk);
            var b1 = Vector256.LoadUnsafe(ref bk, width);
            var v = Vector256.Create(Unsafe.Add(ref a0, k));
            c00 += v * b0;
            c01 += v * b1;
            v = Vector256.Create(Unsafe.Add(ref a1, k));
            c10 += v * b0;
            c11 += v * b1;
            v = Vector256.Create(Unsafe.Add(ref a2, k));
            c20 += v * b0;
            c21 += v * b1;
            v = Vector256.Create(Unsafe.Add(ref a3, k));
            c30 += v * b0;
            c31 += v * b1;
        }
        ref var r = ref c[i * stride + j];
        var s = (nuint)stride;
        c00.StoreUnsafe(ref r); c01.StoreUnsafe(ref r, width);
        c10.StoreUnsafe(ref r, s); c11.StoreUnsafe(ref r, s + width);
        c20.StoreUnsafe(ref r, 2 * s); c21.StoreUnsafe(ref r, 2 * s + width);
        c30.StoreUnsafe(ref r, 3 * s); c31.StoreUnsafe(ref r, 3 * s + width);
    }
}
