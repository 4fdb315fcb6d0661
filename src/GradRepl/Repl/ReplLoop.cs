using System.Globalization;
using GradRepl.Highlighting;
using GradRepl.Scripting;

namespace GradRepl.Repl;

/// <summary>
/// The read-eval-print loop: reads a submission, runs a <c>#command</c> or evaluates C#, and prints the value,
/// the error or <c>Interrupted</c>. The session survives every error.
/// </summary>
internal sealed class ReplLoop
{
    private readonly ReplSession _session;
    private readonly IReplInput _input;
    private readonly History? _history;
    private readonly ReplOutput _output;
    private readonly Ansi _ansi;
    private readonly SessionTypeNames? _typeNames;
    private bool _leaving;

    /// <summary>Creates the loop.</summary>
    public ReplLoop(ReplSession session, IReplInput input, History? history, ReplOutput output, Ansi ansi, SessionTypeNames? typeNames = null)
    {
        _session = session;
        _input = input;
        _history = history;
        _output = output;
        _ansi = ansi;
        _typeNames = typeNames;
    }

    /// <summary>True when some submission failed (compile error, exception or interrupt), or a command did.</summary>
    public bool AnyFailed { get; private set; }

    /// <summary>True when the last entry processed was C# that ran to the end (false for a command).</summary>
    public bool LastSucceeded { get; private set; }

    /// <summary>Reads and evaluates until the input ends or <c>#exit</c>; returns the exit code.</summary>
    /// <param name="prompt">The prompt.</param>
    /// <param name="banner">Whether to greet a person at a terminal first.</param>
    public int Run(string prompt = ">", bool banner = true)
    {
        if (_input.IsInteractive && banner)
        {
            _output.Out.WriteLine(_ansi.Dim("GradRepl: C# with PyTorch-style tensors and autograd. #help for help, Ctrl+D to leave."));
        }

        while (true)
        {
            _output.EndLine();
            var text = _input.Read(prompt);
            if (text is null) break;
            if (!Process(text)) break;
        }

        _output.EndLine();
        return !_input.IsInteractive && AnyFailed ? Commands.ExitCodes.Failure : Commands.ExitCodes.Success;
    }

    /// <summary>Handles one entry: a <c>#command</c> or C# code; returns false for <c>#exit</c>.</summary>
    public bool Process(string text)
    {
        LastSucceeded = false;
        if (text == IReplInput.Dropped || string.IsNullOrWhiteSpace(text)) return true;
        _history?.Add(text);
        if (MetaCommand.TryParse(text, out var command)) return Execute(command);
        if (MetaCommand.UnknownName(text) is { } unknown)
        {
            Fail($"unknown command #{unknown}; #help lists the commands");
            return true;
        }

        Submit(text, null);
        return !_leaving;
    }

    /// <summary>Evaluates <paramref name="code"/> and prints what happened; returns true when it succeeded.</summary>
    /// <param name="code">The code.</param>
    /// <param name="path">The file it came from, or null for typed input.</param>
    public bool Submit(string code, string? path)
    {
        var result = _session.Evaluate(code, path, warnings =>
        {
            foreach (var warning in warnings) WriteError(FormatCompileError(warning, code, path));
        });
        _output.EndLine();
        LastSucceeded = result is SubmissionResult.Success;
        switch (result)
        {
            case SubmissionResult.Success success:
                if (success.HasValue) ShowValue(success.Value);
                if (code.Contains("class ", StringComparison.Ordinal) || code.Contains("record ", StringComparison.Ordinal)
                    || code.Contains("struct ", StringComparison.Ordinal) || code.Contains("enum ", StringComparison.Ordinal))
                {
                    _typeNames?.Refresh();
                }

                return true;
            case SubmissionResult.CompileFailed failed when path is null && PythonHabits.Recognise(code, failed.Errors) is { } habit:
                if (habit.Message is not null) _output.Out.WriteLine(habit.Message);
                _leaving = habit.Leave;
                return false;
            case SubmissionResult.CompileFailed failed:
                foreach (var error in failed.Errors) WriteError(FormatCompileError(error, code, path));
                break;
            case SubmissionResult.Failed failed:
                WriteError(FormatException(failed));
                break;
            default:
                WriteError(_ansi.Yellow("Interrupted"));
                break;
        }

        AnyFailed = true;
        return false;
    }

    /// <summary>
    /// Starts the session afresh and runs <paramref name="codes"/> in it, showing nothing (the lesson stepper's
    /// <c>:back</c>); stops at the first that does not succeed and returns how many did.
    /// </summary>
    /// <param name="codes">The entries, in order.</param>
    /// <param name="path">The file they come from.</param>
    public int Rebuild(IReadOnlyList<string> codes, string? path)
    {
        _session.Reset();
        _output.Muted = true;
        try
        {
            for (int i = 0; i < codes.Count; i++)
            {
                if (_session.Evaluate(codes[i], path) is not SubmissionResult.Success) return i;
            }

            return codes.Count;
        }
        finally
        {
            _output.Muted = false;
            _typeNames?.Refresh();
        }
    }

