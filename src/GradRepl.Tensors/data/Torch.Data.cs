namespace GradRepl.Tensors;

public static partial class torch
{
    /// <summary>Utilities, as in <c>torch.utils</c>.</summary>
    public static partial class utils
    {
        /// <summary>Datasets and batching, with TorchSharp's names and PyTorch 1.13's order and collation.</summary>
        public static partial class data
        {
            /// <summary>
            /// A map-style dataset: <see cref="Count"/> samples, sample <c>i</c> given by <see cref="GetTensor"/>
            /// (PyTorch's <c>__len__</c> and <c>__getitem__</c>). Subclass it; <c>dataset[i]</c> indexes it.
            /// </summary>
            /// <typeparam name="T">A sample: a tensor, a tuple of tensors such as <c>(Tensor x, Tensor y)</c>, ...</typeparam>
            public abstract class Dataset<T>
            {
                /// <summary>The number of samples (Python's <c>len(dataset)</c>).</summary>
                public abstract long Count { get; }

                /// <summary>Sample <paramref name="index"/>.</summary>
                public abstract T GetTensor(long index);

                /// <summary>Sample <paramref name="index"/>: <c>dataset[i]</c>.</summary>
                public T this[long index] => GetTensor(index);
            }

            /// <summary>
            /// A dataset over tensors of equal first dimension: sample <c>i</c> is the tuple of their rows <c>i</c>,
            /// <c>(X[i], Y[i])</c>. <c>foreach (var (xb, yb) in DataLoader(TensorDataset(X, Y), 10))</c>.
            /// </summary>
            public static Modules.TensorDataset TensorDataset(params Tensor[] tensors) => new(tensors);

            /// <summary>
            /// Batches of a dataset of <c>(x, y)</c> samples, each field stacked along a new first dimension:
            /// <c>foreach (var (xb, yb) in loader)</c>. With <paramref name="shuffle"/>, each pass visits the samples in
            /// the order PyTorch's RandomSampler draws for the same <c>manual_seed</c>.
            /// </summary>
            /// <param name="dataset">The samples.</param>
            /// <param name="batchSize">Samples per batch.</param>
            /// <param name="shuffle">A new random order on every pass.</param>
            /// <param name="drop_last">Leave out a last batch smaller than <paramref name="batchSize"/>.</param>
            public static Modules.DataLoader<(Tensor, Tensor), (Tensor, Tensor)> DataLoader(Dataset<(Tensor, Tensor)> dataset, int batchSize,
                bool shuffle = false, bool drop_last = false)
                => new(dataset, batchSize, samples => (Modules.Collate.Stack(samples, s => s.Item1), Modules.Collate.Stack(samples, s => s.Item2)), shuffle, drop_last);

            /// <summary>Batches of a dataset of tensors, stacked along a new first dimension.</summary>
            /// <param name="dataset">The samples.</param>
            /// <param name="batchSize">Samples per batch.</param>
            /// <param name="shuffle">A new random order on every pass, PyTorch's for the same seed.</param>
            /// <param name="drop_last">Leave out a last batch smaller than <paramref name="batchSize"/>.</param>
            public static Modules.DataLoader<Tensor, Tensor> DataLoader(Dataset<Tensor> dataset, int batchSize, bool shuffle = false, bool drop_last = false)
                => new(dataset, batchSize, samples => Modules.Collate.Stack(samples, s => s), shuffle, drop_last);

            /// <summary>
            /// Batches of a dataset of tensor tuples such as <see cref="TensorDataset"/>'s: a list with each field stacked,
            /// as PyTorch's default collation gives; <c>foreach (var (xb, yb) in loader)</c> deconstructs it.
            /// </summary>
            /// <param name="dataset">The samples.</param>
            /// <param name="batchSize">Samples per batch.</param>
            /// <param name="shuffle">A new random order on every pass, PyTorch's for the same seed.</param>
            /// <param name="drop_last">Leave out a last batch smaller than <paramref name="batchSize"/>.</param>
            public static Modules.DataLoader<IReadOnlyList<Tensor>, IReadOnlyList<Tensor>> DataLoader(Dataset<IReadOnlyList<Tensor>> dataset, int batchSize,
                bool shuffle = false, bool drop_last = false)
                => new(dataset, batchSize, Modules.Collate.StackFields, shuffle, drop_last);

            /// <summary>Batches made by <paramref name="collate_fn"/> from each list of samples.</summary>
            /// <param name="dataset">The samples.</param>
            /// <param name="batchSize">Samples per batch.</param>
            /// <param name="collate_fn">Makes a batch of the samples drawn for it.</param>
            /// <param name="shuffle">A new random order on every pass, PyTorch's for the same seed.</param>
            /// <param name="drop_last">Leave out a last batch smaller than <paramref name="batchSize"/>.</param>
            public static Modules.DataLoader<T, S> DataLoader<T, S>(Dataset<T> dataset, int batchSize, Func<IReadOnlyList<T>, S> collate_fn,
                bool shuffle = false, bool drop_last = false)
                => new(dataset, batchSize, collate_fn, shuffle, drop_last);
        }
    }
}
