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

    /// <summary>The name figures are saved under: the script's file name without extension, or "repl".</summary>
    public string ScriptName => ScriptPath is null ? "repl" : Path.GetFileNameWithoutExtension(ScriptPath);
}
