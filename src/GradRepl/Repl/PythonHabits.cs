namespace GradRepl.Repl;

/// <summary>
/// What a Python user types to leave or to get help (<c>exit</c>, <c>quit()</c>, <c>help</c>), answered as Python
/// answers instead of with the compiler's "name does not exist". Only when the name really is undefined: a session
/// that declared its own <c>help</c> gets its value.
/// </summary>
internal static class PythonHabits
{
    /// <summary>What <c>exit</c> and <c>quit</c> print, as Python's own <c>exit</c> object does.</summary>
    public const string ExitHint = "Use #exit or Ctrl-D (i.e. EOF) to exit";

    /// <summary>What <c>help</c> prints.</summary>
    public const string HelpHint = "#help lists the commands";

    /// <summary>
    /// The answer to <paramref name="code"/> when it is one of those habits and failed only because the name is
    /// undefined; null otherwise.
    /// </summary>
    public static Habit? Recognise(string code, IReadOnlyList<ReplDiagnostic> errors)
    {
        if (errors.Count == 0 || errors.Any(e => e.Id != "CS0103")) return null;
        return code.Trim().TrimEnd(';').TrimEnd() switch
        {
            // Python leaves on exit() and quit().
            "exit()" or "quit()" => new Habit(null, Leave: true),
            "exit" or "quit" => new Habit(ExitHint, Leave: false),
            "help" or "help()" => new Habit(HelpHint, Leave: false),
            _ => null,
        };
    }

    /// <summary>The answer to a habit.</summary>
    /// <param name="Message">What to print, or null.</param>
    /// <param name="Leave">True when the session ends.</param>
    internal sealed record Habit(string? Message, bool Leave);
}
