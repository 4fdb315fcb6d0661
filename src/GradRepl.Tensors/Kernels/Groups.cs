namespace GradRepl.Tensors.Kernels;

/// <summary>
/// Reductions over any set of dimensions for ops without a dedicated kernel (std, var, prod, norm): the
/// elements of each output position are gathered, in row-major order, into one row of a double matrix.
/// </summary>
internal static class Groups
{
    /// <summary>The input's elements as rows, one per output position of the reduced (kept, size-1) shape.</summary>
    public static double[][] Rows(Tensor t, bool[] reduce, out int[] keptShape)
    {
        var sizes = t.Sizes;
        keptShape = new int[sizes.Length];
        for (var d = 0; d < sizes.Length; d++) keptShape[d] = reduce[d] ? 1 : sizes[d];
        var groups = Shapes.Numel(keptShape);
        var rows = new double[groups][];
        var length = groups == 0 ? 0 : t.Count / groups;
        for (var g = 0; g < groups; g++) rows[g] = new double[length];
        var filled = new int[groups];
        var outStrides = Shapes.Strides(keptShape);
        for (var d = 0; d < sizes.Length; d++) if (reduce[d]) outStrides[d] = 0;
        var values = t.ToDoubleArray();
        var index = new int[sizes.Length];
        var o = 0;
        for (var i = 0; i < values.Length; i++)
        {
            rows[o][filled[o]++] = values[i];
            for (var d = sizes.Length - 1; d >= 0; d--)
            {
                index[d]++;
                o += outStrides[d];
                if (index[d] < sizes[d]) break;
                o -= outStrides[d] * sizes[d];
                index[d] = 0;
            }
        }
        return rows;
    }

    /// <summary>One value per row.</summary>
    public static double[] Apply(double[][] rows, Func<double[], double> reduce)
    {
        var result = new double[rows.Length];
        for (var g = 0; g < rows.Length; g++) result[g] = reduce(rows[g]);
        return result;
    }
}
