using System.Diagnostics;
using System.Reflection;

namespace GradRepl.Scripting;

/// <summary>What the runner and the REPL both need from a script's exception: the real error and its frames.</summary>
internal static class ExceptionFrames
{
    /// <summary>The exception the script threw, without the reflection and task wrappers around it.</summary>
    public static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    e = inner;
                    continue;
                case AggregateException aggregate when aggregate.InnerExceptions.Count == 1:
                    e = aggregate.InnerExceptions[0];
                    continue;
                default:
                    return e;
            }
        }
    }

    /// <summary>The exception's frames, innermost first, with their methods (frames whose method cannot be read are skipped).</summary>
    public static IEnumerable<(StackFrame Frame, MethodBase? Method)> WithMethods(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            MethodBase? method;
            try
            {
                method = frame.GetMethod();
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
            {
                continue;
            }

            yield return (frame, method);
        }
    }
}
