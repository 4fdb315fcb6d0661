namespace GradRepl.Tensors.Kernels;

/// <summary>
/// Copies along one dimension by index: gather reads source[.., index[p], ..] into p, scatter-add adds p into
/// target[.., index[p], ..]. Positions are row-major over the index's shape; the other coordinates are shared.
/// </summary>
internal static class Gather
{
    /// <summary>For each position of <paramref name="indexSizes"/>, the flat offset it addresses in a tensor of <paramref name="sizes"/>.</summary>
    public static int[] Offsets(int[] sizes, int dim, long[] index, int[] indexSizes)
    {
        var strides = Shapes.Strides(sizes);
        var offsets = new int[index.Length];
        var coords = new int[indexSizes.Length];
        for (var p = 0; p < index.Length; p++)
        {
            var at = index[p];
            if (at < -sizes[dim] || at >= sizes[dim])
                throw new RuntimeError($"index {at} is out of bounds for dimension {dim} with size {sizes[dim]}");
            var offset = 0;
            for (var d = 0; d < coords.Length; d++)
                offset += (d == dim ? (int)(at < 0 ? at + sizes[dim] : at) : coords[d]) * strides[d];
            offsets[p] = offset;
            for (var d = coords.Length - 1; d >= 0; d--)
            {
                if (++coords[d] < indexSizes[d]) break;
                coords[d] = 0;
            }
        }
        return offsets;
    }

    public static Array Read(Array source, int[] offsets)
    {
        var result = Array.CreateInstance(source.GetType().GetElementType()!, offsets.Length);
        for (var p = 0; p < offsets.Length; p++) Array.Copy(source, offsets[p], result, p, 1);
        return result;
    }

    /// <summary>Writes each of <paramref name="values"/> at its offset in <paramref name="target"/>, in order (a repeated offset keeps the last).</summary>
    public static void Write(Array target, int[] offsets, Array values)
    {
        for (var p = 0; p < offsets.Length; p++) Array.Copy(values, p, target, offsets[p], 1);
    }

    /// <summary>A fresh array of <paramref name="length"/> zeros with each value added at its offset.</summary>
    public static Array AddInto(Array values, int[] offsets, int length)
    {
        switch (values)
        {
            case float[] f:
            {
                var r = new float[length];
                for (var p = 0; p < offsets.Length; p++) r[offsets[p]] += f[p];
                return r;
            }
            case double[] d:
            {
                var r = new double[length];
                for (var p = 0; p < offsets.Length; p++) r[offsets[p]] += d[p];
                return r;
            }
            default:
            {
                var l = (long[])Conversion.Convert(values, ScalarType.Int64);
                var r = new long[length];
                for (var p = 0; p < offsets.Length; p++) r[offsets[p]] += l[p];
                return r;
            }
        }
    }
}
