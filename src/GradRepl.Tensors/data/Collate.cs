namespace GradRepl.Tensors.Modules;

/// <summary>PyTorch's default collation: the samples' tensors stacked along a new first dimension, field by field.</summary>
internal static class Collate
{
    /// <summary>Field <paramref name="field"/> of every sample, stacked.</summary>
    public static Tensor Stack<T>(IReadOnlyList<T> samples, Func<T, Tensor> field) => torch.stack(samples.Select(field).ToArray());

    /// <summary>Each field of tuple-like samples stacked: a list of batches, as PyTorch gives for tuple samples.</summary>
    public static IReadOnlyList<Tensor> StackFields(IReadOnlyList<IReadOnlyList<Tensor>> samples)
    {
        var fields = samples[0].Count;
        if (samples.Any(s => s.Count != fields)) throw new RuntimeError("each element in list of batch should be of equal size");
        return Enumerable.Range(0, fields).Select(f => Stack(samples, s => s[f])).ToList();
    }
}
