namespace GradRepl.Repl;

/// <summary>The REPL's own commands, typed on a line by themselves: <c>#help #reset #save FILE #load FILE #clear #exit</c>.</summary>
/// <param name="Name">The command without <c>#</c>: help, reset, save, load, clear or exit.</param>
/// <param name="Argument">The file for save and load (quotes removed), else empty.</param>
internal sealed record MetaCommand(string Name, string Argument)
{
    /// <summary>Names and one-line descriptions, for <c>#help</c>.</summary>
    public static IReadOnlyList<(string Usage, string Description)> All { get; } =
    [
        ("#help", "show this help"),
        ("#reset", "forget every variable and figure (a fresh session)"),
        ("#save FILE", "write this session's successful entries to FILE as a runnable .csx"),
        ("#load FILE", "run FILE (a .csx) in this session"),
        ("#clear", "clear the screen"),
        ("#exit", "leave (Ctrl+D on an empty line does too)"),
    ];

    private static readonly string[] Names = ["help", "reset", "save", "load", "clear", "exit"];

    // C#'s own directives (and #r, #load of scripts): left to the compiler.
    private static readonly string[] Directives =
        ["r", "load", "nullable", "pragma", "region", "endregion", "if", "elif", "else", "endif", "define", "undef", "line", "error", "warning"];

    /// <summary>
    /// The name of an unknown command (<c>#foo</c> gives <c>foo</c>): a line of its own starting with <c>#</c>
    /// followed by a word that is neither a REPL command nor a C# directive (nor a <c>#!</c> line). Null for anything else.
    /// </summary>
    public static string? UnknownName(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('#') || trimmed.Contains('\n') || TryParse(trimmed, out _)) return null;
        var name = new string(trimmed[1..].TakeWhile(c => !char.IsWhiteSpace(c)).ToArray());
        return name.Length == 0 || name[0] == '!' || Directives.Contains(name) ? null : name;
    }

    /// <summary>
    /// Recognises a command. <c>#load</c> and <c>#r</c> with a quoted path are C# script directives too: a
    /// <c>#load "file"</c> is handled here (it runs the file in the session), <c>#r</c> is left to Roslyn.
    /// </summary>
    public static bool TryParse(string text, out MetaCommand command)
    {
        command = null!;
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('#') || trimmed.Contains('\n')) return false;
        var space = trimmed.IndexOfAny([' ', '\t']);
        var name = (space < 0 ? trimmed[1..] : trimmed[1..space]).ToLowerInvariant();
        if (!Names.Contains(name)) return false;
        var argument = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        if (argument.Length >= 2 && argument[0] == '"' && argument[^1] == '"') argument = argument[1..^1];
        command = new MetaCommand(name, argument);
        return true;
    }
}
