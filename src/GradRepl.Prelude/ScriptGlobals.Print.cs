using GradRepl.Prelude.Display;

namespace GradRepl.Prelude;

public sealed partial class ScriptGlobals
{
    /// <summary>
    /// Prints the arguments like Python's <c>print</c>: each converted with Python's <c>str</c> rules
    /// (<c>None</c>, <c>True</c>/<c>False</c>, floats as <c>2.0</c>, <c>1e-05</c>; tensors in PyTorch form),
    /// separated by one space, then a newline. <c>print("x: ", x)</c> therefore shows two spaces.
    /// </summary>
    /// <param name="args">The values to print.</param>
    public void print(params object?[]? args)
    {
        // print(null) in C# binds to args == null: Python's print(None).
        args ??= [null];
        var text = string.Join(' ', args.Select(PythonFormat.Str));
        _environment.Output.Out.Write(text);
        _environment.Output.Out.Write('\n');
    }

    /// <summary>Python's <c>str(value)</c>: the text <c>print</c> would show for <paramref name="value"/>.</summary>
    /// <param name="value">Any value.</param>
    public string str(object? value) => PythonFormat.Str(value);

    /// <summary>Python's <c>repr(value)</c>: like <c>str</c>, but strings are quoted.</summary>
    /// <param name="value">Any value.</param>
    public string repr(object? value) => PythonFormat.Repr(value);
}
