using System.Numerics.Tensors;

namespace GradRepl.Tensors.Kernels;

/// <summary>Matrix products on row-major storage. Rows accumulate in double, then round once to the result dtype.</summary>
internal static class MatrixProduct
{
    /// <summary>C[n×p] = A[n×m]·B[m×p].</summary>
    public static Tensor Mm(Tensor a, Tensor b)
    {
        int n = a.Sizes[0], m = a.Sizes[1], p = b.Sizes[1];
        var x = (double[])Conversion.Convert(a.Storage, ScalarType.Float64);
        var y = (double[])Conversion.Convert(b.Storage, ScalarType.Float64);
        var c = new double[n * p];
        // i-k-j order: each step adds a scaled row of B to a row of C, which vectorises.
        for (var i = 0; i < n; i++)
        {
            // Once per row (m·p multiply-adds): a large product stops soon after Ctrl+C.
            Interruption.ThrowIfRequested();
            var row = c.AsSpan(i * p, p);
            for (var k = 0; k < m; k++)
            {
                var aik = x[i * m + k];
                if (aik != 0) TensorPrimitives.MultiplyAdd(y.AsSpan(k * p, p), aik, row, row);
            }
        }
        return new Tensor(Conversion.Convert(c, a.dtype), [n, p], a.dtype);
    }

    /// <summary>Σ a_i·b_i as a 0-dim tensor.</summary>
    public static Tensor Dot(Tensor a, Tensor b)
    {
        var x = (double[])Conversion.Convert(a.Storage, ScalarType.Float64);
        var y = (double[])Conversion.Convert(b.Storage, ScalarType.Float64);
        var sum = TensorPrimitives.Dot<double>(x, y);
        return new Tensor(Conversion.Filled(a.dtype, 1, sum), [], a.dtype);
    }
}
