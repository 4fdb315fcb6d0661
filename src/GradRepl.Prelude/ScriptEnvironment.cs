using System.Runtime.CompilerServices;

namespace GradRepl.Prelude;

/// <summary>What the host tells a script's globals: where output goes, the script's name and arguments, where plots are saved.</summary>
public sealed class ScriptEnvironment
{
    /// <summary>Where the script's output goes.</summary>
    public required IScriptOutput Output { get; init; }

    /// <summary>Full path of the running script, or null for REPL input.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>Arguments given after <c>--</c> on the command line.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Directory where <c>show()</c> saves figures (relative paths are resolved against the working directory).</summary>
    public string PlotDirectory { get; init; } = "plots";

    /// <summary>Signalled when the host wants the script to stop (Ctrl+C, timeout). Long loops may poll it.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Called by the markers <c>gradrepl check</c> inserts into a lesson (one per step heading and per
    /// <c>//&gt;</c> block), so the checker can split the captured output by step. Null outside <c>check</c>.
    /// </summary>
    public Action<int>? Checkpoint { get; init; }

    /// <summary>
    /// Seeds the engine's random generator as a new process has it. Called on a session's own thread, it also makes the
    /// generator that threads started from there share: the REPL runs each entry on a thread of its own, and a
    /// <c>manual_seed</c> in one entry must hold in the next.
    /// </summary>
    public static void ResetRandomGenerator() => GradRepl.Tensors.torch.ResetGenerator();

    /// <summary>
    /// Process-wide interruption for interactive sessions: the REPL signals it on Ctrl+C. Code the REPL compiles calls
    /// <see cref="ThrowIfCancelled"/> in every loop and method body, and tensor operations check it too.
    /// </summary>
    public static CancellationToken Interrupt
    {
        get => s_interrupt;
        set
        {
            s_interrupt = value;
            GradRepl.Tensors.Interruption.Token = value;
        }
    }

    private static CancellationToken s_interrupt;

    /// <summary>Throws <see cref="OperationCanceledException"/> when <see cref="Interrupt"/> is signalled; one read otherwise.</summary>
    public static void ThrowIfCancelled()
    {
        if (s_interrupt.IsCancellationRequested) throw new OperationCanceledException(s_interrupt);
    }

    /// <summary>
    /// Called at the top of every method, local function, accessor and lambda the host compiles: throws
    /// <see cref="OperationCanceledException"/> when <see cref="Interrupt"/> is signalled, and
    /// <see cref="RecursionError"/> when recursion has used <see cref="RecursionStackBytes"/> of the thread's stack
    /// (a stack overflow would end the process, REPL session and all, and .NET cannot catch it). Returns true, so it
    /// can also head a conditional in a lambda. A few nanoseconds: a static and a thread-static read.
    /// </summary>
    public static bool CheckCall()
    {
        // The address of a local is where the stack is (it grows down). The first check on a thread sets the floor
        // RecursionStackBytes below it. (RuntimeHelpers.TryEnsureSufficientExecutionStack would do without the floor,
        // but costs several times this whole method.)
        byte probe = 0;
        var here = (nint)Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref probe);
        var floor = t_stackFloor;
        if (here < floor || floor == 0 || s_interrupt.IsCancellationRequested) CheckCallSlowly(here);
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckCallSlowly(nint here)
    {
        ThrowIfCancelled();
        if (t_stackFloor == 0) t_stackFloor = here - RecursionStackBytes;
        else if (here < t_stackFloor) throw new RecursionError();
    }

    /// <summary>
    /// How much stack script code may use by recursion, from its first call on a thread: 512 KiB, some 5,000 calls of a
    /// small method (Python allows 1,000). Every thread a script runs on has more (the script thread 64 MiB, the
    /// thread pool's 1.5 MiB), which leaves room for the engine and .NET below the deepest script frame; a deeper
    /// limit would also make the error slow to report (every frame is unwound and listed).
    /// </summary>
    public const int RecursionStackBytes = 512 * 1024;

    [ThreadStatic]
    private static nint t_stackFloor;

    /// <summary>
    /// Creates <see cref="PlotDirectory"/> when it does not exist yet (figures are saved there); fails with
    /// <see cref="OSError"/> <c>cannot create the figure directory DIR: reason</c>.
    /// </summary>
    public void CreatePlotDirectory()
    {
        try
        {
            Directory.CreateDirectory(PlotDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OSError($"cannot create the figure directory {PlotDirectory}: {CreateDirectoryFailure(PlotDirectory, e)}", e);
        }
    }

    // Why mkdir failed, in the operating system's words as Python shows them (strerror), rather than .NET's
    // "Could not find file" for a directory that was never a file.
    private static string CreateDirectoryFailure(string directory, Exception e)
    {
        if (File.Exists(directory)) return "File exists";
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(directory)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) return $"Not a directory ({parent} is a file)";
        }

        return e switch
        {
            UnauthorizedAccessException => "Permission denied",
            FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
            _ => e.Message,
        };
    }

    /// <summary>The name figures are saved under: the script's file name without extension, or "repl".</summary>
    public string ScriptName => ScriptPath is null ? "repl" : Path.GetFileNameWithoutExtension(ScriptPath);
}