    private void ShowValue(object? value)
    {
        if (_session.Globals.TryShowFigure(value)) return;

        if (ValueFormatter.Format(value) is { } text) _output.Out.WriteLine(text);
    }

    private bool Execute(MetaCommand command)
    {
        switch (command.Name)
        {
            case "exit":
                return false;
            case "help":
                _output.Out.WriteLine(Help());
                break;
            case "reset":
                _session.Reset();
                _typeNames?.Refresh();
                _output.Out.WriteLine(_ansi.Dim("Session reset: every variable and figure is gone."));
                break;
            case "clear":
                if (_ansi.Enabled || _input.IsInteractive) _output.Out.Write(LineEditorInput.ClearScreen);
                break;
            case "save":
                Save(command.Argument);
                break;
            case "load":
                Load(command.Argument);
                break;
        }

        return true;
    }

    private void Save(string file)
    {
        if (file.Length == 0)
        {
            Fail("#save needs a file name: #save session.csx");
            return;
        }

        try
        {
            var full = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, _session.SaveText());
            var count = _session.Saved.Count;
            _output.Out.WriteLine(_ansi.Dim($"Saved {count} {(count == 1 ? "entry" : "entries")} to {DiagnosticFormatter.DisplayPath(full)}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Fail($"cannot write '{file}': {e.Message}");
        }
    }

    private void Load(string file)
    {
        if (file.Length == 0)
        {
            Fail("#load needs a file name: #load lesson.csx");
            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Fail(e is FileNotFoundException or DirectoryNotFoundException ? $"no such file: '{file}'" : $"cannot read '{file}': {e.Message}");
            return;
        }

        Submit(text, Path.GetFullPath(file));
    }

    private void Fail(string message)
    {
        WriteError(_ansi.Red("error: " + message));
        AnyFailed = true;
    }

    private void WriteError(string text)
    {
        _output.Error.Write(text);
        _output.Error.Write('\n');
        _output.Flush();
    }

    private string Help()
    {
        var lines = new List<string> { _ansi.Bold("Commands") };
        lines.AddRange(MetaCommand.All.Select(c => $"  {c.Usage,-12} {c.Description}"));
        lines.Add(_ansi.Bold("Keys"));
        lines.Add("  Enter        run the entry, or start a new line while it is incomplete (open braces, ...)");
        lines.Add("  Shift+Enter  new line without running");
        lines.Add("  Tab          complete a name (several: list them; again: the next one); indent at the start of a line");
        lines.Add("  Up/Down      earlier entries (kept across sessions)");
        lines.Add("  Ctrl+C       stop running code (variables are kept), or clear the line");
        lines.Add("  Ctrl+L       clear the screen (the line being edited stays)");
        lines.Add("  Ctrl+D       leave (on an empty line)");
        lines.Add(_ansi.Bold("Try"));
        lines.Add("  var x = tensor(2.0, requires_grad: true);");
        lines.Add("  var y = x.pow(2); y.backward(); x.grad");
        lines.Add("  show(y.grad_fn)        plot(linspace(-3, 3, 50), linspace(-3, 3, 50).sin()); show()");
        return string.Join('\n', lines);
    }

    private string FormatCompileError(ReplDiagnostic error, string code, string? path)
    {
        bool multiline = code.Contains('\n');
        var where = path is not null
            ? $"{DiagnosticFormatter.DisplayPath(path)}({error.Line},{error.Column}): "
            : multiline ? $"(line {error.Line}) " : "";
        var colour = error.IsWarning ? (Func<string, string>)_ansi.Yellow : _ansi.Red;
        var header = colour($"{where}{(error.IsWarning ? "warning" : "error")} {error.Id}: {error.Message}");
        var line = error.SourceLine.TrimEnd();
        var caret = new System.Text.StringBuilder();
        for (int i = 0; i < error.Column - 1 && i < line.Length; i++) caret.Append(line[i] == '\t' ? '\t' : ' ');
        caret.Append('^');
        int tildes = Math.Min(error.Length, Math.Max(1, line.Length - (error.Column - 1))) - 1;
        if (tildes > 0) caret.Append('~', tildes);
        var text = $"{header}\n    {line}\n    {colour(caret.ToString())}";
        return (error.Hint ?? CompileHints.For(error.Id, error.Message)) is { } hint ? $"{text}\n    {hint}" : text;
    }

    private string FormatException(SubmissionResult.Failed failed)
    {
        var e = failed.Exception;
        var name = e.GetType().Name;
        var text = _ansi.Red(NullReferenceExplainer.Headline(e, failed.Location?.Text) ?? $"{name}: {e.Message}");
        if (failed.Location is { } at)
        {
            var where = at.IsCurrent
                ? string.Format(CultureInfo.InvariantCulture, "  at line {0}: ", at.Line)
                : string.Format(CultureInfo.InvariantCulture, "  in entry {0}, line {1}: ", at.Submission, at.Line);
            text += "\n" + _ansi.Dim(where) + at.Text.Trim();
        }

        return text;
    }
}
