using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// Python's <c>str</c> of the values an optimizer's options hold (floats, ints, bools, None, tuples, lists of
/// tensors), for printing an optimizer and its parameter groups and for error texts as PyTorch words them.
/// </summary>
internal static class PythonValueText
{
    /// <summary>Python's <c>str(value)</c> for an option value: <c>0.01</c>, <c>1e-08</c>, <c>0</c>, <c>False</c>, <c>None</c>, <c>(0.9, 0.999)</c>.</summary>
    public static string Of(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        double d => Float(d),
        float f => Float(f),
        string s => s,
        ITuple tuple => Tuple(tuple),
        IEnumerable<Tensor> tensors => "[" + string.Join(", ", tensors.Select(t => t.ToString())) + "]",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Python's <c>repr(value)</c>: like <see cref="Of"/> but strings quoted, as inside a dict.</summary>
    public static string Repr(object? value) => value is string s ? "'" + s + "'" : Of(value);

    /// <summary>
    /// Python's repr of a float: the shortest digits that round-trip, fixed notation for decimal exponents in
    /// [-4, 16), else scientific with a two-digit exponent (<c>0.01</c>, <c>1.0</c>, <c>1e-08</c>, <c>1e+16</c>).
    /// </summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        // .NET's "R" gives the shortest round-trip digits, possibly in E notation: lay them out as Python does.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative) text = text[1..];
        var exponent = 0;
        var e = text.IndexOf('E');
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var digits = dot >= 0 ? text.Remove(dot, 1) : text;
        var point = (dot >= 0 ? dot : text.Length) + exponent;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..].TrimEnd('0');
        point -= lead;
        var sb = new StringBuilder(negative ? "-" : "");
        if (digits.Length == 0) return sb.Append("0.0").ToString();
        if (point > -4 && point <= 16)
        {
            if (point <= 0) sb.Append("0.").Append('0', -point).Append(digits);
            else if (point >= digits.Length) sb.Append(digits).Append('0', point - digits.Length).Append(".0");
            else sb.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            var exp = point - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static string Tuple(ITuple tuple)
    {
        var items = Enumerable.Range(0, tuple.Length).Select(i => Repr(tuple[i]));
        return "(" + string.Join(", ", items) + (tuple.Length == 1 ? ",)" : ")");
    }
}
