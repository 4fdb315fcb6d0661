namespace GradRepl.Repl;

/// <summary>How one REPL submission ended: a closed set the loop switches on.</summary>
internal abstract record SubmissionResult
{
    private SubmissionResult()
    {
    }

    /// <summary>It ran to the end.</summary>
    /// <param name="Value">The trailing expression's value (null when there is none, or it is null or void).</param>
    /// <param name="HasValue">True when the submission ended in an expression whose value should be shown.</param>
    public sealed record Success(object? Value, bool HasValue) : SubmissionResult;

    /// <summary>It did not compile; nothing ran and the session is unchanged.</summary>
    /// <param name="Errors">The errors, positioned in what the user typed.</param>
    public sealed record CompileFailed(IReadOnlyList<ReplDiagnostic> Errors) : SubmissionResult;

    /// <summary>It threw; variables assigned before the throw keep their values.</summary>
    /// <param name="Exception">The exception, unwrapped.</param>
    /// <param name="Location">Where in the user's code it was thrown, when known.</param>
    public sealed record Failed(Exception Exception, SourceLocation? Location) : SubmissionResult;

    /// <summary>Ctrl+C stopped it; variables assigned before the interrupt keep their values.</summary>
    public sealed record Interrupted : SubmissionResult;
}

/// <summary>A compile error (or the host's warning) in REPL input.</summary>
/// <param name="Line">1-based line within the submission.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Length">Length of the span on that line (at least 1).</param>
/// <param name="Id">E.g. <c>CS0103</c>.</param>
/// <param name="Message">The compiler's message.</param>
/// <param name="SourceLine">The offending line.</param>
/// <param name="IsWarning">True for a warning (the code still runs), false for an error.</param>
/// <param name="Hint">The line shown under it, when the host knows what to write instead.</param>
internal sealed record ReplDiagnostic(int Line, int Column, int Length, string Id, string Message, string SourceLine, bool IsWarning = false, string? Hint = null);

/// <summary>A line of code the user entered earlier in the session.</summary>
/// <param name="Submission">1-based submission number.</param>
/// <param name="Line">1-based line within it.</param>
/// <param name="Text">That line.</param>
/// <param name="IsCurrent">True when it is in the submission that was just run.</param>
internal sealed record SourceLocation(int Submission, int Line, string Text, bool IsCurrent);
