namespace GradRepl.Tensors.Autograd;

/// <summary>Attaches a backward node to an operation's result when grad mode is on and an input requires grad.</summary>
internal static class Recorder
{
    public static bool ShouldRecord(Tensor a) => a.requires_grad && GradMode.IsEnabled;

    public static bool ShouldRecord(Tensor a, Tensor b) => (a.requires_grad || b.requires_grad) && GradMode.IsEnabled;

    /// <summary>Makes <paramref name="result"/> the output of a new node named <paramref name="name"/>.</summary>
    /// <param name="inputs">The op's tensor inputs; null stands for a C# scalar operand, which PyTorch lists as <c>(None, 0)</c>.</param>
    /// <param name="savesTensors">True when backward reads tensors kept from the forward pass (freed after backward).</param>
    /// <param name="saved">
    /// The tensors backward reads, whose versions it checks (an in-place change since gives PyTorch's error);
    /// <paramref name="result"/> may be among them. Null means the tensor inputs when <paramref name="savesTensors"/>.
    /// </param>
    public static Tensor Record(Tensor result, string name, Tensor?[] inputs, bool savesTensors, BackwardFunction backward, Tensor?[]? saved = null)
    {
        var edges = new Node?[inputs.Length];
        var any = false;
        for (var i = 0; i < inputs.Length; i++)
        {
            edges[i] = inputs[i]?.GradEdge();
            any |= edges[i] is not null;
        }
        if (!any || !GradMode.IsEnabled) return result;
        var node = new Node(name, edges, backward, savesTensors);
        if (savesTensors) node.SaveVersions(saved ?? inputs, result);
        result.SetGradFn(node);
        return result;
    }
}
