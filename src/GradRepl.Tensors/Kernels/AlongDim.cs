namespace GradRepl.Tensors.Kernels;

/// <summary>Row-major addressing along one dimension, for the kernels that work dimension by dimension.</summary>
internal static class AlongDim
{
    /// <summary>
    /// Splits <paramref name="sizes"/> around <paramref name="dim"/> into (outer, size, inner): element (o, i, k)
    /// sits at (o·size + i)·inner + k in row-major storage.
    /// </summary>
    public static (int Outer, int Size, int Inner) AroundDim(int[] sizes, int dim)
    {
        var outer = 1;
        for (var d = 0; d < dim; d++) outer *= sizes[d];
        var inner = 1;
        for (var d = dim + 1; d < sizes.Length; d++) inner *= sizes[d];
        return (outer, sizes.Length == 0 ? 1 : sizes[dim], inner);
    }
}
