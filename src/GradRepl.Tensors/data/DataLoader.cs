using System.Collections;

namespace GradRepl.Tensors.Modules;

/// <summary>
/// Batches of a dataset, as PyTorch 1.13's single-process <c>DataLoader</c> makes them: indices in order, or with
/// shuffle a fresh permutation each pass drawn exactly as its RandomSampler draws it; every <c>batchSize</c>
/// samples collated into one batch. Enumerate it with <c>foreach</c>; <see cref="Count"/> is the number of batches.
/// </summary>
/// <typeparam name="T">A sample.</typeparam>
/// <typeparam name="S">A batch.</typeparam>
public sealed class DataLoader<T, S> : IEnumerable<S>
{
    private readonly torch.utils.data.Dataset<T> _dataset;
    private readonly int _batchSize;
    private readonly Func<IReadOnlyList<T>, S> _collate;
    private readonly bool _shuffle;
    private readonly bool _dropLast;

    internal DataLoader(torch.utils.data.Dataset<T> dataset, int batchSize, Func<IReadOnlyList<T>, S> collate, bool shuffle, bool drop_last)
    {
        _dataset = dataset ?? throw new ValueError("DataLoader got None instead of a dataset");
        // PyTorch makes the RandomSampler before the BatchSampler, so an empty dataset is named first
        if (shuffle && dataset.Count <= 0) throw new ValueError($"num_samples should be a positive integer value, but got num_samples={dataset.Count}");
        if (batchSize <= 0) throw new ValueError($"batch_size should be a positive integer value, but got batch_size={batchSize}");
        _batchSize = batchSize;
        _collate = collate ?? throw new ValueError("DataLoader got None instead of a collate_fn");
        _shuffle = shuffle;
        _dropLast = drop_last;
    }

    /// <summary>The dataset the batches come from.</summary>
    public torch.utils.data.Dataset<T> dataset => _dataset;

    /// <summary>Samples per batch.</summary>
    public int batch_size => _batchSize;

    /// <summary>Whether a last, smaller batch is left out.</summary>
    public bool drop_last => _dropLast;

    /// <summary>The number of batches a pass gives (Python's <c>len(loader)</c>).</summary>
    public long Count => _dropLast ? _dataset.Count / _batchSize : (_dataset.Count + _batchSize - 1) / _batchSize;

    /// <summary>
    /// Starts a pass. Like PyTorch's, it first draws a base seed from the global generator (PyTorch gives it to worker
    /// processes), so random numbers drawn after a pass are PyTorch's too; a shuffling pass then draws its own seed.
    /// </summary>
    public IEnumerator<S> GetEnumerator()
    {
        torch.Generator.NextUInt64();
        return Batches();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerator<S> Batches()
    {
        var batch = new List<T>(_batchSize);
        foreach (var index in SampleOrder())
        {
            batch.Add(_dataset.GetTensor(index));
            if (batch.Count < _batchSize) continue;
            yield return _collate(batch.ToArray());
            batch.Clear();
        }
        if (batch.Count > 0 && !_dropLast) yield return _collate(batch.ToArray());
    }

    // RandomSampler: seed = torch.empty((), dtype=torch.int64).random_() (64 random bits, top bit cleared), then
    // torch.randperm(n) from a generator seeded with it. SequentialSampler: 0 .. n-1. Both read the length at the start of a pass.
    private IEnumerable<long> SampleOrder()
    {
        var n = _dataset.Count;
        if (!_shuffle)
        {
            for (long i = 0; i < n; i++) yield return i;
            yield break;
        }
        var seed = torch.Generator.NextUInt64() & long.MaxValue;
        foreach (var index in torch.Permutation(checked((int)n), new Random.MersenneTwister(seed))) yield return index;
    }
}
