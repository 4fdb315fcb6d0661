namespace GradRepl.Prelude;

/// <summary>
/// Where a script's output goes. The prelude never touches <see cref="Console"/>: the host (batch runner,
/// REPL, <c>check</c>, tests) supplies an implementation, so it can capture, colour or redirect output.
/// </summary>
public interface IScriptOutput
{
    /// <summary>Standard output: what <c>print</c> writes.</summary>
    TextWriter Out { get; }

    /// <summary>Diagnostics and warnings (the engine's warnings, plot notices).</summary>
    TextWriter Error { get; }

    /// <summary>True when output reaches an interactive terminal (plots are then previewed in it).</summary>
    bool IsInteractive { get; }

    /// <summary>The terminal's size in character cells, used for plot previews; (80, 24) when unknown.</summary>
    (int Columns, int Rows) TerminalSize { get; }

    /// <summary>True when ANSI colours may be used.</summary>
    bool SupportsColor { get; }

    /// <summary>
    /// What inline-image detection reads (environment variables, whether stdout is a terminal), asked only when a figure
    /// is shown; null, the default, for output that never shows images.
    /// </summary>
    GradRepl.Plotting.Terminal.TerminalEnvironment? Terminal => null;
}

/// <summary>An <see cref="IScriptOutput"/> over two writers; not interactive. Used for capture and tests.</summary>
public sealed class TextWriterScriptOutput : IScriptOutput
{
    /// <summary>Creates an output writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public TextWriterScriptOutput(TextWriter output, TextWriter? error = null)
    {
        Out = output;
        Error = error ?? output;
    }

    /// <inheritdoc />
    public TextWriter Out { get; }

    /// <inheritdoc />
    public TextWriter Error { get; }

    /// <inheritdoc />
    public bool IsInteractive => false;

    /// <inheritdoc />
    public (int Columns, int Rows) TerminalSize => (80, 24);

    /// <inheritdoc />
    public bool SupportsColor => false;
}
