using System.Globalization;
using System.Text;

namespace GradRepl.Tensors.Formatting;

/// <summary>
/// Python's <c>repr</c> of the scalar values GradRepl prints outside tensors: floats (<c>0.1</c>, <c>1e-05</c>,
/// <c>1e+16</c>, <c>nan</c>), strings (<c>'linear.weight'</c>) and booleans. One place for the engine's texts
/// (module and optimizer prints, error messages) and the prelude's <c>print</c>.
/// </summary>
internal static class PythonRepr
{
    /// <summary>
    /// Python's <c>repr</c> of a float: the shortest string that round-trips, in fixed notation when the decimal
    /// exponent is in [-4, 16), otherwise scientific with a signed two-digit-minimum exponent
    /// (<c>2.0</c>, <c>0.1</c>, <c>1e-05</c>, <c>1e+16</c>, <c>inf</c>, <c>nan</c>, <c>-0.0</c>).
    /// </summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        return Shortest(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Python's repr of a float32 value (as NumPy prints a <c>float32</c> scalar): shortest round-trip for float32.</summary>
    public static string Float(float value)
    {
        if (float.IsNaN(value)) return "nan";
        if (float.IsPositiveInfinity(value)) return "inf";
        if (float.IsNegativeInfinity(value)) return "-inf";
        return Shortest(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Python's <c>True</c> / <c>False</c>.</summary>
    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary>Python's repr of a string: single quotes unless it holds one and no double quote; escapes as Python's.</summary>
    public static string Quote(string s)
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

    // .NET's "R" gives the shortest round-trip digits, e.g. "0.1", "1E-05", "1.2345E+20", "-0";
    // re-lay them out with Python's rules (float_repr_style 'short', repr mode 'r').
    private static string Shortest(string dotnet)
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
}
