namespace GradRepl.Prelude;

/// <summary>
/// Python's <c>RecursionError</c>: recursion too deep for the stack. Thrown by the check the host puts at the top of
/// every method and lambda of a script, before the stack overflows (which would end the process).
/// </summary>
public sealed class RecursionError : Exception
{
    /// <summary>With Python's message, <c>maximum recursion depth exceeded</c>.</summary>
    public RecursionError()
        : base("maximum recursion depth exceeded")
    {
    }
}
