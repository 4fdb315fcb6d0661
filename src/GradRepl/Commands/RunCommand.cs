using System.Globalization;
using GradRepl.Prelude;
using GradRepl.Scripting;

namespace GradRepl.Commands;

/// <summary>Options shared by running and checking scripts.</summary>
/// <param name="OutDirectory">Where <c>show()</c> saves figures.</param>
/// <param name="NoCache">Skip the compile cache.</param>
/// <param name="Timeout">Limit per script; null for none.</param>
internal sealed record ScriptOptionsFromCli(string OutDirectory, bool NoCache, TimeSpan? Timeout)
{
    /// <summary>What no option gives: figures in <c>plots/</c>, the compile cache on, no time limit.</summary>
    public static ScriptOptionsFromCli Default { get; } = new("plots", false, null);

    /// <summary>Runner settings for these options.</summary>
    /// <param name="cancellation">Ctrl+C.</param>
    /// <param name="startCompileServer">Whether a compile in-process starts a compile server for later runs.</param>
    public RunnerSettings ToSettings(CancellationToken cancellation, bool startCompileServer) => new()
    {
        Cache = NoCache ? null : new CompileCache(CompileCache.DefaultDirectory()),
        Timeout = Timeout,
        Cancellation = cancellation,
        UseCompileServer = CompileServerClient.Enabled,
        StartCompileServer = startCompileServer,
    };
}

/// <summary><c>gradrepl FILE.csx [-- args]</c>: compile (or fetch from the cache) and run one script.</summary>
internal static class RunCommand
{
    /// <summary>Runs <paramref name="file"/>; returns the process exit code.</summary>
    public static int Execute(string file, IReadOnlyList<string> args, ScriptOptionsFromCli options, CancellationToken cancellation)
    {
        HostTrace.Phase("run: start");
        var output = new ConsoleScriptOutput();
        if (!TryReadScript(file, output, out var text)) return ExitCodes.Usage;

        var runner = new ScriptRunner(options.ToSettings(cancellation, startCompileServer: true));
        var source = ScriptSource.Create(file, text);
        var compiled = runner.Compile(source);
        Trace(output, compiled is CompileResult.Compiled { FromCache: true } ? "compile cache hit" : "compile cache miss");
        if (compiled is CompileResult.Failed failed)
        {
            output.WriteErrorLine(DiagnosticFormatter.FormatCompileErrors(failed.Errors));
            return ExitCodes.Failure;
        }

        var script = ((CompileResult.Compiled)compiled).Script;
        if (script.Warnings.Count > 0) output.WriteErrorLine(DiagnosticFormatter.FormatCompileWarnings(script.Warnings));
        var environment = new ScriptEnvironment
        {
            Output = output,
            ScriptPath = source.Path,
            Args = args,
            PlotDirectory = options.OutDirectory,
            Cancellation = cancellation,
        };
        var result = runner.Execute(script, source, environment);
        HostTrace.Phase("run: script finished");
        Trace(output, RoslynLoaded() ? "roslyn loaded" : "roslyn not loaded");
        var exitCode = Report(result, source.Path, output);
        HostTrace.Phase("run: output flushed");
        return exitCode;
    }

    /// <summary>Reads a script, reporting a missing, unreadable or binary file as a usage error (one line).</summary>
    public static bool TryReadScript(string file, ConsoleScriptOutput output, out string text)
    {
        text = "";
        if (ReadProblem(file, out var read) is { } problem)
        {
            output.WriteErrorLine($"gradrepl: error: {problem}");
            return false;
        }

        text = read!;
        return true;
    }

    /// <summary>Reads <paramref name="file"/> into <paramref name="text"/>, or says (in one line) why it is not a script to run.</summary>
    public static string? ReadProblem(string file, out string? text)
    {
        text = null;
        var name = DiagnosticFormatter.Visible(file);
        try
        {
            if (Directory.Exists(file)) return $"'{name}' is a directory, not a script";
            text = ScriptText.Read(file, out var notText);
            return notText is null ? null : $"'{name}' is not a script: {notText}";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"no such file: '{name}'";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot read '{name}': {e.Message}";
        }
    }

    /// <summary>Prints how a run ended and maps it to an exit code.</summary>
    public static int Report(EvaluationResult result, string scriptPath, ConsoleScriptOutput output)
    {
        switch (result)
        {
            case EvaluationResult.Success:
                output.Flush();
                return ExitCodes.Success;
            case EvaluationResult.Error error:
                output.WriteErrorLine(DiagnosticFormatter.FormatRuntimeError(error.Exception, error.ScriptAssemblyName, scriptPath));
                return ExitCodes.Failure;
            case EvaluationResult.TimedOut timedOut:
                output.WriteErrorLine($"gradrepl: error: {DiagnosticFormatter.DisplayPath(scriptPath)} timed out after {timedOut.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
                return ExitCodes.Timeout;
            default:
                output.WriteErrorLine("Interrupted");
                return ExitCodes.Interrupted;
        }
    }

    // A cache hit must not load the compiler: the trace says whether it was, for tests and benchmarks.
    private static bool RoslynLoaded() =>
        AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true);

    /// <summary>With <c>GRADREPL_TRACE=1</c>, notes host events (cache hits) on stderr; used by tests and benchmarks.</summary>
    public static void Trace(ConsoleScriptOutput output, string message)
    {
        if (HostTrace.Enabled) output.WriteErrorLine("[gradrepl] " + message);
    }
}
