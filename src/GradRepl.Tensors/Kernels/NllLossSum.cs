using System.Numerics;

namespace GradRepl.Tensors.Kernels;

/// <summary>
/// nll_loss's total as PyTorch 1.13 adds it on the CPU (LossNLL.cpp), so that a float32 cross-entropy loss prints
/// PyTorch's last digit: in the input's precision, each sample's -w·x going into the first of eight partial sums, a
/// level carried into the next whenever the sample index has no bits set below it (every 2^levelPower samples, the
/// very first sample all the way up), the levels added from zero at the end. Without weights the total weight is the
/// count of samples not ignored.
/// </summary>
internal static class NllLossSum
{
    private const int Levels = 8;

    /// <summary>The summed loss and the total weight, both rounded to <typeparamref name="T"/> and widened back.</summary>
    /// <param name="x">The input, [n, classes] row-major, each value exact in <typeparamref name="T"/>.</param>
    /// <param name="labels">The class of each sample; samples of class <paramref name="ignoreIndex"/> are left out.</param>
    /// <param name="weights">A weight per class, or null for 1.</param>
    public static (double Loss, double Weight) Sum<T>(double[] x, long[] labels, double[]? weights, int n, int classes, long ignoreIndex)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var levelPower = Math.Max(4, CeilLog2(n) / Levels);
        var levelMask = (1L << levelPower) - 1;
        Span<T> losses = stackalloc T[Levels];
        Span<T> weightSums = stackalloc T[Levels];
        losses.Fill(T.Zero);
        weightSums.Fill(T.Zero);
        var ignored = 0;
        for (var b = 0; b < n; b++)
        {
            var label = labels[b];
            if (label == ignoreIndex)
            {
                ignored++;
                continue;
            }
            var value = T.CreateTruncating(x[b * classes + label]);
            if (weights is null) losses[0] -= value;
            else
            {
                var weight = T.CreateTruncating(weights[label]);
                losses[0] -= value * weight;
                weightSums[0] += weight;
            }
            for (var j = 0; j + 1 < Levels; j++)
            {
                if ((b & (levelMask << (j * levelPower))) != 0) break;
                losses[j + 1] += losses[j];
                weightSums[j + 1] += weightSums[j];
                losses[j] = T.Zero;
                weightSums[j] = T.Zero;
            }
        }
        T loss = T.Zero, total = T.Zero;
        for (var j = 0; j < Levels; j++)
        {
            loss += losses[j];
            total += weightSums[j];
        }
        if (weights is null) total = T.CreateTruncating(n - ignored);
        return (double.CreateTruncating(loss), double.CreateTruncating(total));
    }

    /// <summary>⌈log2 n⌉ (0 for n ≤ 1), as PyTorch's utils::CeilLog2.</summary>
    private static int CeilLog2(int n) => n <= 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(n - 1));
}
