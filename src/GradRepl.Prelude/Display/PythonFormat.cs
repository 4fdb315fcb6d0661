using System.Collections;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using GradRepl.Tensors;

namespace GradRepl.Prelude.Display;

/// <summary>Python's <c>str</c> and <c>repr</c> for .NET values, so <c>print</c> output matches the lab's.</summary>
public static class PythonFormat
{
    /// <summary>Python's <c>str(value)</c>: strings as is, <c>None</c>, <c>True</c>/<c>False</c>, floats as Python prints them.</summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        char c => c.ToString(),
        // NumPy's str of a 0-d array is its element's: print(t.numpy()) shows 7.389056.
        Array a when ZeroDimArrays.Contains(a) => Repr(a.GetValue(0)),
        _ => Repr(value),
    };

    /// <summary>Python's <c>repr(value)</c>: like <see cref="Str"/> but strings quoted (used inside lists and tuples).</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => QuoteString(s),
        char c => QuoteString(c.ToString()),
        double d => FloatRepr(d),
        float f => FloatRepr(f),
        Half h => FloatRepr((float)h),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        ScalarType dtype => dtype.TorchName(),
        IFormattable f when IsInteger(value) => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dict => DictRepr(dict),
        ITuple tuple => TupleRepr(tuple),
        IEnumerable e when IsPlainCollection(value) => ListRepr(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Python's <c>repr</c> of a float: the shortest string that round-trips, in fixed notation when the decimal
    /// exponent is in [-4, 16), otherwise scientific with a signed two-digit-minimum exponent
    /// (<c>2.0</c>, <c>0.1</c>, <c>1e-05</c>, <c>1e+16</c>, <c>inf</c>, <c>nan</c>, <c>-0.0</c>).
    /// </summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        return FormatShortest(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Python's repr of a float32 value (as NumPy prints a <c>float32</c> scalar): shortest round-trip for float32.</summary>
    public static string FloatRepr(float value)
    {
        if (float.IsNaN(value)) return "nan";
        if (float.IsPositiveInfinity(value)) return "inf";
        if (float.IsNegativeInfinity(value)) return "-inf";
        return FormatShortest(value.ToString("R", CultureInfo.InvariantCulture));
    }

    // .NET's "R" gives the shortest round-trip digits, e.g. "0.1", "1E-05", "1.2345E+20", "-0";
    // re-lay them out with Python's rules (float_repr_style 'short', repr mode 'r').
    private static string FormatShortest(string dotnet)
    {
        bool negative = dotnet.StartsWith('-');
        if (negative) dotnet = dotnet[1..];

        int exponent = 0;
        int e = dotnet.IndexOfAny(['E', 'e']);
        string mantissa = dotnet;
        if (e >= 0)
        {
            exponent = int.Parse(dotnet.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = dotnet[..e];
        }

        int dot = mantissa.IndexOf('.');
        string intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        string fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        string allDigits = intPart + fracPart;
        // decimalPoint: position of the decimal point relative to the start of allDigits.
        int decimalPoint = intPart.Length + exponent;

        int leadingZeros = 0;
        while (leadingZeros < allDigits.Length - 1 && allDigits[leadingZeros] == '0') leadingZeros++;
        string digits = allDigits[leadingZeros..].TrimEnd('0');
        decimalPoint -= leadingZeros;
        if (digits.Length == 0)
        {
            // Zero.
            return (negative ? "-" : "") + "0.0";
        }

        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        // Python: value = 0.d1d2... x 10^decpt; scientific when decpt <= -4 or decpt > 16.
        if (decimalPoint > -4 && decimalPoint <= 16)
        {
            if (decimalPoint <= 0)
            {
                sb.Append("0.").Append('0', -decimalPoint).Append(digits);
            }
            else if (decimalPoint >= digits.Length)
            {
                sb.Append(digits).Append('0', decimalPoint - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, decimalPoint).Append('.').Append(digits, decimalPoint, digits.Length - decimalPoint);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            int exp = decimalPoint - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static bool IsInteger(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or nint or nuint or System.Numerics.BigInteger;

    // Strings are enumerable but are not lists; other collections with a custom ToString (tensors) keep it.
    private static bool IsPlainCollection(object value)
    {
        if (value is Array) return true;
        var type = value.GetType();
        var toString = type.GetMethod("ToString", Type.EmptyTypes);
        return toString is null || toString.DeclaringType == typeof(object);
    }

    private static string ListRepr(IEnumerable items)
    {
        var sb = new StringBuilder("[");
        bool first = true;
        foreach (var item in items)
        {
            if (!first) sb.Append(", ");
            sb.Append(Repr(item));
            first = false;
        }

        return sb.Append(']').ToString();
    }

    private static string TupleRepr(ITuple tuple)
    {
        var sb = new StringBuilder("(");
        for (int i = 0; i < tuple.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Repr(tuple[i]));
        }

        if (tuple.Length == 1) sb.Append(',');
        return sb.Append(')').ToString();
    }

    private static string DictRepr(IDictionary dict)
    {
        var sb = new StringBuilder("{");
        bool first = true;
        foreach (DictionaryEntry entry in dict)
        {
            if (!first) sb.Append(", ");
            sb.Append(Repr(entry.Key)).Append(": ").Append(Repr(entry.Value));
            first = false;
        }

        return sb.Append('}').ToString();
    }

    // Python picks single quotes unless the string contains a single quote and no double quote.
    private static string QuoteString(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (char c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < ' ' || c == '\x7f') sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.Append(quote).ToString();
    }
}
