using System.Globalization;
using System.Runtime.CompilerServices;
using GradRepl.Tensors.Formatting;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// Python's <c>str</c> of the values an optimizer's options hold (floats, ints, bools, None, tuples, lists of
/// tensors, lists and dicts), for printing an optimizer and its parameter groups and for error texts as PyTorch words them.
/// </summary>
internal static class PythonValueText
{
    /// <summary>Python's <c>str(value)</c> for an option value: <c>0.01</c>, <c>1e-08</c>, <c>0</c>, <c>False</c>, <c>None</c>, <c>(0.9, 0.999)</c>.</summary>
    public static string Of(object? value) => value switch
    {
        null => "None",
        bool b => PythonRepr.Bool(b),
        double d => PythonRepr.Float(d),
        float f => PythonRepr.Float((double)f),
        string s => s,
        ITuple tuple => Tuple(tuple),
        IEnumerable<Tensor> tensors => "[" + string.Join(", ", tensors.Select(t => t.ToString())) + "]",
        // a dict (a parameter group, a state) prints itself; any other list as Python's list of reprs
        System.Collections.IDictionary => value.ToString() ?? "",
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Repr)) + "]",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Python's <c>repr(value)</c>: like <see cref="Of"/> but strings quoted, as inside a dict.</summary>
    public static string Repr(object? value) => value is string s ? PythonRepr.Quote(s) : Of(value);

    private static string Tuple(ITuple tuple)
    {
        var items = Enumerable.Range(0, tuple.Length).Select(i => Repr(tuple[i]));
        return "(" + string.Join(", ", items) + (tuple.Length == 1 ? ",)" : ")");
    }
}
