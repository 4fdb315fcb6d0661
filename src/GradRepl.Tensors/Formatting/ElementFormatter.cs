using System.Buffers;
using System.Globalization;

namespace GradRepl.Tensors.Formatting;

/// <summary>How floating-point elements are spelled; chosen once per tensor (PyTorch's <c>_Formatter</c>).</summary>
internal enum FloatMode
{
    /// <summary>All nonzero finite values are integers: <c>1.</c>, <c>-3.</c>.</summary>
    Integer,
    /// <summary>Four decimals: <c>0.1235</c>.</summary>
    Fixed,
    /// <summary>Four-decimal scientific: <c>1.2346e+08</c>.</summary>
    Scientific,
}

/// <summary>
/// The unpadded text of every printed element plus the common width, as PyTorch's <c>_Formatter</c> computes
/// them. Texts live in one pooled char buffer (no string per element), so printing 1000 elements stays cheap.
/// </summary>
internal sealed class ElementFormatter : IDisposable
{
    private char[] _buffer;
    private readonly int[] _starts;
    private int _length;

    private ElementFormatter(int count)
    {
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(64, count * 12));
        _starts = new int[count + 1];
    }

    /// <summary>The width every element is right-aligned to (PyTorch's <c>max_width</c>).</summary>
    public int Width { get; private set; } = 1;

    /// <summary>The float mode chosen (Integer for non-float dtypes; unused there).</summary>
    public FloatMode Mode { get; private set; } = FloatMode.Integer;

    /// <summary>How many elements were formatted.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The text of element <paramref name="index"/> (in the order the values were given), unpadded.</summary>
    public ReadOnlySpan<char> Text(int index) => _buffer.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>Formats <paramref name="shown"/>: exactly the elements that will be printed (the summary when summarising).</summary>
    public static ElementFormatter Create(ReadOnlySpan<double> shown, ScalarType dtype)
    {
        var formatter = new ElementFormatter(shown.Length);
        if (dtype.IsFloatingPoint())
        {
            formatter.FormatFloats(shown);
        }
        else
        {
            formatter.FormatNonFloats(shown, dtype);
        }

        return formatter;
    }

    /// <summary>Formats int64 elements from their exact values.</summary>
    public static ElementFormatter Create(ReadOnlySpan<long> shown)
    {
        var formatter = new ElementFormatter(shown.Length);
        int width = 1;
        for (int i = 0; i < shown.Length; i++)
        {
            width = Math.Max(width, formatter.AddInteger(i, shown[i]));
        }

        formatter.Width = width;
        return formatter;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Picks the mode from the nonzero finite values only, as PyTorch does; zeros, nan and inf never affect it.</summary>
    internal static FloatMode ChooseMode(ReadOnlySpan<double> values)
    {
        bool any = false;
        bool allIntegers = true;
        double min = double.PositiveInfinity;
        double max = 0;
        foreach (double v in values)
        {
            if (v == 0 || !double.IsFinite(v))
            {
                continue;
            }

            any = true;
            double a = Math.Abs(v);
            min = Math.Min(min, a);
            max = Math.Max(max, a);
            allIntegers &= v == Math.Ceiling(v);
        }

        if (!any)
        {
            return FloatMode.Integer;
        }

        // PyTorch compares in double (tensor_totype); widened float32 values give the same results.
        bool wideRange = max / min > 1000.0 || max > 1.0e8;
        if (allIntegers)
        {
            return wideRange ? FloatMode.Scientific : FloatMode.Integer;
        }

        return wideRange || min < 1.0e-4 ? FloatMode.Scientific : FloatMode.Fixed;
    }

    private void FormatFloats(ReadOnlySpan<double> values)
    {
        Mode = ChooseMode(values);
        int width = 1;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            Span<char> slot = Reserve();
            int written = Mode switch
            {
                FloatMode.Integer => PythonFloatFormat.IntegerWithDot(v, slot),
                FloatMode.Fixed => PythonFloatFormat.Fixed(v, slot),
                _ => PythonFloatFormat.Scientific(v, slot),
            };
            Commit(i, written);

            // max_width is measured over nonzero finite values only (in int mode as len('{:.0f}') + 1, which is
            // the length of the text with its dot); a longer "-inf" or "-0." is simply printed unpadded.
            if (v != 0 && double.IsFinite(v))
            {
                width = Math.Max(width, written);
            }
        }

        Width = width;
    }

    private void FormatNonFloats(ReadOnlySpan<double> values, ScalarType dtype)
    {
        int width = 1;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            int written;
            if (dtype == ScalarType.Bool)
            {
                string text = v != 0 ? "True" : "False";
                text.CopyTo(Reserve());
                written = text.Length;
                Commit(i, written);
            }
            else
            {
                // Values arrive widened to double; saturate instead of overflowing at +-2^63.
                written = AddInteger(i, v >= 9.2233720368547758e18 ? long.MaxValue : v <= -9.2233720368547758e18 ? long.MinValue : (long)v);
            }

            width = Math.Max(width, written);
        }

        Width = width;
    }

    /// <summary>Writes <paramref name="value"/> as the text of element <paramref name="index"/>; returns its length.</summary>
    private int AddInteger(int index, long value)
    {
        value.TryFormat(Reserve(), out int written, provider: CultureInfo.InvariantCulture);
        Commit(index, written);
        return written;
    }

    private Span<char> Reserve()
    {
        if (_buffer.Length - _length < PythonFloatFormat.MaxChars)
        {
            char[] bigger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        return _buffer.AsSpan(_length, PythonFloatFormat.MaxChars);
    }

    private void Commit(int index, int written)
    {
        _starts[index] = _length;
        _length += written;
        _starts[index + 1] = _length;
    }
}
