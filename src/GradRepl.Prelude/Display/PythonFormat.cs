using System.Collections;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using GradRepl.Tensors;
using GradRepl.Tensors.Formatting;

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
        string s => PythonRepr.Quote(s),
        char c => PythonRepr.Quote(c.ToString()),
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
    public static string FloatRepr(double value) => PythonRepr.Float(value);

    /// <summary>Python's repr of a float32 value (as NumPy prints a <c>float32</c> scalar): shortest round-trip for float32.</summary>
    public static string FloatRepr(float value) => PythonRepr.Float(value);

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

}
