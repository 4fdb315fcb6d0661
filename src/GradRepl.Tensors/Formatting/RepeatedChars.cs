using System.Text;

namespace GradRepl.Tensors.Formatting;

/// <summary>Indentation and padding for the printers.</summary>
internal static class RepeatedChars
{
    /// <summary>
    /// Appends <paramref name="count"/> copies of <paramref name="c"/> one by one. StringBuilder.Append(char, int) fills
    /// with vectorised code that the JIT compiles in every process; a printed tensor needs a few dozen spaces at most.
    /// </summary>
    public static StringBuilder AppendRepeated(this StringBuilder sb, char c, int count)
    {
        for (var i = 0; i < count; i++) sb.Append(c);
        return sb;
    }
}
