namespace GradRepl.Tensors.Modules;

/// <summary>
/// Python's tuple unpacking for lists of tensors (a <c>TensorDataset</c> sample or batch):
/// <c>var (x, y) = dataset[0];</c>, <c>foreach (var (xb, yb) in loader)</c>, with Python's error when the count differs.
/// </summary>
public static class TensorListDeconstruction
{
    /// <summary>Unpacks exactly two tensors.</summary>
    public static void Deconstruct(this IReadOnlyList<Tensor> tensors, out Tensor first, out Tensor second)
    {
        Expect(tensors, 2);
        (first, second) = (tensors[0], tensors[1]);
    }

    /// <summary>Unpacks exactly three tensors.</summary>
    public static void Deconstruct(this IReadOnlyList<Tensor> tensors, out Tensor first, out Tensor second, out Tensor third)
    {
        Expect(tensors, 3);
        (first, second, third) = (tensors[0], tensors[1], tensors[2]);
    }

    private static void Expect(IReadOnlyList<Tensor> tensors, int count)
    {
        if (tensors.Count > count) throw new ValueError($"too many values to unpack (expected {count})");
        if (tensors.Count < count) throw new ValueError($"not enough values to unpack (expected {count}, got {tensors.Count})");
    }
}
