using System.Collections.Concurrent;
using GradRepl.Tensors.Kernels;
using Xunit;

namespace GradRepl.Tensors.Tests.Kernels;

/// <summary>
/// The splitter behind relu, the long float32 sums and the matrix product: every element in exactly one chunk, chunks
/// cut at whole multiples of <see cref="CoreSplit.ChunkElements"/>, a failing chunk's exception and Ctrl+C reaching the
/// caller, and the back-off after a split that waited for a slow pool thread.
/// </summary>
[Collection(nameof(CoreSplitCollection))]
public sealed class CoreSplitTests
{
    private const int Chunk = CoreSplit.ChunkElements;

    public static TheoryData<int> Lengths => [0, 1, 1000, Chunk, 2 * Chunk - 1, 2 * Chunk, 2 * Chunk + 1, 8 * Chunk + 5];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Ranges_CoverEveryElementOnce_InWholeChunks(int length)
    {
        CoreSplit.ResetBackOff();
        var visits = new int[length];
        var ranges = new ConcurrentBag<(int From, int To)>();

        CoreSplit.Ranges(length, (from, to) =>
        {
            ranges.Add((from, to));
            for (var i = from; i < to; i++) Interlocked.Increment(ref visits[i]);
        });

        Assert.All(visits, v => Assert.Equal(1, v));
        var expectedRanges = length >= 2 * Chunk ? (length + Chunk - 1) / Chunk : 1;
        Assert.Equal(expectedRanges, ranges.Count);
        if (expectedRanges > 1) Assert.All(ranges, r => Assert.Equal(0, r.From % Chunk));
    }

    [Fact]
    public void Parts_RunEachPartOnce()
    {
        CoreSplit.ResetBackOff();
        var runs = new int[37];
        CoreSplit.Parts(runs.Length, part => Interlocked.Increment(ref runs[part]));
        Assert.All(runs, r => Assert.Equal(1, r));
    }

    [Fact]
    public void AFailingPart_ThrowsItsOwnException_AndNoPartRunsTwice()
    {
        CoreSplit.ResetBackOff();
        var runs = new int[16];
        var error = Assert.Throws<InvalidOperationException>(() => CoreSplit.Parts(runs.Length, part =>
        {
            Interlocked.Increment(ref runs[part]);
            if (part == 3) throw new InvalidOperationException("part 3 failed");
        }));

        Assert.Equal("part 3 failed", error.Message);
        Assert.All(runs, r => Assert.InRange(r, 0, 1));
    }

    [Fact]
    public void CtrlC_RunsNoFurtherChunk_AndThrowsOperationCanceled()
    {
        CoreSplit.ResetBackOff();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var ran = 0;
        Interruption.Token = cancelled.Token;
        try
        {
            Assert.Throws<OperationCanceledException>(() => CoreSplit.Ranges(4 * Chunk, (_, _) => Interlocked.Increment(ref ran)));
            Assert.Throws<OperationCanceledException>(() => CoreSplit.Parts(4, _ => Interlocked.Increment(ref ran)));
        }
        finally
        {
            Interruption.Token = default;
        }
        Assert.Equal(0, ran);
    }

    [Fact]
    public void ASplitThatWaitedForAPoolThread_KeepsTheNextPassesOnTheCallingThread()
    {
        Assert.SkipWhen(Environment.ProcessorCount < 2, "one core: nothing is split");
        CoreSplit.ResetBackOff();
        var caller = Environment.CurrentManagedThreadId;
        using var helperStarted = new ManualResetEventSlim();
        try
        {
            // The caller's part waits until a pool thread holds the other part, which then takes far longer than the
            // caller worked: as a pool thread preempted by another process would.
            CoreSplit.Parts(2, _ =>
            {
                if (Environment.CurrentManagedThreadId == caller) helperStarted.Wait(TimeSpan.FromSeconds(30));
                else
                {
                    helperStarted.Set();
                    Thread.Sleep(500);
                }
            });
            Assert.True(helperStarted.IsSet, "no pool thread took a part");

            Assert.False(CoreSplit.Splits(2L * Chunk));
            var threads = new ConcurrentBag<int>();
            CoreSplit.Ranges(8 * Chunk, (_, _) => threads.Add(Environment.CurrentManagedThreadId));
            Assert.Equal([caller], threads.Distinct());
        }
        finally
        {
            CoreSplit.ResetBackOff();
        }
        Assert.True(CoreSplit.Splits(2L * Chunk));
    }
}

/// <summary>Tests that set the process-wide Ctrl+C token or the splitter's back-off run alone.</summary>
[CollectionDefinition(nameof(CoreSplitCollection), DisableParallelization = true)]
public sealed class CoreSplitCollection;
