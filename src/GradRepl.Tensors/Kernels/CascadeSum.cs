using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GradRepl.Tensors.Kernels;

/// <summary>
/// PyTorch 1.13's float32 sum of a contiguous run, addition for addition (its CPU kernel, SumKernel.cpp, on AVX2), so
/// that a sum or a mean prints PyTorch's last digit: a loss of <c>242.8086</c>, not the correctly rounded
/// <c>242.8087</c>. PyTorch accumulates in float: eight lanes (one AVX2 register), four registers side by side
/// (rows of 32 floats), rows added into a cascade of four levels that carries into the next level every
/// <c>2^levelPower</c> rows; then the leftover whole registers, the four registers into the first, the leftover
/// floats from zero, and the eight lanes one by one. Below eight floats it is the same cascade with single floats.
/// </summary>
internal static class CascadeSum
{
    private const int Lanes = 8;
    private const int RowWidth = 4;
    private const int Levels = 4;

    /// <summary>The float32 sum of <paramref name="values"/> as PyTorch adds it.</summary>
    public static float Sum(ReadOnlySpan<float> values)
    {
        if (values.Length < Lanes) return RowSum(values, lanes: 1);
        // Long runs in 256-bit registers; short ones in a plain loop of the same additions (no vector code to
        // compile first for a lesson's small tensors). Both give the same bits.
        return values.Length > Conversion.PlainLoopMaxLength && Vector256.IsHardwareAccelerated
            ? VectorSum(values)
            : RowSum(values, Lanes);
    }

    /// <summary>
    /// A float32 sum over some dimensions as PyTorch adds it, when they are the innermost ones (each output a contiguous
    /// run: <see cref="Sum"/>) or the outermost ones (each output a column: <see cref="ColumnSums"/>); null for other
    /// layouts, which the caller sums its own way. Dimensions of size 1 count as either.
    /// </summary>
    public static float[]? SumDims(float[] values, int[] sizes, bool[] reduce, int outputs)
    {
        int lastKept = -1, firstKept = sizes.Length, lastReduced = -1, firstReduced = sizes.Length;
        for (var d = 0; d < sizes.Length; d++)
        {
            if (sizes[d] == 1) continue;
            if (reduce[d]) { firstReduced = Math.Min(firstReduced, d); lastReduced = d; }
            else { firstKept = Math.Min(firstKept, d); lastKept = d; }
        }
        var result = new float[outputs];
        if (outputs == 0) return result;
        var run = values.Length / outputs;
        if (lastKept < firstReduced)
        {
            for (var o = 0; o < outputs; o++) result[o] = Sum(values.AsSpan(o * run, run));
            return result;
        }
        if (lastReduced < firstKept)
        {
            ColumnSums(values, rows: run, columns: outputs, result);
            return result;
        }
        return null;
    }

    /// <summary>
    /// PyTorch's outer sum: columns in groups of 32 (four registers; groups of 4 when there are fewer than 8 columns)
    /// each summed down the rows in one cascade; the other columns down the rows split four ways as in <see cref="RowSum"/>.
    /// </summary>
    private static void ColumnSums(float[] values, int rows, int columns, float[] result)
    {
        var column = new float[rows];
        var group = columns < Lanes ? RowWidth : RowWidth * Lanes;
        var cascadeColumns = columns / group * group;
        for (var j = 0; j < columns; j++)
        {
            for (var i = 0; i < rows; i++) column[i] = values[i * columns + j];
            result[j] = j < cascadeColumns ? RowSum(column, lanes: 1, splitFourWays: false) : RowSum(column, lanes: 1);
        }
    }

    /// <summary>
    /// PyTorch's row_sum over blocks of <paramref name="lanes"/> floats (eight for its vectorised inner sum, one for
    /// its scalar sum), then the leftover floats and the lanes added from zero.
    /// </summary>
    private static float RowSum(ReadOnlySpan<float> values, int lanes, bool splitFourWays = true)
    {
        // Without the four-way split (PyTorch's multi_row_sum on one column), a "row" is a single block.
        var rowWidth = splitFourWays ? RowWidth : 1;
        var blocks = values.Length / lanes;
        var rows = blocks / rowWidth;
        var width = rowWidth * lanes;
        Span<float> acc = stackalloc float[Levels * width];
        acc.Clear();
        var (levelPower, levelStep, levelMask) = LevelSteps(rows);

        var i = 0;
        while (i + levelStep <= rows)
        {
            for (var j = 0; j < levelStep; j++, i++) Add(acc[..width], values.Slice(i * width, width));
            for (var level = 1; level < Levels; level++)
            {
                Add(acc.Slice(level * width, width), acc.Slice((level - 1) * width, width));
                acc.Slice((level - 1) * width, width).Clear();
                if ((i & (levelMask << (level * levelPower))) != 0) break;
            }
        }
        for (; i < rows; i++) Add(acc[..width], values.Slice(i * width, width));
        for (var level = 1; level < Levels; level++) Add(acc[..width], acc.Slice(level * width, width));

        // The partial sums are the row's blocks; the leftover whole blocks go into the first, then the others.
        var first = acc[..lanes];
        for (var b = rows * rowWidth; b < blocks; b++) Add(first, values.Slice(b * lanes, lanes));
        for (var k = 1; k < rowWidth; k++) Add(first, acc.Slice(k * lanes, lanes));

        if (lanes == 1) return first[0];
        var total = 0f;
        for (var k = blocks * lanes; k < values.Length; k++) total += values[k];
        foreach (var lane in first) total += lane;
        return total;
    }

