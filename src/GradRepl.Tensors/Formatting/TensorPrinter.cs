using System.Text;

namespace GradRepl.Tensors.Formatting;

/// <summary>Formats tensor data exactly as PyTorch's <c>repr</c> does (torch/_tensor_str.py, PyTorch 1.13).</summary>
internal static class TensorPrinter
{
    private const string Prefix = "tensor(";

    /// <summary>
    /// The full repr, e.g. <c>tensor([1., 2.], requires_grad=True)</c>.
    /// </summary>
    /// <param name="values">Elements in row-major order, widened to double (exact for float32, int64 up to 2^53, bool as 0/1; int64 tensors print through the overload that takes their own values).</param>
    /// <param name="shape">The tensor's shape; empty for a scalar.</param>
    /// <param name="dtype">Element type; decides int/float formatting and the dtype= suffix.</param>
    /// <param name="requiresGrad">Adds <c>requires_grad=True</c> (only when <paramref name="gradFnName"/> is null).</param>
    /// <param name="gradFnName">The grad_fn node's name, e.g. <c>PowBackward0</c>; adds <c>grad_fn=&lt;...&gt;</c>.</param>
    public static string Repr(ReadOnlySpan<double> values, long[] shape, ScalarType dtype, bool requiresGrad, string? gradFnName)
    {
        long numel = CheckedNumel(shape, values.Length);
        if (numel == 0)
        {
            return Assemble(shape, dtype, summarize: false, formatter: null, requiresGrad, gradFnName);
        }

        bool summarize = numel > TensorLayout.Threshold;
        using var formatter = ElementFormatter.Create(TensorLayout.Gather(values, shape, summarize), dtype);
        return Assemble(shape, dtype, summarize, formatter, requiresGrad, gradFnName);
    }

    /// <summary>
    /// The repr of an int64 tensor from its own values: above 2^53 a double cannot hold every integer, and PyTorch
    /// prints them exactly.
    /// </summary>
    public static string Repr(ReadOnlySpan<long> values, long[] shape, string? gradFnName)
    {
        long numel = CheckedNumel(shape, values.Length);
        if (numel == 0)
        {
            return Assemble(shape, ScalarType.Int64, summarize: false, formatter: null, requiresGrad: false, gradFnName);
        }

        bool summarize = numel > TensorLayout.Threshold;
        using var formatter = ElementFormatter.Create(TensorLayout.Gather(values, shape, summarize));
        return Assemble(shape, ScalarType.Int64, summarize, formatter, requiresGrad: false, gradFnName);
    }

    private static long CheckedNumel(long[] shape, int valueCount)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long numel = 1;
        foreach (long size in shape)
        {
            if (size < 0)
            {
                throw new ArgumentException($"Shape [{string.Join(", ", shape)}] has a negative size.", nameof(shape));
            }

            numel *= size;
        }

        if (numel != valueCount)
        {
            throw new ArgumentException(
                $"Shape [{string.Join(", ", shape)}] holds {numel} elements but {valueCount} values were given.", "values");
        }

        return numel;
    }

    /// <summary><c>tensor(</c>, the body (from <paramref name="formatter"/>, or <c>[]</c> when it is null: no elements), the suffixes.</summary>
    private static string Assemble(long[] shape, ScalarType dtype, bool summarize, ElementFormatter? formatter, bool requiresGrad, string? gradFnName)
    {
        var sb = new StringBuilder(Prefix.Length + 64);
        sb.Append(Prefix);
        Span<string?> suffixes = [null, null, null];
        int suffixCount = 0;

        if (formatter is null)
        {
            // Nothing to infer the dtype from, so every non-default dtype (int64 and bool too) is shown, and the
            // shape unless it is (0,), as NumPy does.
            sb.Append("[]");
            if (shape.Length != 1)
            {
                suffixes[suffixCount++] = "size=(" + string.Join(", ", shape) + ")";
            }

            if (dtype != ScalarType.Float32)
            {
                suffixes[suffixCount++] = "dtype=" + dtype.TorchName();
            }
        }
        else
        {
            sb.EnsureCapacity(sb.Length + EstimateLength(formatter.Count, formatter.Width));
            TensorLayout.Write(sb, shape, summarize, formatter, Prefix.Length);

            // float32 is the default dtype; int64 and bool are recognisable from their elements.
            if (dtype == ScalarType.Float64)
            {
                suffixes[suffixCount++] = "dtype=" + dtype.TorchName();
            }
        }

        if (gradFnName is not null)
        {
            suffixes[suffixCount++] = "grad_fn=<" + gradFnName + ">";
        }
        else if (requiresGrad)
        {
            suffixes[suffixCount++] = "requires_grad=True";
        }

        AddSuffixes(sb, suffixes[..suffixCount], Prefix.Length);
        return sb.ToString();
    }

    /// <summary>
    /// PyTorch's <c>_add_suffixes</c>, quirks included: the last line's length is over-counted by 2 at first
    /// (<c>len(s) - s.rfind("\n") + 1</c>), but not after a suffix has been moved to its own line.
    /// </summary>
    private static void AddSuffixes(StringBuilder sb, ReadOnlySpan<string?> suffixes, int indent)
    {
        int lastLineLength = LastLineLength(sb) + 2;
        foreach (string? suffix in suffixes)
        {
            int length = suffix!.Length;
            if (lastLineLength + length + 2 > TensorLayout.LineWidth)
            {
                sb.Append(",\n").AppendRepeated(' ', indent).Append(suffix);
                lastLineLength = indent + length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLineLength += length + 2;
            }
        }

        sb.Append(')');
    }

    private static int LastLineLength(StringBuilder sb)
    {
        // Scanning backwards only touches the last line, and StringBuilder's indexer is cheap near its end.
        int i = sb.Length - 1;
        while (i >= 0 && sb[i] != '\n')
        {
            i--;
        }

        return sb.Length - 1 - i;
    }

    private static int EstimateLength(int shownCount, int width)
    {
        // Each element plus ", "; newlines and indentation add roughly one more element's worth per line.
        long estimate = (long)shownCount * (width + 3) + 64;
        return (int)Math.Min(estimate, 1 << 24);
    }
}
