using System.Diagnostics;
using System.Reflection;
using GradRepl.Prelude;
using GradRepl.Scripting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace GradRepl.Repl;

/// <summary>
/// The Roslyn side of a REPL session: script state carried from one submission to the next, so every variable,
/// function and class stays defined. Roslyn is warmed on a background thread as soon as the session starts.
/// Submissions are instrumented (<see cref="Instrumentation"/>) and run on their own thread with a large stack;
/// Ctrl+C (through <see cref="Interrupts"/>) stops them and the state up to the interrupt is kept.
/// </summary>
internal sealed class ReplSession
{
    private const int ScriptThreadStackSize = 64 * 1024 * 1024;
    // The session's first submission, run before the user's: a typical line (tensor, autograd, printing) that
    // declares nothing, so it leaves no trace in the session. Compiling it warms Roslyn's binder and emitter, the
    // engine and the JIT while the user types.
    private const string WarmUpCode = "((Func<string>)(() => { var t = tensor(2.0, requires_grad: true); (t.pow(2) * 3 + 1).backward(); return t.grad!.ToString(); }))()";

    private readonly Func<ScriptEnvironment> _environmentFactory;
    private readonly Interrupts _interrupts;
    private ScriptOptions? _options;
    private readonly List<SavedSubmission> _saved = [];
    private readonly Dictionary<string, (int Number, string Text)> _submissionsByAssembly = new(StringComparer.Ordinal);
    private Task<ScriptState<object>> _initial;
    private ScriptState<object>? _state;
    private int _submissionCount;

    /// <summary>Starts a session (and warms Roslyn in the background).</summary>
    /// <param name="environmentFactory">Makes the environment for fresh globals (at start and on <c>#reset</c>).</param>
    /// <param name="interrupts">The Ctrl+C dispatcher.</param>
    public ReplSession(Func<ScriptEnvironment> environmentFactory, Interrupts interrupts)
    {
        _environmentFactory = environmentFactory;
        _interrupts = interrupts;
        // on this thread, so every entry's thread shares the generator; after #reset too, as in a new process
        ScriptEnvironment.ResetRandomGenerator();
        _initial = StartAsync();
    }

    /// <summary>The globals scripts in this session see.</summary>
    public ScriptGlobals Globals { get; private set; } = null!;

    /// <summary>The successful submissions so far, as they would appear in a saved script.</summary>
    public IReadOnlyList<SavedSubmission> Saved => _saved;

    /// <summary>True once the background warm-up has finished (Roslyn is loaded and has compiled once).</summary>
    public bool IsWarm => _state is not null || _initial.IsCompleted;

    /// <summary>The state after the last submission (waits for the warm-up on first use).</summary>
    public ScriptState<object> State => _state ?? _initial.GetAwaiter().GetResult();

    /// <summary>Path used for REPL input in diagnostics and stack traces.</summary>
    public static string ReplPath { get; } = Path.Combine(Environment.CurrentDirectory, "<repl>");

    /// <summary>Forgets every variable and figure: fresh globals and a fresh script state.</summary>
    public void Reset()
    {
        _state = null;
        _saved.Clear();
        _submissionsByAssembly.Clear();
        _submissionCount = 0;
        // on this thread, so every entry's thread shares the generator; after #reset too, as in a new process
        ScriptEnvironment.ResetRandomGenerator();
        _initial = StartAsync();
    }

    /// <summary>Roslyn's options (references, imports), made on the warm-up thread; waits for it on first use.</summary>
    private ScriptOptions Options => _options ?? State.Script.Options;

    /// <summary>A script continuing the session with <paramref name="code"/>, for completion and classification (not run).</summary>
    public Script<object> Continue(string code) => State.Script.ContinueWith(code, Options);

    /// <summary>Compiles and runs <paramref name="code"/> as the next submission.</summary>
    /// <param name="code">What the user typed (or a file's contents).</param>
    /// <param name="path">The file it came from, or null for typed input.</param>
    /// <param name="showWarnings">Given the host's compile warnings (<see cref="TensorCompoundAssignments"/>), when there are any, before the code runs.</param>
    public SubmissionResult Evaluate(string code, string? path = null, Action<IReadOnlyList<ReplDiagnostic>>? showWarnings = null)
    {
        HostTrace.Phase("repl: evaluate");
        var previous = State;
        HostTrace.Phase("repl: state ready");
        var instrumented = Instrumentation.Instrument(code, Submissions.ParseOptions);
        var script = previous.Script.ContinueWith(instrumented.Text, Options.WithFilePath(path ?? ReplPath));

        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var compilation = script.GetCompilation();
        if (errors.Count > 0) return new SubmissionResult.CompileFailed(Map(errors, code, instrumented, compilation));

        var warnings = Warnings(compilation, code, instrumented);
        if (warnings.Count > 0) showWarnings?.Invoke(warnings);
        var number = ++_submissionCount;
        _submissionsByAssembly[compilation.AssemblyName ?? ""] = (number, code);
        var trailing = TrailingExpressionKind(compilation);

        HostTrace.Phase("repl: compiled");
        var (state, hostError, interrupted) = Run(script, previous);
        HostTrace.Phase("repl: ran");
        if (hostError is not null) return new SubmissionResult.Failed(hostError, null);
        // No state: Ctrl+C stopped a top-level await, and the session's state stays as it was before the entry.
        if (state is null) return new SubmissionResult.Interrupted();
        // Otherwise the state is kept, interrupted or not: variables assigned before Ctrl+C stay. Ctrl+C during the
        // run still makes it an interrupted entry, even when the code finished anyway (a call that did not look at
        // the interrupt), so it is not saved by #save.
        _state = state;
        if (interrupted) return new SubmissionResult.Interrupted();
        if (state.Exception is { } exception)
        {
            exception = ExceptionFrames.Unwrap(exception);
            return new SubmissionResult.Failed(exception, Locate(exception));
        }

        _saved.Add(new SavedSubmission(code, path, SavedForm(code, trailing), DeclaredVariableTypes(compilation)));
        bool hasValue = trailing is TrailingKind.Value or TrailingKind.Plot;
        return new SubmissionResult.Success(hasValue ? state.ReturnValue : null, hasValue);
    }

