using System.Globalization;

namespace GradRepl.Tensors.Formatting;

/// <summary>
/// Python's <c>'{:.4f}'</c>, <c>'{:.0f}'</c> and <c>'{:.4e}'</c> for doubles, written into a span.
/// </summary>
/// <remarks>
/// .NET's invariant "F"/"E" standard formats produce exact digits with round-half-even on exact ties
/// (like Python's correctly rounded formatting), so only the spelling differs: the exponent
/// ("E+005" vs "e+05") and the non-finite values ("NaN"/"Infinity" vs "nan"/"inf").
/// </remarks>
internal static class PythonFloatFormat
{
    /// <summary>PyTorch's default print precision.</summary>
    public const int Precision = 4;

    /// <summary>Enough for any value these formats are used on (fixed mode only sees |x| &lt;= 1e8).</summary>
    public const int MaxChars = 64;

    private const string FixedFormat = "F4";
    private const string IntegerFormat = "F0";
    private const string ScientificFormat = "E4";

    /// <summary><c>'{:.4f}'.format(value)</c>.</summary>
    public static int Fixed(double value, Span<char> destination)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value, destination);
        }

        return Format(value, destination, FixedFormat);
    }

    /// <summary><c>'{:.0f}'.format(value)</c>, plus the trailing <c>.</c> PyTorch adds to finite values in int mode.</summary>
    public static int IntegerWithDot(double value, Span<char> destination)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value, destination);
        }

        int written = Format(value, destination, IntegerFormat);
        destination[written] = '.';
        return written + 1;
    }

    /// <summary><c>'{:.4e}'.format(value)</c>: lower-case <c>e</c>, signed exponent of at least two digits.</summary>
    public static int Scientific(double value, Span<char> destination)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value, destination);
        }

        int written = Format(value, destination, ScientificFormat);

        // .NET writes "d.ddddE+ddd"; the exponent starts after "E" and its sign.
        int e = destination[..written].IndexOf('E');
        destination[e] = 'e';
        int digitsStart = e + 2;
        int firstSignificant = digitsStart;
        while (firstSignificant < written - 2 && destination[firstSignificant] == '0')
        {
            firstSignificant++;
        }

        if (firstSignificant == digitsStart)
        {
            return written;
        }

        int digitCount = written - firstSignificant;
        destination.Slice(firstSignificant, digitCount).CopyTo(destination[digitsStart..]);
        return digitsStart + digitCount;
    }

    private static int Format(double value, Span<char> destination, string format)
    {
        if (!value.TryFormat(destination, out int written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Formatting {value} with {format} needs more than {destination.Length} characters.");
        }

        return written;
    }

    private static int NonFinite(double value, Span<char> destination)
    {
        string text = double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        text.CopyTo(destination);
        return text.Length;
    }
}
