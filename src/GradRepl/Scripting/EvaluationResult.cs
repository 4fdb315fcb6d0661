namespace GradRepl.Scripting;

/// <summary>How running a compiled script ended: a closed set the callers switch on.</summary>
internal abstract record EvaluationResult
{
    private EvaluationResult()
    {
    }

    /// <summary>The script ran to the end.</summary>
    public sealed record Success : EvaluationResult;

    /// <summary>The script threw.</summary>
    /// <param name="Exception">The exception, unwrapped from reflection and task wrappers.</param>
    /// <param name="ScriptAssemblyName">The script assembly's full name, to tell its frames from the host's.</param>
    public sealed record Error(Exception Exception, string ScriptAssemblyName) : EvaluationResult;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public sealed record Cancelled : EvaluationResult;

    /// <summary>Stopped by <c>--timeout</c>.</summary>
    /// <param name="Timeout">The limit that was hit.</param>
    public sealed record TimedOut(TimeSpan Timeout) : EvaluationResult;
}
