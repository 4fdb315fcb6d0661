using System.Runtime.CompilerServices;
using GradRepl.Prelude;

namespace GradRepl.Scripting;

/// <summary>Settings shared by every script run of one <c>gradrepl</c> invocation.</summary>
internal sealed record RunnerSettings
{
    /// <summary>The compile cache, or null with <c>--no-cache</c>.</summary>
    public CompileCache? Cache { get; init; }

    /// <summary>Limit per script run; null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Signalled by Ctrl+C.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Compile through the compile server when one runs.</summary>
    public bool UseCompileServer { get; init; }

    /// <summary>
    /// After a compile in-process, start a compile server for the next run. Off for <c>check</c>: it compiles its next
    /// lessons with its own, now warm, compiler, and a server warming up beside it would only take a core from it.
    /// </summary>
    public bool StartCompileServer { get; init; }
}

/// <summary>
/// The facade over compiling (cache first, Roslyn on a miss) and running scripts, used by <c>run</c> and <c>check</c>.
/// </summary>
internal sealed class ScriptRunner
{
    private readonly RunnerSettings _settings;

    // Set once this process has compiled with Roslyn itself: its own compiler is warm from then on (check's next
    // lessons), faster than asking a server.
    private bool _compiledHere;

    /// <summary>Creates a runner with <paramref name="settings"/>.</summary>
    public ScriptRunner(RunnerSettings settings)
    {
        _settings = settings;
    }

    /// <summary>Compiles <paramref name="source"/>, from the cache when possible.</summary>
    public CompileResult Compile(ScriptSource source)
    {
        string? key = null;
        if (_settings.Cache is { } cache)
        {
            key = source.ComputeCacheKey();
            HostTrace.Phase("cache: key computed");
            var cached = cache.TryRead(key);
            HostTrace.Phase(cached is null ? "cache: miss" : "cache: hit, entry read");
            if (cached is not null) return new CompileResult.Compiled(cached, FromCache: true);
        }

        CompileResult result;
        var useServer = _settings.UseCompileServer && !_compiledHere;
        if (useServer && CompileServerClient.TryCompile(source) is { } served)
        {
            result = served;
        }
        else
        {
            result = CompileWithRoslyn(source);
            HostTrace.Phase("roslyn: compiled");
            ReleaseCompilerGarbage();
            // The next run (the next lesson, this one after an edit) finds a warm compiler in the server. Started
            // only now, so that its own start-up does not compete with this compile for the cores.
            if (useServer && _settings.StartCompileServer) CompileServerClient.StartServer();
            _compiledHere = true;
        }

        if (key is not null && result is CompileResult.Compiled compiled) _settings.Cache!.TryWrite(key, compiled.Script);
        return result;
    }

    /// <summary>Runs a compiled script with globals built from <paramref name="environment"/>.</summary>
    public EvaluationResult Execute(CompiledScript script, ScriptSource source, ScriptEnvironment environment) =>
        ScriptExecutor.Run(script, new ScriptGlobals(environment), source.References, _settings.Timeout, _settings.Cancellation);

    /// <summary>
    /// A Roslyn compile leaves tens of megabytes of garbage. The collector sizes its young generation from the CPU's
    /// cache (on a 105 MiB L3 that is more than a whole cold lab allocates), so without a collection here none would
    /// happen and the garbage would all stay resident: a cold <c>check</c> of the lab peaked at 222 MiB, with this
    /// collection at about 125 MiB (bench/README.md). It costs 10-20 ms after a compile of a second or so.
    /// </summary>
    private static void ReleaseCompilerGarbage()
    {
        GC.Collect();
        HostTrace.Phase("roslyn: garbage collected");
    }

    // Not inlined: the JIT compiles this method (and so resolves Roslyn's types) only on a cache miss.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CompileResult CompileWithRoslyn(ScriptSource source) => RoslynCompiler.Compile(source);
}
