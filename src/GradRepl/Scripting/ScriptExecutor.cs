using System.Reflection;
using System.Runtime.Loader;
using GradRepl.Prelude;

namespace GradRepl.Scripting;

/// <summary>
/// Loads a compiled script and runs it on its own thread. Roslyn-compiled code cannot be aborted, so a timeout
/// or Ctrl+C returns control to the caller while the script thread (a background thread) is left behind; the
/// batch host then exits the process. The REPL (a later issue) instruments loops with a cancellation check instead.
/// </summary>
internal static class ScriptExecutor
{
    private const int ScriptThreadStackSize = 64 * 1024 * 1024;

    /// <summary>Runs <paramref name="script"/> with <paramref name="globals"/>, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="script">The compiled script.</param>
    /// <param name="globals">The script's globals.</param>
    /// <param name="references">Assemblies named by <c>#r</c>, loaded on demand.</param>
    /// <param name="timeout">Limit on the run; null for none.</param>
    /// <param name="cancellation">Ctrl+C.</param>
    public static EvaluationResult Run(CompiledScript script, ScriptGlobals globals, IReadOnlyList<string> references, TimeSpan? timeout, CancellationToken cancellation)
    {
        var assembly = Load(script, references);
        var entry = FindEntryType(assembly, script.EntryTypeName)
            .GetMethod(script.EntryMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"The compiled script has no method {script.EntryMethodName}.");
        var assemblyName = assembly.FullName ?? "";
        HostTrace.Phase("execute: script assembly loaded");

        EvaluationResult? result = null;
        using var done = new ManualResetEventSlim();
        var thread = new Thread(
            () =>
            {
                try
                {
                    // print, plot, ... called from this thread, and from whatever the script starts, act on these globals
                    globals.MakeCurrent();
                    // Submission array: [0] = globals, [1] = this submission (filled in by the factory).
                    var task = (Task)entry.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [new object?[] { globals, null }], null)!;
                    task.GetAwaiter().GetResult();
                    result = new EvaluationResult.Success();
                }
                catch (Exception e)
                {
                    result = new EvaluationResult.Error(ExceptionFrames.Unwrap(e), assemblyName);
                }
                finally
                {
                    done.Set();
                }
            },
            ScriptThreadStackSize)
        {
            IsBackground = true,
            Name = "gradrepl script",
        };
        thread.Start();

        var handles = new[] { done.WaitHandle, cancellation.WaitHandle };
        var signalled = WaitHandle.WaitAny(handles, timeout ?? Timeout.InfiniteTimeSpan);
        if (signalled == 0) return result!;
        if (signalled == 1) return new EvaluationResult.Cancelled();
        return new EvaluationResult.TimedOut(timeout!.Value);
    }

    // Matched by name among the assembly's types, not with Assembly.GetType(string): that parses the name as a
    // type-name expression, whose SearchValues the JIT compiles afresh in every process (about 7 ms of a warm run).
    private static Type FindEntryType(Assembly assembly, string name)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // A type of the script that uses a missing #r assembly does not load; the entry type still may.
            types = e.Types;
        }

        foreach (var type in types)
        {
            if (type?.FullName == name) return type;
        }

        throw new InvalidOperationException($"The compiled script has no type {name}.");
    }

    private static Assembly Load(CompiledScript script, IReadOnlyList<string> references)
    {
        // Each script gets its own load context: two scripts never clash, and their references
        // (prelude, engine, plotting) resolve from the default context the host already uses;
        // only what the default context cannot find is looked up among the #r paths.
        var context = new AssemblyLoadContext("gradrepl-script", isCollectible: false);
        context.Resolving += (ctx, name) =>
        {
            var match = references.FirstOrDefault(r =>
                string.Equals(Path.GetFileNameWithoutExtension(r), name.Name, StringComparison.OrdinalIgnoreCase) && File.Exists(r));
            return match is null ? null : ctx.LoadFromAssemblyPath(match);
        };
        return context.LoadFromStream(new MemoryStream(script.Image), new MemoryStream(script.Symbols));
    }
}
