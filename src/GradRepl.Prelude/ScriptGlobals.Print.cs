using GradRepl.Prelude.Display;

namespace GradRepl.Prelude;

public sealed partial class ScriptGlobals
{
    /// <summary>Prints an empty line, like Python's <c>print()</c>.</summary>
    public static void print() => Current.WriteLine("");

    /// <summary>
    /// Prints one value like Python's <c>print</c>, with Python's <c>str</c> rules (<c>None</c>, <c>True</c>/<c>False</c>,
    /// floats as <c>2.0</c>, <c>1e-05</c>; tensors in PyTorch form). An array or list is one value, printed as a Python
    /// list (<c>[tensor(1.), tensor(2.)]</c>); what PyTorch returns as a tuple prints as one (<c>(tensor(4.),)</c>).
    /// </summary>
    /// <param name="value">The value to print.</param>
    public static void print(object? value) => Current.WriteLine(PythonFormat.Str(value));

    /// <summary>
    /// Prints the values like Python's <c>print</c>: each converted with Python's <c>str</c> rules, separated by one
    /// space, then a newline. <c>print("x: ", x)</c> therefore shows two spaces. An array is one value
    /// (<c>print("xs:", new[] { 1.0, 2.0 })</c> shows <c>xs: [1.0, 2.0]</c>); only an <c>object[]</c> in second place
    /// is spread, C#'s rule for <c>params</c> (Python's <c>print(value, *values)</c>).
    /// </summary>
    /// <param name="value">The first value.</param>
    /// <param name="values">The other values.</param>
    public static void print(object? value, params object?[]? values)
    {
        // print(a, null) binds values == null: Python's print(a, None).
        values ??= [null];
        // C# passes any reference-type array as the params array itself (print("ts:", new[] { t1, t2 })
        // binds values to the Tensor[]); the compiler's own params array is always exactly object[].
        if (values.GetType() != typeof(object[])) values = [values];
        Current.WriteLine(string.Join(' ', values.Prepend(value).Select(PythonFormat.Str)));
    }

    /// <summary>Python's <c>str(value)</c>: the text <c>print</c> would show for <paramref name="value"/>.</summary>
    /// <param name="value">Any value.</param>
    public static string str(object? value) => PythonFormat.Str(value);

    /// <summary>Python's <c>repr(value)</c>: like <c>str</c>, but strings are quoted.</summary>
    /// <param name="value">Any value.</param>
    public static string repr(object? value) => PythonFormat.Repr(value);
}
