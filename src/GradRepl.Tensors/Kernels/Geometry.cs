namespace GradRepl.Tensors.Kernels;

/// <summary>Questions about a view's sizes and strides: is it contiguous, can it be viewed in another shape.</summary>
internal static class Geometry
{
    /// <summary>Row-major and gap-free (dimensions of size 1 may have any stride, as in PyTorch).</summary>
    public static bool IsContiguous(int[] sizes, int[] strides)
    {
        var expected = 1;
        for (var d = sizes.Length - 1; d >= 0; d--)
        {
            if (sizes[d] == 0) return true;
            if (sizes[d] == 1) continue;
            if (strides[d] != expected) return false;
            expected *= sizes[d];
        }
        return true;
    }

    /// <summary>
    /// The strides that show the same elements in <paramref name="newSizes"/>, or null when no view can
    /// (PyTorch's computeStride: each run of dimensions that is contiguous in itself may be split or merged).
    /// </summary>
    public static int[]? ViewStrides(int[] oldSizes, int[] oldStrides, int[] newSizes)
    {
        if (oldSizes.Length == 0 || Shapes.Numel(oldSizes) == 0 || IsContiguous(oldSizes, oldStrides))
            return Shapes.Strides(newSizes);
        var newStrides = new int[newSizes.Length];
        var viewD = newSizes.Length - 1;
        var chunkBaseStride = oldStrides[^1];
        long tensorNumel = 1, viewNumel = 1;
        for (var tensorD = oldSizes.Length - 1; tensorD >= 0; tensorD--)
        {
            tensorNumel *= oldSizes[tensorD];
            if (tensorD == 0 || (oldSizes[tensorD - 1] != 1 && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride))
            {
                while (viewD >= 0 && (viewNumel < tensorNumel || newSizes[viewD] == 1))
                {
                    newStrides[viewD] = (int)(viewNumel * chunkBaseStride);
                    viewNumel *= newSizes[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (tensorD > 0)
                {
                    chunkBaseStride = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }

    /// <summary>Whether two elements of the view share one storage position (a dimension of stride 0 and size above 1).</summary>
    public static bool HasInternalOverlap(int[] sizes, int[] strides)
    {
        for (var d = 0; d < sizes.Length; d++)
            if (strides[d] == 0 && sizes[d] > 1) return true;
        return false;
    }

    /// <summary>
    /// Whether the view's elements fill one block of the storage with no gaps and no sharing, in some order of its
    /// dimensions (PyTorch's is_non_overlapping_and_dense: dimensions of size 0 or 1 do not count).
    /// </summary>
    public static bool IsNonOverlappingAndDense(int[] sizes, int[] strides)
    {
        var expected = 1;
        foreach (var d in Enumerable.Range(0, sizes.Length).Where(d => sizes[d] > 1).OrderBy(d => strides[d]))
        {
            if (strides[d] != expected) return false;
            expected *= sizes[d];
        }
        return true;
    }
}
