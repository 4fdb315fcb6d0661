using System.Text;
using GradRepl.Plotting.Terminal;
using GradRepl.Prelude;
using GradRepl.Scripting;

namespace GradRepl.Repl;

/// <summary>
/// The console as the REPL's scripts see it: <see cref="ConsoleScriptOutput"/>, remembering whether the last thing
/// written ended its line, so the prompt never draws over a half-written line. The lesson stepper can also keep a copy
/// of what is printed (to compare it with the lesson's expectations) or silence both streams (while it replays steps).
/// </summary>
internal sealed class ReplOutput : IScriptOutput
{
    private readonly ConsoleScriptOutput _console;
    private readonly TrackingWriter _out;
    private readonly TrackingWriter _error;

    /// <summary>Wraps <paramref name="console"/>.</summary>
    public ReplOutput(ConsoleScriptOutput console)
    {
        _console = console;
        _out = new TrackingWriter(console.Out, this, recorded: true);
        _error = new TrackingWriter(console.Error, this, recorded: false);
    }

    /// <summary>True while nothing written reaches the console.</summary>
    public bool Muted { get; set; }

    private StringBuilder? _recording;

    /// <summary>Starts keeping a copy of what is written to <see cref="Out"/>.</summary>
    public void StartRecording() => _recording = new StringBuilder();

    /// <summary>Stops keeping a copy; returns what was written to <see cref="Out"/> since <see cref="StartRecording"/>.</summary>
    public string StopRecording()
    {
        var text = _recording?.ToString() ?? "";
        _recording = null;
        return text;
    }

    /// <inheritdoc />
    public TextWriter Out => _out;

    /// <inheritdoc />
    public TextWriter Error => _error;

    /// <inheritdoc />
    public bool IsInteractive => _console.IsInteractive;

    /// <inheritdoc />
    public (int Columns, int Rows) TerminalSize => _console.TerminalSize;

    /// <inheritdoc />
    public bool SupportsColor => _console.SupportsColor;

    /// <inheritdoc />
    public TerminalEnvironment Terminal => _console.Terminal;

    /// <summary>Ends a line left open by the script's output, and flushes.</summary>
    public void EndLine()
    {
        if (!_out.AtLineStart || !_error.AtLineStart)
        {
            _out.Write('\n');
            _out.AtLineStart = _error.AtLineStart = true;
        }

        Flush();
    }

    /// <summary>Flushes both streams.</summary>
    public void Flush()
    {
        _out.Flush();
        _error.Flush();
    }

    private sealed class TrackingWriter(TextWriter inner, ReplOutput owner, bool recorded) : TextWriter
    {
        public bool AtLineStart { get; set; } = true;

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (owner.Muted) return;
            inner.Write(value);
            if (recorded) owner._recording?.Append(value);
            AtLineStart = value == '\n';
        }

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value) || owner.Muted) return;
            inner.Write(value);
            if (recorded) owner._recording?.Append(value);
            AtLineStart = value[^1] == '\n';
        }

        public override void Write(char[] buffer, int index, int count)
        {
            if (count == 0 || owner.Muted) return;
            inner.Write(buffer, index, count);
            if (recorded) owner._recording?.Append(buffer, index, count);
            AtLineStart = buffer[index + count - 1] == '\n';
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }

        public override void WriteLine() => Write('\n');

        public override void Flush() => inner.Flush();
    }
}
