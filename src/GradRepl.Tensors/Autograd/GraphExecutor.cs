namespace GradRepl.Tensors.Autograd;

/// <summary>
/// Runs backward: finds the nodes reachable from the outputs, then runs each node once all the nodes
/// that feed it have run, summing the gradients that reach it (so reused nodes accumulate, never overwrite).
/// </summary>
internal static class GraphExecutor
{
    /// <summary>Backward from <paramref name="outputs"/>, accumulating into the leaves' <c>.grad</c>.</summary>
    public static void Backward(Tensor[] outputs, Tensor?[]? gradOutputs, bool retainGraph, bool createGraph)
        => Run(outputs, gradOutputs, retainGraph, createGraph, captureInputs: null);

    /// <summary>The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, leaving every <c>.grad</c> alone.</summary>
    public static Tensor?[] Grad(Tensor[] outputs, Tensor[] inputs, Tensor?[]? gradOutputs, bool retainGraph, bool createGraph, bool allowUnused)
    {
        var captured = new Dictionary<Node, Tensor?>(ReferenceEqualityComparer.Instance);
        var inputNodes = new Node[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputNodes[i] = inputs[i].GradEdge() ?? throw new RuntimeError("One of the differentiated Tensors does not require grad");
            captured[inputNodes[i]] = null;
        }
        Run(outputs, gradOutputs, retainGraph, createGraph, captured);
        var result = new Tensor?[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            result[i] = captured[inputNodes[i]];
            if (result[i] is null && !allowUnused) throw new RuntimeError(Messages.UnusedInput);
        }
        return result;
    }

    private static void Run(Tensor[] outputs, Tensor?[]? gradOutputs, bool retainGraph, bool createGraph, Dictionary<Node, Tensor?>? captureInputs)
    {
        var roots = new Node[outputs.Length];
        var buffers = new Dictionary<Node, Tensor>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < outputs.Length; i++)
        {
            var output = outputs[i];
            roots[i] = output.GradEdge() ?? throw new RuntimeError(Messages.NoGradFn(i));
            var seed = gradOutputs?[i] ?? ImplicitGradient(output);
            if (!seed.Sizes.AsSpan().SequenceEqual(output.Sizes))
                throw new RuntimeError($"Mismatch in shape: grad_output[{i}] has a shape of {seed.shape} and output[{i}] has a shape of {output.shape}.");
            AddToBuffer(buffers, roots[i], seed);
        }

        var dependencies = CountDependencies(roots);
        var ready = new Stack<Node>();
        foreach (var root in roots)
            if (dependencies.GetValueOrDefault(root) == 0 && !ready.Contains(root)) ready.Push(root);

        var executed = new List<Node>();
        using (createGraph ? GradMode.Enable() : GradMode.Disable())
        {
            while (ready.Count > 0)
            {
                var node = ready.Pop();
                buffers.Remove(node, out var grad);
                if (grad is not null) Execute(node, grad, buffers, createGraph, captureInputs, executed);
                foreach (var next in node.Inputs)
                {
                    if (next is null) continue;
                    if (--dependencies[next] == 0) ready.Push(next);
                }
            }
        }
        if (!retainGraph)
            foreach (var node in executed) node.Release();
    }

    private static void Execute(Node node, Tensor grad, Dictionary<Node, Tensor> buffers, bool createGraph,
        Dictionary<Node, Tensor?>? captureInputs, List<Node> executed)
    {
        if (captureInputs is not null && captureInputs.ContainsKey(node))
        {
            captureInputs[node] = grad;
            if (node is AccumulateGrad) return;
        }
        if (node is AccumulateGrad accumulate)
        {
            // autograd.grad() leaves every .grad untouched.
            if (captureInputs is null) accumulate.Variable.AccumulateGradient(grad, createGraph);
            return;
        }
        if (captureInputs is null && node.RetainedOutput is not null && node.RetainedOutput.TryGetTarget(out var retained))
            retained.SetRetainedGrad(grad, createGraph);

        var inputGrads = node.Apply(grad);
        executed.Add(node);
        for (var i = 0; i < node.Inputs.Length; i++)
        {
            var next = node.Inputs[i];
            if (next is null || i >= inputGrads.Length || inputGrads[i] is not { } g) continue;
            AddToBuffer(buffers, next, g);
        }
    }

    private static void AddToBuffer(Dictionary<Node, Tensor> buffers, Node node, Tensor grad)
        => buffers[node] = buffers.TryGetValue(node, out var existing) ? existing + grad : grad;

    private static Tensor ImplicitGradient(Tensor output)
    {
        if (output.Count != 1) throw new RuntimeError(Messages.ImplicitGradScalarOnly);
        return Tensor.OnesLike(output);
    }

    /// <summary>How many edges point at each node reachable from the roots (iterative, so deep graphs cannot overflow the stack).</summary>
    private static Dictionary<Node, int> CountDependencies(Node[] roots)
    {
        var dependencies = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Node>();
        foreach (var root in roots)
            if (seen.Add(root)) stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var next in node.Inputs)
            {
                if (next is null) continue;
                dependencies[next] = dependencies.GetValueOrDefault(next) + 1;
                if (seen.Add(next)) stack.Push(next);
            }
        }
        return dependencies;
    }
}
