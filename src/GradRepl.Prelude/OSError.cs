namespace GradRepl.Prelude;

/// <summary>
/// Python's <c>OSError</c>: the prelude could not do something with a file or directory, e.g.
/// <c>OSError: cannot create the figure directory /proc/x: No such file or directory</c>.
/// </summary>
public sealed class OSError : IOException
{
    /// <summary>Creates the error with its message and the .NET exception behind it.</summary>
    /// <param name="message">What failed and why, in one line.</param>
    /// <param name="inner">The exception .NET raised.</param>
    public OSError(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
