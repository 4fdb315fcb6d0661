using System.Text;
using GradRepl.Plotting.Terminal;
using GradRepl.Prelude;

namespace GradRepl.Scripting;

/// <summary>
/// The process's stdout/stderr as an <see cref="IScriptOutput"/>. Stdout is buffered when redirected (fast for
/// CI and pipes) and flushed before anything goes to stderr, so the two streams stay in order in a terminal.
/// </summary>
internal sealed class ConsoleScriptOutput : IScriptOutput
{
    private readonly StreamWriter _stdout;

    /// <summary>Wraps the process's standard streams.</summary>
    public ConsoleScriptOutput()
    {
        IsInteractive = !Console.IsOutputRedirected;
        _stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 16 * 1024) { AutoFlush = IsInteractive, NewLine = "\n" };
        Out = TextWriter.Synchronized(_stdout);
        Error = TextWriter.Synchronized(new FlushingErrorWriter(this));
        SupportsColor = IsInteractive && Environment.GetEnvironmentVariable("NO_COLOR") is null
            && Environment.GetEnvironmentVariable("TERM") is not "dumb";
    }

    /// <inheritdoc />
    public TextWriter Out { get; }

    /// <inheritdoc />
    public TextWriter Error { get; }

    /// <inheritdoc />
    public bool IsInteractive { get; }

    /// <inheritdoc />
    public bool SupportsColor { get; }

    /// <inheritdoc />
    public TerminalEnvironment Terminal => TerminalEnvironment.Current(IsInteractive);

    /// <inheritdoc />
    public (int Columns, int Rows) TerminalSize
    {
        get
        {
            try
            {
                return IsInteractive ? (Math.Max(20, Console.WindowWidth), Math.Max(10, Console.WindowHeight)) : (80, 24);
            }
            catch (IOException)
            {
                return (80, 24);
            }
        }
    }

    /// <summary>Writes a host message (error report, notice) to stderr after flushing stdout.</summary>
    public void WriteErrorLine(string text)
    {
        Error.Write(text);
        Error.Write('\n');
        Error.Flush();
    }

    /// <summary>Flushes stdout.</summary>
    public void Flush() => Out.Flush();

    private sealed class FlushingErrorWriter(ConsoleScriptOutput owner) : TextWriter
    {
        private readonly StreamWriter _stderr = new(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };

        public override Encoding Encoding => _stderr.Encoding;

        public override void Write(char value)
        {
            owner.Out.Flush();
            _stderr.Write(value);
        }

        public override void Write(string? value)
        {
            owner.Out.Flush();
            _stderr.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            owner.Out.Flush();
            _stderr.Write(buffer, index, count);
        }

        public override void Flush() => _stderr.Flush();
    }
}
