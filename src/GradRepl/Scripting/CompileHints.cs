using System.Text.RegularExpressions;

namespace GradRepl.Scripting;

/// <summary>
/// The one-line hint under a compile error, when there is one: a misspelt engine member gets "did you mean"
/// (<see cref="MemberSuggestions"/>); the prelude's globals used inside a class get how to reach them.
/// </summary>
internal static partial class CompileHints
{
    /// <summary>The hint for a diagnostic, or null when there is nothing to add to the compiler's message.</summary>
    /// <param name="id">The diagnostic's id, e.g. <c>CS0120</c>.</param>
    /// <param name="message">The compiler's message.</param>
    public static string? For(string id, string message) =>
        MemberSuggestions.For(id, message) ?? GlobalOutsideTheScript(id, message);

    // CS0120 naming a ScriptGlobals member: the prelude's print, plot, ... belong to the script's globals object,
    // which a class (or a static method) declared in the script cannot see, as in any C# script.
    private static string? GlobalOutsideTheScript(string id, string message)
    {
        if (id != "CS0120") return null;
        var match = GlobalsMember().Match(message);
        return match.Success
            ? $"{match.Groups["name"].Value} belongs to the script's globals, which a class or static method in a script cannot reach: make the helper a top-level method of the script"
            : null;
    }

    [GeneratedRegex(@"'ScriptGlobals\.(?<name>\w+)")]
    private static partial Regex GlobalsMember();
}
