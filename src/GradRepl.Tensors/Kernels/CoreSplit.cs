using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace GradRepl.Tensors.Kernels;

/// <summary>
/// Shares a long pass over memory among the cores. The work is cut into chunks that the calling thread and pool
/// threads take one at a time, so a pool thread that starts late only takes fewer. Each chunk writes only its own part
/// of the output, so the result does not depend on which core ran it.
/// <para>
/// On a busy machine a pool thread can be preempted in the middle of a chunk, and the caller then waits a whole time
/// slice (milliseconds) for it: three times slower than doing everything itself. When the caller waited longer than
/// it worked, passes stay on the calling thread for <see cref="BackOff"/> before trying again.
/// </para>
/// </summary>
internal static class CoreSplit
{
    /// <summary>
    /// Elements per chunk: 512 KB of floats, long enough that handing a chunk to a pool thread (~10-20 µs) is a small
    /// part of its time, short enough that 1e6 elements make eight chunks. A multiple of 64, so chunks never share a
    /// word of a bit mask.
    /// </summary>
    public const int ChunkElements = 128 * 1024;

    /// <summary>How long passes stay on one core after a split that waited for a preempted pool thread.</summary>
    private static readonly long BackOff = Stopwatch.Frequency / 10;

    /// <summary>The <see cref="Stopwatch"/> timestamp before which nothing is split.</summary>
    private static long s_splitAgainAt;

    /// <summary>Whether a pass over <paramref name="length"/> elements is split (two chunks or more, two cores or more, not backing off).</summary>
    public static bool Splits(long length) => length >= 2L * ChunkElements && SplitsAtAll();

    /// <summary>
    /// Runs <paramref name="body"/>(from, to) over consecutive ranges covering [0, <paramref name="length"/>), of
    /// <see cref="ChunkElements"/> each (the last may be shorter), on several cores when <see cref="Splits"/>, else
    /// once over the whole range. Ctrl+C stops handing out chunks and throws OperationCanceledException.
    /// </summary>
    public static void Ranges(int length, Action<int, int> body)
    {
        if (!Splits(length))
        {
            Interruption.ThrowIfRequested();
            body(0, length);
            return;
        }
        var chunks = (length + ChunkElements - 1) / ChunkElements;
        Run(chunks, chunk => body(chunk * ChunkElements, Math.Min(length, (chunk + 1) * ChunkElements)));
    }

    /// <summary>Runs <paramref name="body"/>(part) for each part in [0, <paramref name="parts"/>), on several cores when there are two or more parts.</summary>
    public static void Parts(int parts, Action<int> body)
    {
        if (parts < 2 || !SplitsAtAll())
        {
            for (var part = 0; part < parts; part++)
            {
                Interruption.ThrowIfRequested();
                body(part);
            }
            return;
        }
        Run(parts, body);
    }

    /// <summary>Ends a back-off now (tests).</summary>
    internal static void ResetBackOff() => Volatile.Write(ref s_splitAgainAt, 0);

    private static bool SplitsAtAll() =>
        Environment.ProcessorCount >= 2 && Stopwatch.GetTimestamp() >= Volatile.Read(ref s_splitAgainAt);

    private static void Run(int chunks, Action<int> body)
    {
        var run = new SharedRun(chunks, body);
        for (var helper = 1; helper < Math.Min(Environment.ProcessorCount, chunks); helper++)
            ThreadPool.UnsafeQueueUserWorkItem(static r => r.Work(), run, preferLocal: false);
        var started = Stopwatch.GetTimestamp();
        run.Work();
        var ownEnd = Stopwatch.GetTimestamp();
        run.WaitForAll();
        if (Stopwatch.GetTimestamp() - ownEnd > ownEnd - started)
            Volatile.Write(ref s_splitAgainAt, Stopwatch.GetTimestamp() + BackOff);
        run.ThrowIfFailed();
    }

    /// <summary>One split pass: the next chunk to hand out, how many are finished, and the first failure.</summary>
    private sealed class SharedRun(int chunks, Action<int> body)
    {
        private readonly ManualResetEventSlim _allDone = new(false);
        private int _next;
        private int _finished;
        private volatile bool _stopped;
        private volatile bool _cancelled;
        private ExceptionDispatchInfo? _failure;

        /// <summary>Takes chunks until none are left. After a failure or Ctrl+C the rest are taken but not run.</summary>
        public void Work()
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref _next) - 1) < chunks)
            {
                try
                {
                    if (Interruption.Token.IsCancellationRequested) _cancelled = _stopped = true;
                    if (!_stopped) body(chunk);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
                    _stopped = true;
                }
                finally
                {
                    if (Interlocked.Increment(ref _finished) == chunks) _allDone.Set();
                }
            }
        }

        /// <summary>Waits until every chunk is finished (or skipped); no thread touches the run after that.</summary>
        public void WaitForAll()
        {
            _allDone.Wait();
            _allDone.Dispose();
        }

        /// <summary>Rethrows a chunk's exception, or OperationCanceledException after Ctrl+C.</summary>
        public void ThrowIfFailed()
        {
            _failure?.Throw();
            if (_cancelled) throw new OperationCanceledException(Interruption.Token);
        }
    }
}
