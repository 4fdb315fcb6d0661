using System.Text.RegularExpressions;

namespace GradRepl.Scripting;

/// <summary>
/// The one-line hint under a compile error, when there is one: a misspelt engine member gets "did you mean"
/// (<see cref="MemberSuggestions"/>); a script's own variable or method used inside a class gets how to reach it.
/// </summary>
internal static partial class CompileHints
{
    /// <summary>The hint for a diagnostic, or null when there is nothing to add to the compiler's message.</summary>
    /// <param name="id">The diagnostic's id, e.g. <c>CS0120</c>.</param>
    /// <param name="message">The compiler's message.</param>
    public static string? For(string id, string message) =>
        MemberSuggestions.For(id, message) ?? ScriptMemberOutsideTheScript(id, message);

    // CS0120 naming a member without a type ('lr', 'Helper()'): a variable or method declared at the top of the
    // script, which belongs to the script's instance, so a class (or a static method) declared in the script cannot
    // see it, as in any C# script. The prelude's globals (print, plot, ...) are static and reach everywhere.
    private static string? ScriptMemberOutsideTheScript(string id, string message)
    {
        if (id != "CS0120") return null;
        var match = ScriptMember().Match(message);
        if (!match.Success) return null;
        var name = match.Groups["name"].Value;
        return match.Groups["method"].Success
            ? $"{name} is a method of the script, which a class or static method in the script cannot call: declare it static (print, plot and the other globals work in a static method too)"
            : $"{name} is a variable of the script, which a class or static method in the script cannot reach: pass it in as an argument";
    }

    // 'lr' or 'Helper(int)' / 'Helper<T>(T)', not 'Net.lr' (a member of a class, which the compiler's message says enough about)
    [GeneratedRegex(@"'(?<name>[\p{L}_][\p{L}\p{N}_]*)(?:(?<method>(?:<[^>]*>)?\()|')")]
    private static partial Regex ScriptMember();
}
