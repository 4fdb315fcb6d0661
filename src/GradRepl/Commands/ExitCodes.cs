namespace GradRepl.Commands;

/// <summary>The process exit codes of <c>gradrepl</c> (documented in README.md).</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran (and every check passed).</summary>
    public const int Success = 0;

    /// <summary>The script failed: compile error, unhandled exception, or a failed check.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line: unknown option, missing or unreadable file.</summary>
    public const int Usage = 2;

    /// <summary>The script ran longer than <c>--timeout</c> (the convention of coreutils' <c>timeout</c>).</summary>
    public const int Timeout = 124;

    /// <summary>Interrupted with Ctrl+C (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
