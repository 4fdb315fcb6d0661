using System.ComponentModel;

namespace GradRepl.Prelude;

/// <summary>
/// Everything a GradRepl script sees without a <c>using</c>: Python-style <c>print</c>, tensor shortcuts,
/// autograd display, matplotlib-style figures and <c>gradcheck</c>. Each public member is a global in scripts.
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
        // The engine's warnings (e.g. reading .grad of a non-leaf) go where this host says, not to the console.
        GradRepl.Tensors.TorchWarnings.Handler = message => environment.Output.Error.WriteLine(message);
    }

    /// <summary>The arguments given after <c>--</c> on the command line, e.g. <c>gradrepl lesson.csx -- 5</c>.</summary>
    public IReadOnlyList<string> Args => _environment.Args;

    /// <summary>The host's environment (output, paths). Hidden from completion: scripts rarely need it.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ScriptEnvironment Environment => _environment;

    /// <summary>Marks a point in a lesson for <c>gradrepl check</c>; inserted by the checker, not written by hand.</summary>
    /// <param name="id">The checkpoint's number.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void __checkpoint(int id)
    {
        _environment.Output.Out.Flush();
        _environment.Checkpoint?.Invoke(id);
    }
}
