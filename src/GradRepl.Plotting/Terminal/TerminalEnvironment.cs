namespace GradRepl.Plotting.Terminal;

/// <summary>
/// What image detection looks at: environment variables and whether standard output is a terminal. Tests pass fake
/// ones (<see cref="Fake"/>); the tool passes <see cref="Current"/>.
/// </summary>
/// <param name="Variable">Reads an environment variable; null when it is not set.</param>
/// <param name="OutputIsTerminal">Whether standard output is a terminal (not redirected to a file or a pipe).</param>
public sealed record TerminalEnvironment(Func<string, string?> Variable, bool OutputIsTerminal)
{
    /// <summary>The process's environment variables.</summary>
    /// <param name="outputIsTerminal">Whether standard output is a terminal.</param>
    public static TerminalEnvironment Current(bool outputIsTerminal) => new(Environment.GetEnvironmentVariable, outputIsTerminal);

    /// <summary>An environment holding only <paramref name="variables"/>.</summary>
    /// <param name="outputIsTerminal">Whether standard output is a terminal.</param>
    /// <param name="variables">Name and value of each variable set.</param>
    public static TerminalEnvironment Fake(bool outputIsTerminal, params (string Name, string Value)[] variables)
    {
        var set = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return new TerminalEnvironment(name => set.GetValueOrDefault(name), outputIsTerminal);
    }

    /// <summary>True inside tmux (its <c>TMUX</c> variable is set), where escapes reach the terminal only through <see cref="TmuxPassthrough"/>.</summary>
    public bool InsideTmux => !string.IsNullOrEmpty(Variable("TMUX"));

    /// <summary>True inside tmux (or GNU screen), which keeps image escapes from the terminal unless passed through.</summary>
    public bool InsideMultiplexer =>
        InsideTmux
        || (Variable("TERM") ?? "") is var term && (term.StartsWith("screen", StringComparison.Ordinal) || term.StartsWith("tmux", StringComparison.Ordinal));
}