    /// <summary>
    /// <see cref="RowSum"/> with eight lanes, one 256-bit register per block. Long runs are summed on several cores in
    /// the same additions: the top level of the cascade only ever adds what the level below carries up every
    /// <c>2^(3·levelPower)</c> rows, and the levels below start empty at each of those boundaries, so the rows between
    /// two boundaries can be summed apart (their top level starting from -0, which adds nothing, not even a sign) and
    /// the carries then added in order.
    /// </summary>
    private static unsafe float VectorSum(ReadOnlySpan<float> values)
    {
        var rows = values.Length / Lanes / RowWidth;
        var levels = LevelSteps(rows);
        Span<Vector256<float>> acc = stackalloc Vector256<float>[Levels * RowWidth];
        acc.Clear();
        var chunkRows = 1 << (levels.Power * (Levels - 1));
        var chunks = rows / chunkRows;
        fixed (float* start = values)
        {
            if (CoreSplit.Splits(values.Length) && chunks >= 1)
                SumChunksApart((nint)start, rows, chunkRows, levels, acc);
            else
                CascadeRows(new ReadOnlySpan<Vector256<float>>(start, rows * RowWidth), levels, acc);
        }
        var blocks = MemoryMarshal.Cast<float, Vector256<float>>(values);
        for (var level = 1; level < Levels; level++) AddRow(acc, acc.Slice(level * RowWidth, RowWidth));

        var first = acc[0];
        for (var b = rows * RowWidth; b < blocks.Length; b++) first += blocks[b];
        for (var k = 1; k < RowWidth; k++) first += acc[k];

        var total = 0f;
        for (var k = blocks.Length * Lanes; k < values.Length; k++) total += values[k];
        for (var lane = 0; lane < Lanes; lane++) total += first[lane];
        return total;
    }

    /// <summary>
    /// The cascade over whole rows, split at the top level's carry boundaries: each stretch of <paramref name="chunkRows"/>
    /// rows (and the rows after the last boundary) on its own accumulators, then their top levels added into
    /// <paramref name="acc"/>'s in order and the last stretch's lower levels taken as they are.
    /// </summary>
    private static unsafe void SumChunksApart(nint start, int rows, int chunkRows, (int Power, int Step, int Mask) levels,
        Span<Vector256<float>> acc)
    {
        var parts = (rows + chunkRows - 1) / chunkRows;
        var partAcc = new Vector256<float>[parts * Levels * RowWidth];
        CoreSplit.Parts(parts, part =>
        {
            var from = part * chunkRows;
            var count = Math.Min(chunkRows, rows - from);
            var own = partAcc.AsSpan(part * Levels * RowWidth, Levels * RowWidth);
            own[((Levels - 1) * RowWidth)..].Fill(Vector256.Create(-0f));
            var rowsOfPart = new ReadOnlySpan<Vector256<float>>((float*)start + (long)from * RowWidth * Lanes, count * RowWidth);
            CascadeRows(rowsOfPart, levels, own);
        });
        var top = acc[((Levels - 1) * RowWidth)..];
        var whole = rows / chunkRows;
        for (var part = 0; part < whole; part++) AddRow(top, partAcc.AsSpan((part * Levels + Levels - 1) * RowWidth, RowWidth));
        // Rows after the last boundary never reach the top level: their lower levels are the sum's.
        if (whole < parts) partAcc.AsSpan(whole * Levels * RowWidth, (Levels - 1) * RowWidth).CopyTo(acc);
    }

    /// <summary>
    /// PyTorch's multi_row_sum over whole rows of four registers into the four levels of <paramref name="acc"/>: a level
    /// carries into the next every <c>2^levelPower</c> of its own additions. The row count starts at 0 here, which gives
    /// the carries of the whole run when the rows start at one of the top level's boundaries.
    /// </summary>
    private static void CascadeRows(ReadOnlySpan<Vector256<float>> blocks, (int Power, int Step, int Mask) levels,
        Span<Vector256<float>> acc)
    {
        var (levelPower, levelStep, levelMask) = levels;
        var rows = blocks.Length / RowWidth;
        var i = 0;
        while (i + levelStep <= rows)
        {
            for (var j = 0; j < levelStep; j++, i++) AddRow(acc, blocks.Slice(i * RowWidth, RowWidth));
            for (var level = 1; level < Levels; level++)
            {
                var higher = acc.Slice(level * RowWidth, RowWidth);
                var lower = acc.Slice((level - 1) * RowWidth, RowWidth);
                AddRow(higher, lower);
                lower.Clear();
                if ((i & (levelMask << (level * levelPower))) != 0) break;
            }
        }
        for (; i < rows; i++) AddRow(acc, blocks.Slice(i * RowWidth, RowWidth));
    }

    /// <summary>How many rows a level takes before it carries into the next one (PyTorch's multi_row_sum).</summary>
    private static (int Power, int Step, int Mask) LevelSteps(int rows)
    {
        var ceilLog2 = rows <= 2 ? 1 : 64 - BitOperations.LeadingZeroCount((ulong)rows - 1);
        var power = Math.Max(4, ceilLog2 / Levels);
        return (power, 1 << power, (1 << power) - 1);
    }

    private static void Add(Span<float> into, ReadOnlySpan<float> values)
    {
        for (var k = 0; k < into.Length; k++) into[k] += values[k];
    }

    private static void AddRow(Span<Vector256<float>> into, ReadOnlySpan<Vector256<float>> row)
    {
        for (var k = 0; k < RowWidth; k++) into[k] += row[k];
    }
}
