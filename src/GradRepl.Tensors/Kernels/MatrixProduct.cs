using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GradRepl.Tensors.Kernels;

/// <summary>
/// Matrix products. Every element of the result is Σ_k a_ik·b_kj added in double, k from 0 up, skipping terms whose
/// a_ik is 0 (as the reference BLAS behind PyTorch's build does), then rounded once to the result dtype. The blocked
/// kernel for large products keeps exactly that order per element, so it gives the same bits as the plain loop.
/// Operands are read through their strides (a transposed view, as backward passes in, is never copied first).
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
    public static Tensor Mm(Tensor a, Tensor b)
    {
        int n = a.Sizes[0], m = a.Sizes[1], p = b.Sizes[1];
        var work = (long)n * m * p;
        if (work >= BlockedMinWork) return BlockedMm(a, b, n, m, p, work >= ParallelMinWork);
        var c = new double[n * p];
        PlainProduct(ReadAsDouble(a, m, new double[n * m]), ReadAsDouble(b, p, new double[m * p]), c, n, m, p, p);
        return new Tensor(Conversion.Convert(c, a.dtype), [n, p], a.dtype);
    }

    /// <summary>
    /// The large products: operands widened into pooled buffers, B and C padded to whole blocks of columns (the padding
    /// is never copied out), the blocks of rows shared among the cores when <paramref name="parallel"/>.
    /// </summary>
    private static Tensor BlockedMm(Tensor a, Tensor b, int n, int m, int p, bool parallel)
    {
        var blockColumns = 2 * (Vector512.IsHardwareAccelerated ? Vector512<double>.Count : Vector256<double>.Count);
        var stride = (p + blockColumns - 1) / blockColumns * blockColumns;
        var pool = ArrayPool<double>.Shared;
        double[] x = pool.Rent(n * m), y = pool.Rent(m * stride), padded = pool.Rent(n * stride);
        try
        {
            ReadAsDouble(a, m, x);
            ReadAsDouble(b, stride, y);
            // Skipping a zero a_ik only changes a sum when b_kj is infinite or NaN (0·inf is NaN), so with a finite
            // B the blocked kernel adds every term; otherwise the plain loop keeps the reference BLAS's NaN pattern.
            if (AllFinite(y.AsSpan(0, m * stride)))
                BlockedProduct(x, y, padded, n, m, stride, fused: a.dtype == ScalarType.Float32, parallel);
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

    /// <summary>Σ a_i·b_i as a 0-dim tensor.</summary>
    public static Tensor Dot(Tensor a, Tensor b)
    {
        var x = (double[])Conversion.Convert(a.Storage, ScalarType.Float64);
        var y = (double[])Conversion.Convert(b.Storage, ScalarType.Float64);
        var sum = TensorPrimitives.Dot<double>(x, y);
        return new Tensor(Conversion.Filled(a.dtype, 1, sum), [], a.dtype);
    }

    /// <summary>
    /// The 2-D tensor's elements widened to double into <paramref name="result"/>, row-major, each row
    /// <paramref name="rowStride"/> long (the columns past the tensor's width set to 0), read through the view's strides.
    /// </summary>
    private static double[] ReadAsDouble(Tensor t, int rowStride, double[] result)
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
                for (var j = 0; j < columns; j++) result[i * rowStride + j] = t.GetAsDouble(i * columns + j);
                break;
        }
        if (rowStride > columns)
            for (var i = 0; i < rows; i++) result.AsSpan(i * rowStride + columns, rowStride - columns).Clear();
        return result;
    }

    private static void Read<T>(T[] source, int offset, int rowStep, int columnStep, int rows, int columns, double[] result, int rowStride)
        where T : INumberBase<T>
    {
        for (var i = 0; i < rows; i++)
        {
            var from = offset + i * rowStep;
            var row = result.AsSpan(i * rowStride, columns);
            if (columnStep == 1 && typeof(T) == typeof(float) && columns > Conversion.PlainLoopMaxLength / 16)
                TensorPrimitives.ConvertChecked<float, double>(((float[])(object)source).AsSpan(from, columns), row);
            else
                for (var j = 0; j < columns; j++) row[j] = double.CreateTruncating(source[from + j * columnStep]);
        }
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    /// <summary>The first <paramref name="p"/> columns of each row, rounded once to <paramref name="dtype"/>.</summary>
    private static Array Unpad(double[] padded, int n, int p, int stride, ScalarType dtype)
    {
        if (dtype == ScalarType.Float32)
        {
            var result = GC.AllocateUninitializedArray<float>(n * p);
            for (var i = 0; i < n; i++)
                TensorPrimitives.ConvertTruncating<double, float>(padded.AsSpan(i * stride, p), result.AsSpan(i * p, p));
            return result;
        }
        var c = new double[n * p];
        for (var i = 0; i < n; i++) padded.AsSpan(i * stride, p).CopyTo(c.AsSpan(i * p, p));
        return Conversion.Convert(c, dtype);
    }

    /// <summary>The reference loop: i-k-j order, each step adds a scaled row of B to a row of C, skipping zero a_ik.</summary>
    private static void PlainProduct(double[] x, double[] y, double[] c, int n, int m, int p, int stride)
    {
        for (var i = 0; i < n; i++)
        {
            // Once per row (m·p multiply-adds): a large product stops soon after Ctrl+C.
            Interruption.ThrowIfRequested();
            var row = c.AsSpan(i * stride, p);
            for (var k = 0; k < m; k++)
            {
                var aik = x[i * m + k];
                if (aik != 0) TensorPrimitives.MultiplyAdd(y.AsSpan(k * stride, p), aik, row, row);
            }
        }
    }

    /// <summary>
    /// C = A·B with B and C <paramref name="stride"/> columns wide (whole blocks of columns), in blocks of 4 rows × 2
    /// vectors kept in registers while k runs from 0 to m. <paramref name="fused"/>: multiply-adds may be fused, which
    /// gives the same bits when the operands came from float32 (their product is exact in double).
    /// </summary>
    private static void BlockedProduct(double[] x, double[] y, double[] c, int n, int m, int stride, bool fused, bool parallel)
    {
        var rowBlocks = (n + BlockRows - 1) / BlockRows;
        fused &= Fma.IsSupported;
        if (!parallel)
        {
            for (var block = 0; block < rowBlocks; block++)
            {
                // Once per block of rows: a large product stops soon after Ctrl+C.
                Interruption.ThrowIfRequested();
                RowBlock(x, y, c, n, m, stride, block, fused);
            }
            return;
        }
        // Each block writes its own rows, so the result does not depend on which core ran it (CoreSplit also stops at
        // Ctrl+C, and stays on one core while the machine is too busy for a second).
        CoreSplit.Parts(rowBlocks, block => RowBlock(x, y, c, n, m, stride, block, fused));
    }

    private static void RowBlock(double[] x, double[] y, double[] c, int n, int m, int stride, int block, bool fused)
    {
        var i = block * BlockRows;
        if (i + BlockRows <= n && Vector512.IsHardwareAccelerated)
        {
            for (var j = 0; j < stride; j += 2 * Vector512<double>.Count)
            {
                if (fused) FourRows512<Fused>(x, y, c, i, j, m, stride);
                else FourRows512<Separate>(x, y, c, i, j, m, stride);
            }
            return;
        }
        if (i + BlockRows <= n && Vector256.IsHardwareAccelerated)
        {
            for (var j = 0; j < stride; j += 2 * Vector256<double>.Count)
            {
                if (fused) FourRows256<Fused>(x, y, c, i, j, m, stride);
                else FourRows256<Separate>(x, y, c, i, j, m, stride);
            }
            return;
        }
        // The last rows (fewer than four), one element at a time in the same order; fused or not gives the same
        // bits only for float32 operands, so this stays unfused.
        for (; i < n && i < (block + 1) * BlockRows; i++)
        for (var j = 0; j < stride; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < m; k++) sum += x[i * m + k] * y[k * stride + j];
            c[i * stride + j] = sum;
        }
    }

    /// <summary>c[i..i+4, j..j+16] = Σ_k a[i.., k]·b[k, j..], k in order, in eight 512-bit registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRows512<TMultiplyAdd>(double[] x, double[] y, double[] c, int i, int j, int m, int stride)
        where TMultiplyAdd : struct, IMultiplyAdd
    {
        const int width = 8;
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<double> c20 = default, c21 = default, c30 = default, c31 = default;
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
            c00 = TMultiplyAdd.Apply(v, b0, c00);
            c01 = TMultiplyAdd.Apply(v, b1, c01);
            v = Vector512.Create(Unsafe.Add(ref a1, k));
            c10 = TMultiplyAdd.Apply(v, b0, c10);
            c11 = TMultiplyAdd.Apply(v, b1, c11);
            v = Vector512.Create(Unsafe.Add(ref a2, k));
            c20 = TMultiplyAdd.Apply(v, b0, c20);
            c21 = TMultiplyAdd.Apply(v, b1, c21);
            v = Vector512.Create(Unsafe.Add(ref a3, k));
            c30 = TMultiplyAdd.Apply(v, b0, c30);
            c31 = TMultiplyAdd.Apply(v, b1, c31);
        }
        ref var r = ref c[i * stride + j];
        var s = (nuint)stride;
        c00.StoreUnsafe(ref r); c01.StoreUnsafe(ref r, width);
        c10.StoreUnsafe(ref r, s); c11.StoreUnsafe(ref r, s + width);
        c20.StoreUnsafe(ref r, 2 * s); c21.StoreUnsafe(ref r, 2 * s + width);
        c30.StoreUnsafe(ref r, 3 * s); c31.StoreUnsafe(ref r, 3 * s + width);
    }

    /// <summary>The same block with 256-bit registers (4 rows × 8 columns), for machines without AVX-512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRows256<TMultiplyAdd>(double[] x, double[] y, double[] c, int i, int j, int m, int stride)
        where TMultiplyAdd : struct, IMultiplyAdd
    {
        const int width = 4;
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
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
            c00 = TMultiplyAdd.Apply(v, b0, c00);
            c01 = TMultiplyAdd.Apply(v, b1, c01);
            v = Vector256.Create(Unsafe.Add(ref a1, k));
            c10 = TMultiplyAdd.Apply(v, b0, c10);
            c11 = TMultiplyAdd.Apply(v, b1, c11);
            v = Vector256.Create(Unsafe.Add(ref a2, k));
            c20 = TMultiplyAdd.Apply(v, b0, c20);
            c21 = TMultiplyAdd.Apply(v, b1, c21);
            v = Vector256.Create(Unsafe.Add(ref a3, k));
            c30 = TMultiplyAdd.Apply(v, b0, c30);
            c31 = TMultiplyAdd.Apply(v, b1, c31);
        }
        ref var r = ref c[i * stride + j];
        var s = (nuint)stride;
        c00.StoreUnsafe(ref r); c01.StoreUnsafe(ref r, width);
        c10.StoreUnsafe(ref r, s); c11.StoreUnsafe(ref r, s + width);
        c20.StoreUnsafe(ref r, 2 * s); c21.StoreUnsafe(ref r, 2 * s + width);
        c30.StoreUnsafe(ref r, 3 * s); c31.StoreUnsafe(ref r, 3 * s + width);
    }

    /// <summary>c + a·b, fused or not (a type argument, so the choice is made once, outside the loops).</summary>
    private interface IMultiplyAdd
    {
        static abstract Vector512<double> Apply(Vector512<double> a, Vector512<double> b, Vector512<double> c);
        static abstract Vector256<double> Apply(Vector256<double> a, Vector256<double> b, Vector256<double> c);
    }

    private struct Fused : IMultiplyAdd
    {
        public static Vector512<double> Apply(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Vector512.FusedMultiplyAdd(a, b, c);
        public static Vector256<double> Apply(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Fma.MultiplyAdd(a, b, c);
    }

    private struct Separate : IMultiplyAdd
    {
        public static Vector512<double> Apply(Vector512<double> a, Vector512<double> b, Vector512<double> c) => c + a * b;
        public static Vector256<double> Apply(Vector256<double> a, Vector256<double> b, Vector256<double> c) => c + a * b;
    }
}
