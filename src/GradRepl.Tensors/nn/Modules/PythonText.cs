using System.Globalization;

namespace GradRepl.Tensors.Modules;

/// <summary>Python's spelling of the few values module prints show: quoted names, floats, booleans.</summary>
internal static class PythonText
{
    /// <summary>Python's repr of a string: single quotes unless it holds one and no double quote.</summary>
    public static string Quote(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        return quote + s.Replace("\\", "\\\\").Replace(quote.ToString(), "\\" + quote) + quote;
    }

    /// <summary>Python's repr of a float: <c>0.5</c>, <c>1.0</c>, <c>0.01</c>, <c>1e-05</c>.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        if (e < 0) return text.Contains('.') ? text : text + ".0";
        // .NET writes 1E-05; Python 1e-05 (an exponent of at least two digits)
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return text[..e] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Python's <c>True</c> / <c>False</c>.</summary>
    public static string Bool(bool value) => value ? "True" : "False";
}
