using System.Runtime.CompilerServices;

// The prelude sets the token; the engine only reads it.
[assembly: InternalsVisibleTo("GradRepl.Prelude")]

namespace GradRepl.Tensors;

/// <summary>
/// Lets a host stop long tensor work (Ctrl+C in the REPL): element-wise kernels, the matrix product (once per row)
/// and the backward loop call <see cref="ThrowIfRequested"/>, which costs one read when nothing is pending. The engine
/// never sets the token.
/// </summary>
internal static class Interruption
{
    private static CancellationToken s_token;

    /// <summary>Signalled when the host wants the running code to stop; default (never) unless a host sets it.</summary>
    public static CancellationToken Token
    {
        get => s_token;
        set => s_token = value;
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when <see cref="Token"/> is signalled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfRequested()
    {
        if (s_token.IsCancellationRequested) Throw();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw() => throw new OperationCanceledException(s_token);
}
