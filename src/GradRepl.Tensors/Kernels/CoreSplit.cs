namespace GradRepl.Tensors.Kernels;

/// <summary>
/// Shares a long pass over memory among the cores: the range is cut into chunks that the thread pool hands out, the
/// calling thread taking its share, so a core that another process holds only slows its own chunks (the caller takes
/// the rest). Each chunk writes only its own part of the output, so the result does not depend on which core ran it.
/// </summary>
internal static class CoreSplit
{
    /// <summary>
    /// Elements per chunk: 512 KB of floats, long enough that handing a chunk to a pool thread (~10-20 µs) is a small
    /// part of its time, short enough that 1e6 elements make eight chunks. A multiple of 64, so chunks never share a
    /// word of a bit mask.
    /// </summary>
    public const int ChunkElements = 128 * 1024;

    /// <summary>Whether a pass over <paramref name="length"/> elements is split at all (two chunks or more, two cores or more).</summary>
    public static bool Splits(long length) => length >= 2L * ChunkElements && Environment.ProcessorCount >= 2;

    /// <summary>
    /// Runs <paramref name="body"/>(from, to) over consecutive ranges covering [0, <paramref name="length"/>), of
    /// <see cref="ChunkElements"/> each (the last may be shorter), on several cores when <see cref="Splits"/>, else
    /// once over the whole range. Ctrl+C stops handing out chunks and throws OperationCanceledException.
    /// </summary>
    public static void Ranges(int length, Action<int, int> body)
    {
        if (!Splits(length))
        {
            body(0, length);
            return;
        }
        var chunks = (length + ChunkElements - 1) / ChunkElements;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = Interruption.Token },
            chunk => body(chunk * ChunkElements, Math.Min(length, (chunk + 1) * ChunkElements)));
    }

    /// <summary>Runs <paramref name="body"/>(part) for each part in [0, <paramref name="parts"/>), on several cores when there are two or more.</summary>
    public static void Parts(int parts, Action<int> body)
    {
        if (parts < 2 || Environment.ProcessorCount < 2)
        {
            for (var part = 0; part < parts; part++) body(part);
            return;
        }
        Parallel.For(0, parts, new ParallelOptions { CancellationToken = Interruption.Token }, body);
    }
}
