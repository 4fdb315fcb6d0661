using System.ComponentModel;

namespace GradRepl.Prelude;

// Which globals the static members act on. They are static so that a class or static method declared in a script
// reaches them as top-level code does (Roslyn finds the globals type's members from any class nested in the script,
// but an instance member there is CS0120); the run they belong to is the one whose thread made its globals current.
public sealed partial class ScriptGlobals
{
    // Carried by the execution context, not the thread: threads, tasks and timers a script starts print to its output.
    private static readonly AsyncLocal<ScriptGlobals?> s_current = new();

    // The globals of a host that runs one script per process and never calls MakeCurrent: F# under dotnet fsi (Fsi).
    private static ScriptGlobals? s_processDefault;

    /// <summary>
    /// Makes these the globals that <c>print</c>, <c>plot</c> and the other members act on, on the calling thread and
    /// in every thread, task and timer started from it afterwards. The host calls it on the thread that runs a script
    /// or a REPL entry, so two runs in one process (tests, sessions) never see each other's.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void MakeCurrent() => s_current.Value = this;

    /// <summary>Makes these the globals of code that runs with none made current (<see cref="Fsi"/>: one F# script per process).</summary>
    internal void MakeProcessDefault() => s_processDefault = this;

    private static ScriptGlobals Current =>
        s_current.Value ?? s_processDefault ?? throw new InvalidOperationException(
            "The prelude's globals (print, plot, ...) were called from code that no script runs: the host makes a ScriptGlobals current (MakeCurrent) on the script's thread.");
}
