using System.ComponentModel;

namespace GradRepl.Prelude;

/// <summary>
/// Everything a GradRepl script sees without a <c>using</c>: Python-style <c>print</c>, tensor shortcuts,
/// autograd display, matplotlib-style figures and <c>gradcheck</c>. Each public static member is a global in scripts,
/// at the top level and inside the script's classes alike; it acts on the globals of the run it is called from
/// (<see cref="MakeCurrent"/>). An instance holds one run's state: its environment and its current figure.
/// Split into partial files by theme.
/// </summary>
public sealed partial class ScriptGlobals
{
    private readonly ScriptEnvironment _environment;

    /// <summary>Creates the globals for one script run or REPL session.</summary>
    /// <param name="environment">Output, script path, arguments and plot directory supplied by the host.</param>
    public ScriptGlobals(ScriptEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        // The engine's warnings (e.g. reading .grad of a non-leaf) go where the running script's host says, not to
        // the console; raised outside any script, where the latest globals' host says.
        GradRepl.Tensors.TorchWarnings.Handler = message => (s_current.Value ?? this)._environment.Output.Error.WriteLine(message);
    }

    /// <summary>The arguments given after <c>--</c> on the command line, e.g. <c>gradrepl lesson.csx -- 5</c>.</summary>
    public static IReadOnlyList<string> Args => Current._environment.Args;

    /// <summary>Marks a point in a lesson for <c>gradrepl check</c>; inserted by the checker, not written by hand.</summary>
    /// <param name="id">The checkpoint's number.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void __checkpoint(int id)
    {
        var environment = Current._environment;
        environment.Output.Out.Flush();
        environment.Checkpoint?.Invoke(id);
    }
}
