using GradRepl.Completion;
using GradRepl.Highlighting;
using GradRepl.Lessons;
using GradRepl.Prelude;
using GradRepl.Repl;
using GradRepl.Scripting;
using Spectre.Console;

namespace GradRepl.Commands;

/// <summary>
/// <c>gradrepl</c> with no file (the REPL), <c>gradrepl FILE.csx -i</c> (the REPL after the script ran) and
/// <c>gradrepl FILE.csx --step</c> (a lesson, one step at a time). Picks the input: the RadLine editor in a terminal,
/// plain lines from a pipe (or a terminal without ANSI).
/// </summary>
internal static class ReplCommand
{
    /// <summary>Runs the REPL; <paramref name="file"/> (may be null) runs first with <c>-i</c>.</summary>
    public static int Execute(string? file, ScriptOptionsFromCli options, Interrupts interrupts)
    {
        var console = new ConsoleScriptOutput();
        string? text = null;
        if (file is not null && !RunCommand.TryReadScript(file, console, out text)) return ExitCodes.Usage;

        var parts = Build(file, options, console, interrupts);
        if (file is not null) parts.Loop.Submit(text!, Path.GetFullPath(file));
        return parts.Loop.Run();
    }

    /// <summary>Steps through the lesson <paramref name="file"/>.</summary>
    public static int Step(string file, ScriptOptionsFromCli options, Interrupts interrupts)
    {
        var console = new ConsoleScriptOutput();
        if (!RunCommand.TryReadScript(file, console, out var text)) return ExitCodes.Usage;
        var lesson = LessonParser.Parse(Path.GetFullPath(file), text);
        var parts = Build(file, options, console, interrupts);
        return new LessonStepper(lesson, parts.Loop, parts.Input, parts.Output, parts.Ansi, parts.Console).Run();
    }

    private static Parts Build(string? file, ScriptOptionsFromCli options, ConsoleScriptOutput console, Interrupts interrupts)
    {
        HostTrace.Phase("repl: start");
        var output = new ReplOutput(console);
        var ansi = new Ansi(console.SupportsColor);
        var session = new ReplSession(
            () => new ScriptEnvironment
            {
                Output = output,
                ScriptPath = file is null ? null : Path.GetFullPath(file),
                PlotDirectory = options.OutDirectory,
            },
            interrupts);
        HostTrace.Phase("repl: session created");

        var spectre = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = ansi.Enabled ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        var typeNames = new SessionTypeNames(session);
        IReplInput input;
        History? history = null;
        if (LineEditorInput.IsSupported(spectre))
        {
            history = new History(History.DefaultPath());
            var highlighter = new SyntaxHighlighter(() => typeNames.Current, () => session.IsWarm);
            input = new LineEditorInput(spectre, history, interrupts, new CompletionProvider(session), highlighter);
            typeNames.Refresh();
        }
        else if (!Console.IsInputRedirected && !Console.IsOutputRedirected)
        {
            history = new History(History.DefaultPath());
            input = new PlainInput(Console.In, output.Out);
        }
        else
        {
            input = new PlainInput(Console.In, null);
        }

        HostTrace.Phase("repl: input ready");
        return new Parts(new ReplLoop(session, input, history, output, ansi, typeNames), input, output, ansi, spectre);
    }

    private sealed record Parts(ReplLoop Loop, IReplInput Input, ReplOutput Output, Ansi Ansi, IAnsiConsole Console);
}
