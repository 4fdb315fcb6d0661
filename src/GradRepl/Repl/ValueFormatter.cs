using System.Collections;
using System.Text;
using GradRepl.Prelude.Display;
using Microsoft.CodeAnalysis.CSharp;

namespace GradRepl.Repl;

/// <summary>
/// The text shown for a trailing expression's value: tensors and nodes as PyTorch prints them, numbers and
/// collections in Python's readable form (lists capped at 100 items), strings and chars as C# literals.
/// </summary>
internal static class ValueFormatter
{
    private const int MaxItems = 100;

    /// <summary>The display text of <paramref name="value"/>, or null when nothing should be shown (null).</summary>
    public static string? Format(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                string s => SymbolDisplay.FormatLiteral(s, quote: true),
                char c => SymbolDisplay.FormatLiteral(c, quote: true),
                IDictionary or System.Runtime.CompilerServices.ITuple => PythonFormat.Repr(value),
                IEnumerable e when IsPlainCollection(value) => List(e),
                _ => PythonFormat.Repr(value),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"<{value!.GetType().Name}: {e.GetType().Name} in ToString: {e.Message}>";
        }
    }

    private static bool IsPlainCollection(object value)
    {
        if (value is Array) return true;
        var toString = value.GetType().GetMethod("ToString", Type.EmptyTypes);
        return toString is null || toString.DeclaringType == typeof(object);
    }

    // A lazy sequence may be endless: show the first items only.
    private static string List(IEnumerable items)
    {
        var sb = new StringBuilder("[");
        int count = 0;
        foreach (var item in items)
        {
            if (count == MaxItems)
            {
                sb.Append(", ...");
                break;
            }

            if (count > 0) sb.Append(", ");
            sb.Append(item is string or char ? Format(item) : PythonFormat.Repr(item));
            count++;
        }

        return sb.Append(']').ToString();
    }
}
