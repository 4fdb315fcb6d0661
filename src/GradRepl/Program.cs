using System.CommandLine;
using System.Globalization;
using GradRepl.Commands;
using GradRepl.Repl;
using GradRepl.Scripting;

namespace GradRepl;

/// <summary>The <c>gradrepl</c> entry point: parses the command line and hands over to a command.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // In the REPL and the lesson stepper, Ctrl+C stops the running entry or clears the line instead.
            if (Interactive is { } interactive)
            {
                e.Cancel = interactive.OnCancelKeyPress();
                return;
            }

            // The first Ctrl+C asks the running command to stop (it exits with 130); a second one ends the process.
            if (interrupt.IsCancellationRequested) return;
            e.Cancel = true;
            interrupt.Cancel();
        };

        // The two commonest forms skip building the command tree (tens of milliseconds of a warm run): plain
        // `gradrepl` (the REPL) and `gradrepl FILE.csx` with no options.
        if (args is [CompileServerProtocol.ServerOption, var socketPath]) return CompileServerCommand.Execute(socketPath);
        if (args.Length == 0) return ReplCommand.Execute(null, ScriptOptionsFromCli.Default, StartInteractive());
        if (args is [var only] && only.EndsWith(".csx", StringComparison.OrdinalIgnoreCase) && !only.StartsWith('-'))
        {
            return RunCommand.Execute(only, [], ScriptOptionsFromCli.Default, interrupt.Token);
        }

        var root = BuildCommandLine(interrupt.Token);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line: the first error is the one to fix (the others often follow from it).
            Console.Error.WriteLine($"gradrepl: error: {parse.Errors[0].Message} (see gradrepl --help)");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = true });
    }

    /// <summary>Set while an interactive session (REPL, stepper) owns Ctrl+C.</summary>
    private static Interrupts? Interactive { get; set; }

    private static Interrupts StartInteractive() => Interactive = new Interrupts();

    /// <summary>
    /// The longest <c>--timeout</c>: the runner waits with a millisecond count that must fit an <see cref="int"/>
    /// (<see cref="int.MaxValue"/> ms, about 24.8 days).
    /// </summary>
    internal const int MaxTimeoutSeconds = int.MaxValue / 1000;

    // A custom parser rather than the default one: System.CommandLine's own conversion error is not ours to word, and
    // a validator that reads a value that did not convert throws.
    private static double? ParseTimeout(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens is [.., var token] ? token.Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= MaxTimeoutSeconds)
        {
            return seconds;
        }

        result.AddError($"--timeout takes a number of seconds greater than 0 and at most {MaxTimeoutSeconds} (about 24 days), not '{text}'");
        return null;
    }

    internal static RootCommand BuildCommandLine(CancellationToken interrupt)
    {
        var outOption = new Option<string>("--out")
        {
            Description = "Directory where show() saves figures",
            HelpName = "DIR",
            DefaultValueFactory = _ => ScriptOptionsFromCli.Default.OutDirectory,
            Recursive = true,
        };
        var noCacheOption = new Option<bool>("--no-cache")
        {
            Description = "Compile with Roslyn even if a compiled copy is cached",
            Recursive = true,
        };
        var timeoutOption = new Option<double?>("--timeout")
        {
            Description = "Stop a script after this many seconds (exit code 124)",
            HelpName = "SECONDS",
            Recursive = true,
            CustomParser = ParseTimeout,
        };
        outOption.Validators.Add(result =>
        {
            // Caught here, before anything runs; a directory that cannot be created is reported when show() needs it.
            if (result.Tokens is [.., var token] && (token.Value.Length == 0 || File.Exists(token.Value)))
            {
                result.AddError(token.Value.Length == 0 ? "--out needs a directory name" : $"--out '{token.Value}' is a file, not a directory");
            }
        });

        ScriptOptionsFromCli Options(ParseResult p) => new(
            p.GetValue(outOption) ?? ScriptOptionsFromCli.Default.OutDirectory,
            p.GetValue(noCacheOption),
            p.GetValue(timeoutOption) is { } s ? TimeSpan.FromSeconds(s) : null);

        var fileArgument = new Argument<string?>("file")
        {
            Description = "The C# script (.csx) to run",
            Arity = ArgumentArity.ZeroOrOne,
        };
        fileArgument.Validators.Add(result =>
        {
            // An unknown option before the file would otherwise be taken as the file's name.
            if (result.GetValueOrDefault<string?>() is { } value && value.StartsWith('-') && value != "-")
            {
                result.AddError($"Unrecognized option '{value}'.");
            }
        });
        var scriptArgs = new Argument<string[]>("args")
        {
            Description = "Arguments for the script (after --), available to it as Args",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var interactiveOption = new Option<bool>("--interactive", "-i")
        {
            Description = "Run the script, then start the REPL with its variables",
        };
        var stepOption = new Option<bool>("--step")
        {
            Description = "Walk through a lesson one step at a time, trying things between steps",
        };

        var pathsArgument = new Argument<string[]>("paths")
        {
            Description = "Lesson files or directories (default: scripts/)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Command("check", "Run lessons and compare what they print with their //> expectations") { pathsArgument };
        check.SetAction(p => CheckCommand.Execute(p.GetValue(pathsArgument) ?? [], Options(p), interrupt));

        var nameArgument = new Argument<string>("name") { Description = "The lesson's name (writes scripts/NAME.csx)" };
        var newLesson = new Command("new", "Write a lesson skeleton scripts/NAME.csx that passes check") { nameArgument };
        newLesson.SetAction(p => NewCommand.Execute(p.GetValue(nameArgument)!));

        var root = new RootCommand("GradRepl: run C# scripts with PyTorch-style tensors, autograd and plots.")
        {
            fileArgument,
            scriptArgs,
            outOption,
            noCacheOption,
            timeoutOption,
            interactiveOption,
            stepOption,
            check,
            newLesson,
        };
        root.SetAction(p =>
        {
            var file = p.GetValue(fileArgument);
            if (file is null && p.GetValue(stepOption))
            {
                Console.Error.WriteLine("gradrepl: error: --step needs a lesson file: gradrepl scripts/polynomial.csx --step");
                return ExitCodes.Usage;
            }

            if (file is null || p.GetValue(interactiveOption)) return ReplCommand.Execute(file, Options(p), StartInteractive());
            if (p.GetValue(stepOption)) return ReplCommand.Step(file, Options(p), StartInteractive());

            return RunCommand.Execute(file, p.GetValue(scriptArgs) ?? [], Options(p), interrupt);
        });
        return root;
    }
}
