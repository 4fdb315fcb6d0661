using System.Text;

namespace GradRepl.Tensors.Formatting;

/// <summary>
/// PyTorch's nested-bracket layout (<c>_tensor_str_with_formatter</c> / <c>_vector_str</c>): which elements are shown
/// when summarising, how rows wrap at the line width, and the newlines and indentation between sub-tensors.
/// </summary>
internal static class TensorLayout
{
    /// <summary>PyTorch's <c>linewidth</c>.</summary>
    public const int LineWidth = 80;

    /// <summary>PyTorch's <c>threshold</c>: more elements than this are summarised.</summary>
    public const int Threshold = 1000;

    /// <summary>PyTorch's <c>edgeitems</c>: elements kept at each end of a summarised dimension.</summary>
    public const int EdgeItems = 3;

    /// <summary>True when dimension of size <paramref name="size"/> prints as edges + "...".</summary>
    public static bool IsCut(bool summarize, long size) => summarize && size > 2 * EdgeItems;

    /// <summary>
    /// The printed elements in row-major order (the whole tensor, or the edges of every cut dimension:
    /// PyTorch's <c>get_summarized_data</c>). The formatter sees exactly these, so the mode and width depend only on them.
    /// </summary>
    public static ReadOnlySpan<T> Gather<T>(ReadOnlySpan<T> values, long[] shape, bool summarize)
    {
        if (!summarize)
        {
            return values;
        }

        long count = 1;
        foreach (long size in shape)
        {
            count *= IsCut(summarize, size) ? 2 * EdgeItems : size;
        }

        var shown = new T[count];
        int next = 0;
        GatherDim(values, shape, 0, 0, shown, ref next);
        return shown;
    }

    /// <summary>Appends the bracketed body; <paramref name="indent"/> is the column after <c>tensor(</c>.</summary>
    public static void Write(StringBuilder sb, long[] shape, bool summarize, ElementFormatter formatter, int indent)
    {
        int next = 0;
        if (shape.Length == 0)
        {
            AppendPadded(sb, formatter.Text(0), formatter.Width);
            return;
        }

        WriteDim(sb, shape, 0, summarize, formatter, indent, ref next);
    }

    private static void GatherDim<T>(ReadOnlySpan<T> values, long[] shape, int dim, long offset, T[] shown, ref int next)
    {
        long size = shape[dim];
        long stride = 1;
        for (int d = dim + 1; d < shape.Length; d++)
        {
            stride *= shape[d];
        }

        bool cut = IsCut(true, size);
        long count = cut ? 2 * EdgeItems : size;
        for (long k = 0; k < count; k++)
        {
            long index = cut && k >= EdgeItems ? size - 2 * EdgeItems + k : k;
            long at = offset + index * stride;
            if (dim == shape.Length - 1)
            {
                shown[next++] = values[(int)at];
            }
            else
            {
                GatherDim(values, shape, dim + 1, at, shown, ref next);
            }
        }
    }

    private static void WriteDim(StringBuilder sb, long[] shape, int dim, bool summarize, ElementFormatter formatter, int indent, ref int next)
    {
        long size = shape[dim];
        bool cut = IsCut(summarize, size);
        long count = cut ? 2 * EdgeItems : size;
        sb.Append('[');

        if (dim == shape.Length - 1)
        {
            // _vector_str: a fixed number of elements per line, "..." counting as one element.
            int elementsPerLine = Math.Max(1, (LineWidth - indent) / (formatter.Width + 2));
            int item = 0;
            for (long k = 0; k < count; k++)
            {
                if (cut && k == EdgeItems)
                {
                    AppendVectorSeparator(sb, item++, elementsPerLine, indent);
                    sb.Append(" ...");
                }

                AppendVectorSeparator(sb, item++, elementsPerLine, indent);
                AppendPadded(sb, formatter.Text(next++), formatter.Width);
            }
        }
        else
        {
            // Sub-tensors are separated by "," then (rank - 1) newlines: a blank line per extra level.
            int newlines = shape.Length - dim - 1;
            for (long k = 0; k < count; k++)
            {
                if (cut && k == EdgeItems)
                {
                    AppendBlockSeparator(sb, newlines, indent);
                    sb.Append("...");
                }

                if (k > 0)
                {
                    AppendBlockSeparator(sb, newlines, indent);
                }

                WriteDim(sb, shape, dim + 1, summarize, formatter, indent + 1, ref next);
            }
        }

        sb.Append(']');
    }

    private static void AppendVectorSeparator(StringBuilder sb, int item, int elementsPerLine, int indent)
    {
        if (item == 0)
        {
            return;
        }

        if (item % elementsPerLine == 0)
        {
            sb.Append(",\n").AppendRepeated(' ', indent + 1);
        }
        else
        {
            sb.Append(", ");
        }
    }

    private static void AppendBlockSeparator(StringBuilder sb, int newlines, int indent)
    {
        sb.Append(',').AppendRepeated('\n', newlines).AppendRepeated(' ', indent + 1);
    }

    private static void AppendPadded(StringBuilder sb, ReadOnlySpan<char> text, int width)
    {
        if (text.Length < width)
        {
            sb.AppendRepeated(' ', width - text.Length);
        }

        sb.Append(text);
    }
}
