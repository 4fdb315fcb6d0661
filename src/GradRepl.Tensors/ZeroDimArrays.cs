using System.Runtime.CompilerServices;

namespace GradRepl.Tensors;

/// <summary>
/// The arrays <see cref="Tensor.numpy"/> made from 0-dim tensors. .NET has no 0-dimensional array, so such a
/// tensor gives a one-element array; this lets a printer show it as NumPy shows a 0-d array: the bare value
/// (<c>7.389056</c>, not <c>[7.389056]</c>).
/// </summary>
public static class ZeroDimArrays
{
    // Weak keys: marking an array never keeps it alive.
    private static readonly ConditionalWeakTable<Array, object?> s_arrays = [];

    /// <summary>True when <paramref name="array"/> came from <c>numpy()</c> on a 0-dim tensor.</summary>
    public static bool Contains(Array array) => s_arrays.TryGetValue(array, out _);

    internal static Array Mark(Array array)
    {
        s_arrays.AddOrUpdate(array, null);
        return array;
    }
}
