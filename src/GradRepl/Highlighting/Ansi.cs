namespace GradRepl.Highlighting;

/// <summary>ANSI styling for the REPL's own messages; a no-op when colour is off (NO_COLOR, TERM=dumb, not a terminal).</summary>
internal sealed class Ansi(bool enabled)
{
    /// <summary>True when escape sequences are written.</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>Errors.</summary>
    public string Red(string text) => Wrap("31", text);

    /// <summary>Interruptions and warnings.</summary>
    public string Yellow(string text) => Wrap("33", text);

    /// <summary>Headings.</summary>
    public string Cyan(string text) => Wrap("36", text);

    /// <summary>Secondary text: hints, locations.</summary>
    public string Dim(string text) => Wrap("2", text);

    /// <summary>Emphasis.</summary>
    public string Bold(string text) => Wrap("1", text);

    /// <summary>Success.</summary>
    public string Green(string text) => Wrap("32", text);

    private string Wrap(string code, string text) => Enabled && text.Length > 0 ? $"\u001b[{code}m{text}\u001b[0m" : text;

    /// <summary>Whether the process's terminal takes colour: stdout is a terminal, NO_COLOR unset, TERM not dumb.</summary>
    public static bool Detect() =>
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") is not ("dumb" or null or "");
}
