namespace GradRepl.Tensors.Kernels;

/// <summary>Shape arithmetic: element counts, strides, broadcasting.</summary>
internal static class Shapes
{
    public static int Numel(ReadOnlySpan<int> sizes)
    {
        long n = 1;
        foreach (var s in sizes) n *= s;
        if (n > Array.MaxLength) throw new RuntimeError($"a tensor of {n} elements is larger than this engine supports ({Array.MaxLength})");
        return (int)n;
    }

    public static int[] Strides(ReadOnlySpan<int> sizes)
    {
        if (sizes.Length == 0) return [];
        var strides = new int[sizes.Length];
        var stride = 1;
        for (var d = sizes.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= sizes[d];
        }
        return strides;
    }

    public static string Format(ReadOnlySpan<int> sizes) => "[" + string.Join(", ", sizes.ToArray()) + "]";

    /// <summary>The broadcast shape of two shapes, with PyTorch's error text when they do not broadcast.</summary>
    public static int[] Broadcast(int[] a, int[] b)
    {
        if (a.AsSpan().SequenceEqual(b)) return a;
        var rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i - (rank - a.Length);
            var db = i - (rank - b.Length);
            var sa = da >= 0 ? a[da] : 1;
            var sb = db >= 0 ? b[db] : 1;
            if (sa != sb && sa != 1 && sb != 1)
                throw new RuntimeError($"The size of tensor a ({sa}) must match the size of tensor b ({sb}) at non-singleton dimension {i}");
            result[i] = sa == 1 ? sb : sa;
        }
        return result;
    }

    /// <summary>Copies <paramref name="source"/> (of shape <paramref name="from"/>) expanded to shape <paramref name="to"/>.</summary>
    public static T[] Expand<T>(T[] source, int[] from, int[] to)
    {
        var n = Numel(to);
        var result = Conversion.UninitializedArray<T>(n); // every element is written below
        if (n == 0) return result;
        if (source.Length == 1)
        {
            Conversion.Fill(result, source[0]);
            return result;
        }
        // Source strides in the target's rank, 0 where a dimension is broadcast.
        var rank = to.Length;
        var srcStrides = new int[rank];
        var fromStrides = Strides(from);
        for (var d = 0; d < rank; d++)
        {
            var fd = d - (rank - from.Length);
            srcStrides[d] = fd >= 0 && from[fd] != 1 ? fromStrides[fd] : 0;
        }
        // Copy whole innermost rows when the last dimension is not broadcast.
        var inner = to[rank - 1];
        var innerContiguous = srcStrides[rank - 1] == 1;
        var index = new int[rank];
        for (var offset = 0; offset < n; offset += inner)
        {
            var src = 0;
            for (var d = 0; d < rank - 1; d++) src += index[d] * srcStrides[d];
            if (innerContiguous) Array.Copy(source, src, result, offset, inner);
            else Conversion.Fill(result, source[src], offset, inner);
            for (var d = rank - 2; d >= 0; d--)
            {
                if (++index[d] < to[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }

    /// <summary>Normalises a possibly negative dimension index, with PyTorch's error text.</summary>
    public static int WrapDim(long dim, int rank)
    {
        var r = Math.Max(rank, 1);
        if (dim < -r || dim >= r)
            throw new IndexError($"Dimension out of range (expected to be in range of [{-r}, {r - 1}], but got {dim})");
        return (int)(dim < 0 ? dim + r : dim);
    }
}
