namespace GradRepl.Tensors.Kernels;

/// <summary>
/// Reads and writes the elements of a view: <c>sizes</c> and <c>strides</c> from <c>offset</c> into a storage
/// array. Elements are visited in row-major order of the view; the innermost dimension is copied as a span
/// when its stride is 1.
/// </summary>
internal static class Strided
{
    /// <summary>The view's elements as a new contiguous row-major array.</summary>
    public static Array Gather(Array storage, int offset, int[] sizes, int[] strides) => storage switch
    {
        float[] f => Gather(f, offset, sizes, strides),
        double[] d => Gather(d, offset, sizes, strides),
        long[] l => Gather(l, offset, sizes, strides),
        bool[] b => Gather(b, offset, sizes, strides),
        _ => throw new InvalidOperationException("unknown storage"),
    };

    /// <summary>Writes <paramref name="values"/> (row-major, the view's element count, same element type) into the view.</summary>
    public static void Scatter(Array values, Array storage, int offset, int[] sizes, int[] strides)
    {
        switch (storage)
        {
            case float[] f: Scatter((float[])values, f, offset, sizes, strides); break;
            case double[] d: Scatter((double[])values, d, offset, sizes, strides); break;
            case long[] l: Scatter((long[])values, l, offset, sizes, strides); break;
            case bool[] b: Scatter((bool[])values, b, offset, sizes, strides); break;
            default: throw new InvalidOperationException("unknown storage");
        }
    }

    /// <summary>The storage position of the view's <paramref name="index"/>-th element in row-major order.</summary>
    public static int Position(int index, int offset, int[] sizes, int[] strides)
    {
        var position = offset;
        for (var d = sizes.Length - 1; d >= 0 && index > 0; d--)
        {
            position += index % sizes[d] * strides[d];
            index /= sizes[d];
        }
        return position;
    }

    private static T[] Gather<T>(T[] source, int offset, int[] sizes, int[] strides)
    {
        var result = new T[Shapes.Numel(sizes)];
        Visit(sizes, strides, offset, (position, start, length, stride) =>
        {
            if (stride == 1) source.AsSpan(position, length).CopyTo(result.AsSpan(start, length));
            else for (var k = 0; k < length; k++) result[start + k] = source[position + k * stride];
        });
        return result;
    }

    private static void Scatter<T>(T[] values, T[] target, int offset, int[] sizes, int[] strides)
    {
        Visit(sizes, strides, offset, (position, start, length, stride) =>
        {
            if (stride == 1) values.AsSpan(start, length).CopyTo(target.AsSpan(position, length));
            else for (var k = 0; k < length; k++) target[position + k * stride] = values[start + k];
        });
    }

    /// <summary>Calls <paramref name="row"/> once per innermost row: its storage position, its row-major start, length and stride.</summary>
    private static void Visit(int[] sizes, int[] strides, int offset, Action<int, int, int, int> row)
    {
        var count = Shapes.Numel(sizes);
        if (count == 0) return;
        var rank = sizes.Length;
        if (rank == 0)
        {
            row(offset, 0, 1, 1);
            return;
        }
        var length = sizes[rank - 1];
        var index = new int[rank];
        var position = offset;
        for (var start = 0; start < count; start += length)
        {
            row(position, start, length, strides[rank - 1]);
            for (var d = rank - 2; d >= 0; d--)
            {
                position += strides[d];
                if (++index[d] < sizes[d]) break;
                position -= strides[d] * sizes[d];
                index[d] = 0;
            }
        }
    }
}