    /// <summary>The session's successful submissions as one runnable script (see <see cref="SavedScript"/>).</summary>
    public string SaveText() => SavedScript.Build(_saved, DateTime.Now);

    private Task<ScriptState<object>> StartAsync()
    {
        var environment = _environmentFactory();
        var globals = new ScriptGlobals(environment);
        Globals = globals;
        return Task.Factory.StartNew(
            () =>
            {
                globals.MakeCurrent();
                // Made here, not before the prompt: loading Roslyn's scripting layer and the references takes a while.
                var options = _options ??= RoslynCompiler.CreateOptions(null);
                // The second core loads Roslyn's shared machinery alongside this thread; started only now, once the
                // prompt has had its share of the two cores.
                CompilerWarmUp.StartThorough();
                try
                {
                    var warm = CSharpScript.Create(WarmUpCode, options, typeof(ScriptGlobals)).RunAsync(globals).GetAwaiter().GetResult();
                    HostTrace.Phase("repl warm-up: done");
                    return warm;
                }
                catch (Exception e) when (e is CompilationErrorException or InvalidOperationException)
                {
                    // Warm-up is best effort: start from an empty script instead.
                    return CSharpScript.Create("", options, typeof(ScriptGlobals)).RunAsync(globals).GetAwaiter().GetResult();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private (ScriptState<object>? State, Exception? HostError, bool Interrupted) Run(Script<object> script, ScriptState<object> previous)
    {
        ScriptState<object>? state = null;
        Exception? hostError = null;
        var globals = Globals;
        using var cancellation = new CancellationTokenSource();
        var thread = new Thread(
            () =>
            {
                // print, plot, ... called from the entry, from a class an earlier entry declared, and from whatever it
                // starts, act on this session's globals
                globals.MakeCurrent();
                try
                {
                    // Waited for with the token: Ctrl+C during a top-level `await` stops the wait (the submission is
                    // then dropped, its state with it; earlier submissions' variables stay).
                    var run = script.RunFromAsync(previous, _ => true, CancellationToken.None);
                    run.Wait(cancellation.Token);
                    state = run.Result;
                }
                catch (Exception e) when (cancellation.IsCancellationRequested && e is OperationCanceledException or ThreadInterruptedException)
                {
                }
                catch (Exception e)
                {
                    hostError = ExceptionFrames.Unwrap(e);
                }
            },
            ScriptThreadStackSize)
        {
            IsBackground = true,
            Name = "gradrepl submission",
        };

        ScriptEnvironment.Interrupt = cancellation.Token;
        _interrupts.BeginRun(cancellation);
        // Ctrl+C also wakes the script thread from Thread.Sleep, Task.Wait and the like (ThreadInterruptedException).
        using var wake = cancellation.Token.Register(thread.Interrupt);
        try
        {
            thread.Start();
            thread.Join();
        }
        finally
        {
            _interrupts.EndRun();
            ScriptEnvironment.Interrupt = default;
        }

        return (state, hostError, cancellation.IsCancellationRequested);
    }

    private static List<ReplDiagnostic> Map(List<Diagnostic> errors, string code, InstrumentedCode instrumented, Compilation compilation)
    {
        var text = SourceText.From(code);
        var result = new List<ReplDiagnostic>();
        foreach (var d in errors.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var span = d.Location.IsInSource ? instrumented.ToOriginal(d.Location.SourceSpan) : new TextSpan(0, 0);
            var hint = d.Location.IsInSource ? TensorCompoundAssignments.HintFor(compilation, d, s => text.ToString(instrumented.ToOriginal(s))) : null;
            result.Add(Locate(text, span) with { Id = d.Id, Message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Hint = hint });
        }

        return result;
    }

    // The host's own warnings about the submission (a tensor's -= under no_grad), positioned as errors are.
    private static List<ReplDiagnostic> Warnings(Compilation compilation, string code, InstrumentedCode instrumented)
    {
        var text = SourceText.From(code);
        var result = new List<ReplDiagnostic>();
        foreach (var finding in TensorCompoundAssignments.Find(compilation))
        {
            // Roslyn puts the trees of #load-ed files before the submission's own: only the submission's are
            // positioned in what was typed (a loaded file's warnings show when it is run as a script).
            if (finding.Tree != compilation.SyntaxTrees.Last()) continue;
            string Original(TextSpan span) => text.ToString(instrumented.ToOriginal(span));
            var target = Original(finding.Target);
            result.Add(Locate(text, instrumented.ToOriginal(finding.Span)) with
            {
                Id = TensorCompoundAssignments.WarningId,
                Message = TensorCompoundAssignments.Message(target, finding.Operator),
                IsWarning = true,
                Hint = TensorCompoundAssignments.Hint(target, finding.Operator, Original(finding.Value)),
            });
        }

        return result;
    }

    // A diagnostic at `span` of what the user typed: line, column, length and line text; no id or message yet.
    private static ReplDiagnostic Locate(SourceText text, TextSpan span)
    {
        var start = text.Lines.GetLinePosition(Math.Min(span.Start, text.Length));
        var line = text.Lines[start.Line].ToString();
        var end = text.Lines.GetLinePosition(Math.Min(span.End, text.Length));
        var length = end.Line == start.Line ? end.Character - start.Character : line.Length - start.Character;
        return new ReplDiagnostic(start.Line + 1, start.Character + 1, Math.Max(1, length), "", "", line);
    }

    private enum TrailingKind { None, Void, Typeless, Value, Plot }

    private static TrailingKind TrailingExpressionKind(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.FirstOrDefault();
        if (tree is null || Submissions.TrailingExpression(tree) is not { } expression) return TrailingKind.None;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(expression).Type;
        if (type is null) return TrailingKind.Typeless;
        if (type.SpecialType == SpecialType.System_Void) return TrailingKind.Void;
        return type.ToDisplayString() is "GradRepl.Plotting.Figure" or "ScottPlot.Plot" ? TrailingKind.Plot : TrailingKind.Value;
    }

    // The variables a submission declares and their types, so a saved script can tell a redeclaration from a new variable.
    private static Dictionary<string, string> DeclaredVariableTypes(Compilation compilation)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var tree = compilation.SyntaxTrees.FirstOrDefault();
        if (tree is null) return result;
        var model = compilation.GetSemanticModel(tree);
        foreach (var member in ((CompilationUnitSyntax)tree.GetRoot()).Members)
        {
            var declaration = member switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                _ => null,
            };
            foreach (var declarator in declaration?.Variables ?? [])
            {
                var type = model.GetDeclaredSymbol(declarator) switch
                {
                    IFieldSymbol f => f.Type,
                    ILocalSymbol l => l.Type,
                    _ => null,
                };
                if (type is not null) result[declarator.Identifier.ValueText] = type.ToDisplayString();
            }
        }

        return result;
    }

    // In a saved .csx a bare expression may only end the file, so a shown value becomes print(...) (or show(...) for a plot).
    private static string SavedForm(string code, TrailingKind trailing)
    {
        if (trailing == TrailingKind.None) return code;
        var tree = CSharpSyntaxTree.ParseText(code, Submissions.ParseOptions);
        if (Submissions.TrailingExpression(tree) is not { } expression) return code;
        var span = expression.Span;
        var exprText = code.Substring(span.Start, span.Length);
        var replacement = trailing switch
        {
            TrailingKind.Void => exprText + ";",
            TrailingKind.Typeless => "// " + exprText.ReplaceLineEndings(" "),
            TrailingKind.Plot => $"show({exprText});",
            _ => $"print({exprText});",
        };
        return code[..span.Start] + replacement + code[span.End..];
    }

    private SourceLocation? Locate(Exception exception)
    {
        foreach (var (frame, method) in ExceptionFrames.WithMethods(exception))
        {
            var assembly = method?.DeclaringType?.Assembly.GetName().Name;
            if (assembly is null || !_submissionsByAssembly.TryGetValue(assembly, out var submission)) continue;
            var line = frame.GetFileLineNumber();
            if (line <= 0) continue;
            var lines = submission.Text.ReplaceLineEndings("\n").Split('\n');
            if (line > lines.Length) continue;
            return new SourceLocation(submission.Number, line, lines[line - 1], submission.Number == _submissionCount);
        }

        return null;
    }

}

/// <summary>A submission that ran successfully, kept for <c>#save</c>.</summary>
/// <param name="Code">What was typed.</param>
/// <param name="Path">The file it came from (<c>#load</c>, <c>-i</c>), or null.</param>
/// <param name="SavedText">The code as written to a saved script (a trailing expression turned into a statement).</param>
/// <param name="VariableTypes">The variables it declares, with their types.</param>
internal sealed record SavedSubmission(string Code, string? Path, string SavedText, IReadOnlyDictionary<string, string> VariableTypes);
